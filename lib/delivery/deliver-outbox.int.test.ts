import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/db";
import { outboxEvents, type Seller } from "@/db/schema";
import { deliverDueOutboxEvents, verifyWebhookSignature } from "@/lib/delivery/deliver-outbox";
import type { OutboxPayload } from "@/lib/notifications/notification-kinds";
import { createTestSeller } from "@/scripts/test-support/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/scripts/test-support/webhook-receiver";

const SECRET = "test-webhook-secret-0123456789abcdef";
const T0 = new Date("2026-05-04T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let receiver: WebhookReceiver;
const config = () => ({ url: receiver.url, secret: SECRET });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});
beforeEach(async () => {
  // Each test sees only its own events: whatever an earlier test left pending is out of the way.
  await db.update(outboxEvents).set({ deliveredAt: T0 }).where(isNull(outboxEvents.deliveredAt));
  receiver.received.length = 0;
  receiver.reply = () => ({ status: 200 });
});

async function writeEvent(seller: Seller, type: "seller.excluded" | "seller.reinstated", createdAt = T0) {
  const payload: OutboxPayload =
    type === "seller.excluded"
      ? {
          sellerId: seller.externalId,
          caseId: 41,
          excludedSince: createdAt.toISOString(),
          recheckOn: at(14 * 86_400).toISOString(),
        }
      : { sellerId: seller.externalId, caseId: 41, reinstatedAt: createdAt.toISOString() };
  const [event] = await db
    .insert(outboxEvents)
    .values({ sellerId: seller.id, type, payload, createdAt, nextAttemptAt: createdAt })
    .returning();
  return event!;
}
const stored = async (id: number) => (await db.select().from(outboxEvents).where(eq(outboxEvents.id, id)))[0]!;

