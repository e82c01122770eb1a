import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, outboxEvents, type Seller } from "@/db/schema";
import { listOutboxEvents } from "@/lib/delivery/list-outbox-events";
import { retryOutboxEvent } from "@/lib/delivery/retry-outbox-event";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const T0 = new Date("2026-05-04T08:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function writeEvent(
  seller: Seller,
  state: { attempts?: number; deliveredAt?: Date | null; lastError?: string | null; nextAttemptAt?: Date } = {},
) {
  const [event] = await db
    .insert(outboxEvents)
    .values({
      sellerId: seller.id,
      type: "seller.excluded",
      payload: {
        sellerId: seller.externalId,
        caseId: 1,
        excludedSince: T0.toISOString(),
        recheckOn: later(14 * 86_400).toISOString(),
      },
      createdAt: T0,
      nextAttemptAt: state.nextAttemptAt ?? T0,
      attempts: state.attempts ?? 0,
      deliveredAt: state.deliveredAt ?? null,
      lastError: state.lastError ?? null,
    })
    .returning();
  return event!;
}
const auditEntriesFor = (eventId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "outbox-event"), eq(auditLog.entityId, String(eventId))));

describe("catalog delivery for admins", () => {
  test("[ADMIN] retry now makes a failing event due at once; the change and its audit entry are written together", async () => {
    const { actor: admin } = await createTestUser("admin");
    const seller = await createTestSeller();
    const event = await writeEvent(seller, { attempts: 4, lastError: "HTTP 502", nextAttemptAt: later(3600) });
    const now = later(600);

    expect(await retryOutboxEvent({ actor: admin, eventId: event.id, now })).toEqual({ id: event.id, nextAttemptAt: now });

    const [after] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, event.id));
    expect(after).toMatchObject({ nextAttemptAt: now, attempts: 4, deliveredAt: null });
    expect(await auditEntriesFor(event.id)).toMatchObject([
      {
        action: "outbox.retry_requested",
        actorUserId: admin.userId,
        actorRole: "admin",
        sellerId: seller.id,
        before: { attempts: 4, nextAttemptAt: later(3600).toISOString(), lastError: "HTTP 502" },
        after: { nextAttemptAt: now.toISOString() },
      },
    ]);
  });

  test("[ADMIN] retrying a delivered event is a conflict and an unknown one not found; nothing is audited", async () => {
    const { actor: admin } = await createTestUser("admin");
    const delivered = await writeEvent(await createTestSeller(), { attempts: 1, deliveredAt: later(5) });
    await expect(retryOutboxEvent({ actor: admin, eventId: delivered.id, now: later(60) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(retryOutboxEvent({ actor: admin, eventId: 987_654_321, now: later(60) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(retryOutboxEvent({ actor: admin, eventId: -1, now: later(60) })).rejects.toMatchObject({ code: "INVALID" });
    expect(await auditEntriesFor(delivered.id)).toHaveLength(0);
  });

  test.each([["moderator"], ["seller"]] as const)("[%s] cannot list or retry catalog events; nothing changes", async (role) => {
    const { actor } = await createTestUser(role);
    const event = await writeEvent(await createTestSeller(), { nextAttemptAt: later(3600) });
    await expect(listOutboxEvents({ actor, filter: "all", page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryOutboxEvent({ actor, eventId: event.id, now: later(1) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [after] = await db.select().from(outboxEvents).where(eq(outboxEvents.id, event.id));
    expect(after!.nextAttemptAt).toEqual(later(3600));
    expect(await auditEntriesFor(event.id)).toHaveLength(0);
  });

  test("[ADMIN] lists events newest first with the seller's id, filtered by pending, failing and delivered", async () => {
    const { actor: admin } = await createTestUser("admin");
    const seller = await createTestSeller();
    const pending = await writeEvent(seller);
    const failing = await writeEvent(seller, { attempts: 2, lastError: "HTTP 500" });
    const delivered = await writeEvent(seller, { attempts: 1, deliveredAt: later(1) });
    const idsOf = async (filter: "all" | "pending" | "failing" | "delivered") =>
      (await listOutboxEvents({ actor: admin, filter, page: 1, pageSize: 200 })).rows
        .map((row) => row.id)
        .filter((id) => [pending.id, failing.id, delivered.id].includes(id));

    expect(await idsOf("all")).toEqual([delivered.id, failing.id, pending.id]);
    expect(await idsOf("pending")).toEqual([failing.id, pending.id]);
    expect(await idsOf("failing")).toEqual([failing.id]);
    expect(await idsOf("delivered")).toEqual([delivered.id]);

    const page = await listOutboxEvents({ actor: admin, filter: "failing", page: 1, pageSize: 1 });
    expect(page.rows[0]).toMatchObject({
      id: failing.id,
      sellerExternalId: seller.externalId,
      attempts: 2,
      lastError: "HTTP 500",
      type: "seller.excluded",
    });
    expect(page.total).toBeGreaterThanOrEqual(1);
  });
});