describe("delivering catalog events", () => {
  test("[CATALOG] receives a signed JSON envelope; a 2xx answer delivers the event", async () => {
    const seller = await createTestSeller();
    const event = await writeEvent(seller, "seller.excluded");

    expect(await deliverDueOutboxEvents({ now: at(5), config: config() })).toEqual({ status: "done", delivered: 1, failed: 0 });

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toEqual({
      id: String(event.id),
      type: "seller.excluded",
      occurredAt: T0.toISOString(),
      data: event.payload,
    });
    expect(request!.headers).toMatchObject({
      "content-type": "application/json",
      "x-catalog-guard-event": "seller.excluded",
      "x-catalog-guard-delivery": String(event.id),
      "x-catalog-guard-timestamp": String(at(5).getTime() / 1000),
      "x-catalog-guard-signature": expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    const signed = {
      body: request!.body,
      timestamp: request!.headers["x-catalog-guard-timestamp"] as string,
      signature: request!.headers["x-catalog-guard-signature"] as string,
      now: at(6),
    };
    expect(verifyWebhookSignature({ secret: SECRET, ...signed })).toBe(true);
    expect(verifyWebhookSignature({ secret: `${SECRET}-wrong`, ...signed })).toBe(false);

    expect(await stored(event.id)).toMatchObject({ deliveredAt: at(5), attempts: 1, lastStatus: 200, lastError: null });
    // Delivered is delivered: a later run sends nothing.
    expect(await deliverDueOutboxEvents({ now: at(3600), config: config() })).toEqual({
      status: "done",
      delivered: 0,
      failed: 0,
    });
    expect(receiver.received).toHaveLength(1);
  });

  test("[CATALOG] a 500 is tried again later, backing off; a later run delivers it", async () => {
    const seller = await createTestSeller();
    const event = await writeEvent(seller, "seller.excluded");
    receiver.reply = () => ({ status: 500, body: "database   is\ndown" });

    expect(await deliverDueOutboxEvents({ now: at(0), config: config() })).toEqual({ status: "done", delivered: 0, failed: 1 });
    const afterFirst = await stored(event.id);
    expect(afterFirst).toMatchObject({
      deliveredAt: null,
      attempts: 1,
      lastStatus: 500,
      lastError: "HTTP 500: database is down",
    });
    // 30 s, ±20% jitter.
    expect(afterFirst.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at(24).getTime());
    expect(afterFirst.nextAttemptAt.getTime()).toBeLessThanOrEqual(at(36).getTime());

    // Not due yet: nothing is sent.
    expect(await deliverDueOutboxEvents({ now: at(20), config: config() })).toMatchObject({ delivered: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);

    expect(await deliverDueOutboxEvents({ now: at(40), config: config() })).toMatchObject({ delivered: 0, failed: 1 });
    const afterSecond = await stored(event.id);
    expect(afterSecond).toMatchObject({ attempts: 2, deliveredAt: null });
    // 60 s after the second try, ±20%.
    expect(afterSecond.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at(40 + 48).getTime());
    expect(afterSecond.nextAttemptAt.getTime()).toBeLessThanOrEqual(at(40 + 72).getTime());

    receiver.reply = () => ({ status: 204 });
    expect(await deliverDueOutboxEvents({ now: at(200), config: config() })).toMatchObject({ delivered: 1, failed: 0 });
    expect(await stored(event.id)).toMatchObject({ deliveredAt: at(200), attempts: 3, lastStatus: 204 });
    expect(receiver.received.map((request) => request.id)).toEqual([String(event.id), String(event.id), String(event.id)]);
  });

  test("[CATALOG] a seller's events arrive in order: a reinstatement waits while its exclusion is undelivered", async () => {
    const [seller, other] = [await createTestSeller(), await createTestSeller()];
    const excluded = await writeEvent(seller, "seller.excluded", at(0));
    const reinstated = await writeEvent(seller, "seller.reinstated", at(1));
    const otherExcluded = await writeEvent(other, "seller.excluded", at(2));
    let isExclusionRefused = true;
    receiver.reply = (request) => (request.id === String(excluded.id) && isExclusionRefused ? { status: 503 } : { status: 200 });

    await deliverDueOutboxEvents({ now: at(10), config: config() });
    // The exclusion failed; the reinstatement was not sent before it. Another seller is not held up.
    expect(receiver.received.map((request) => request.id).sort()).toEqual([String(excluded.id), String(otherExcluded.id)].sort());
    expect(await stored(reinstated.id)).toMatchObject({ deliveredAt: null, attempts: 0 });

    // Also a run at a time when only the reinstatement would be due by its own next attempt.
    await deliverDueOutboxEvents({ now: at(12), config: config() });
    expect(receiver.received).toHaveLength(2);

    isExclusionRefused = false;
    expect(await deliverDueOutboxEvents({ now: at(3600), config: config() })).toMatchObject({ delivered: 2, failed: 0 });
    const forSeller = receiver.received.filter((request) => request.sellerId === seller.externalId);
    expect(forSeller.map((request) => request.type)).toEqual(["seller.excluded", "seller.excluded", "seller.reinstated"]);
    expect((await stored(excluded.id)).deliveredAt).toEqual(at(3600));
    expect((await stored(reinstated.id)).deliveredAt).toEqual(at(3600));
  });

  test("[CATALOG] two runs at once send every event exactly once, each seller's in order (SKIP LOCKED)", async () => {
    const sellers = await Promise.all(Array.from({ length: 12 }, () => createTestSeller()));
    const written = [];
    for (const [index, seller] of sellers.entries()) {
      written.push(await writeEvent(seller, "seller.excluded", at(index)));
      if (index % 3 === 0) written.push(await writeEvent(seller, "seller.reinstated", at(100 + index)));
    }
    receiver.reply = () => ({ status: 200, delayMs: 30 });

    const runs = await Promise.all([
      deliverDueOutboxEvents({ now: at(500), config: config() }),
      deliverDueOutboxEvents({ now: at(500), config: config() }),
    ]);

    const ids = receiver.received.map((request) => request.id);
    expect(ids.slice().sort()).toEqual(written.map((event) => String(event.id)).sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(runs.reduce((sum, run) => sum + (run.status === "done" ? run.delivered : 0), 0)).toBe(written.length);
    for (const seller of sellers) {
      const types = receiver.received.filter((request) => request.sellerId === seller.externalId).map((request) => request.type);
      expect(types[0]).toBe("seller.excluded");
    }
    expect(await db.select().from(outboxEvents).where(isNull(outboxEvents.deliveredAt))).toHaveLength(0);
  });

  test("a receiver that cannot be reached is a failed attempt with the network error; it is tried again", async () => {
    const seller = await createTestSeller();
    const event = await writeEvent(seller, "seller.excluded");
    const unreachable = { url: "http://127.0.0.1:9/hooks", secret: SECRET };

    expect(await deliverDueOutboxEvents({ now: at(0), config: unreachable })).toMatchObject({ delivered: 0, failed: 1 });
    const after = await stored(event.id);
    expect(after).toMatchObject({ attempts: 1, lastStatus: null, deliveredAt: null });
    expect(after.lastError).toMatch(/ECONNREFUSED|fetch failed/);
  });

  test("without a webhook configured nothing is sent and the events stay pending", async () => {
    const seller = await createTestSeller();
    const event = await writeEvent(seller, "seller.excluded");
    expect(await deliverDueOutboxEvents({ now: at(60), config: null })).toEqual({ status: "not-configured" });
    expect(await stored(event.id)).toMatchObject({ deliveredAt: null, attempts: 0, nextAttemptAt: T0 });
  });

  test("a run sends at most its limit; the next run goes on", async () => {
    const sellers = await Promise.all(Array.from({ length: 5 }, () => createTestSeller()));
    for (const seller of sellers) await writeEvent(seller, "seller.excluded");
    expect(await deliverDueOutboxEvents({ now: at(1), config: config(), limit: 3 })).toMatchObject({ delivered: 3 });
    expect(await deliverDueOutboxEvents({ now: at(2), config: config(), limit: 3 })).toMatchObject({ delivered: 2 });
    expect(receiver.received).toHaveLength(5);
  });
});
