import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { EVENT_TYPES } from "@/db/enums";
import { apiClient, createTestApiKey } from "@/scripts/test-support/api-client";
import { countIngestedRows } from "@/scripts/test-support/row-counts";

/**
 * Property: whatever a sender gets wrong, the API answers with a 4xx that says so, never a 5xx,
 * and a rejected request leaves every table as it was. Payloads are random JSON, random bytes,
 * and — the dangerous kind — valid-looking events with one part broken: a field of the wrong
 * type or missing, a reference to a seller or order nobody sent, an impossible date.
 */

let client: ReturnType<typeof apiClient>;
beforeAll(async () => {
  client = apiClient((await createTestApiKey("fuzz")).secret);
  // Something to refer to, so references to existing objects are exercised as well.
  const ok = await client.postEvents({
    events: [
      {
        id: "fuzz-seed-1",
        type: "seller.upserted",
        occurredAt: "2026-01-01T00:00:00Z",
        data: { sellerId: "S-F", name: "Fuzz shop" },
      },
      {
        id: "fuzz-seed-2",
        type: "order.placed",
        occurredAt: "2026-01-02T00:00:00Z",
        data: { orderId: "O-F", sellerId: "S-F", buyerId: "B-F" },
      },
    ],
  });
  expect(ok.status).toBe(200);
});

const validData: Record<(typeof EVENT_TYPES)[number], Record<string, unknown>> = {
  "seller.upserted": { sellerId: "S-F", name: "Shop" },
  "order.placed": { orderId: "O-new", sellerId: "S-F", buyerId: "B1" },
  "order.status_changed": { orderId: "O-F", status: "shipped" },
  "review.posted": { reviewId: "R-new", sellerId: "S-F", buyerId: "B1", rating: 4 },
  "review.updated": { reviewId: "R-F", rating: 2 },
  "review.removed": { reviewId: "R-F", by: "buyer" },
  "complaint.filed": { complaintId: "C-new", sellerId: "S-F", buyerId: "B1", reason: "late" },
  "message.sent": { messageId: "M-new", threadId: "T-new", sellerId: "S-F", buyerId: "B1", from: "buyer" },
  "refund.issued": { orderId: "O-F", requestedAt: "2026-01-03T00:00:00Z" },
};

/** A valid-looking event with exactly one thing broken, so the batch it is in must be refused. */
const brokenEvent = fc
  .record({
    type: fc.constantFrom(...EVENT_TYPES),
    id: fc.string({ minLength: 1, maxLength: 20 }),
    breakage: fc.oneof(
      fc.record({
        kind: fc.constant("wrong-type" as const),
        value: fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer())),
      }),
      fc.record({ kind: fc.constant("missing" as const) }),
      fc.record({
        kind: fc.constant("unknown-seller" as const),
        sellerId: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `nobody-${s}`),
      }),
      fc.record({
        kind: fc.constant("bad-date" as const),
        date: fc.oneof(fc.string(), fc.constant("2026-13-45T00:00:00Z"), fc.constant("2026-01-01T00:00:00")),
      }),
      fc.record({
        kind: fc.constant("extra-field" as const),
        name: fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x_${s}`),
      }),
    ),
  })
  .map(({ type, id, breakage }) => {
    const data: Record<string, unknown> = { ...validData[type] };
    const event: Record<string, unknown> = { id: `fuzz-${id}`, type, occurredAt: "2026-02-01T00:00:00Z", data };
    const firstField = Object.keys(data)[0]!;
    switch (breakage.kind) {
      case "wrong-type":
        data[firstField] = breakage.value;
        break;
      case "missing":
        delete data[firstField];
        break;
      case "unknown-seller":
        // seller.upserted creates its seller, so break it another way: a seller needs a name.
        if (type === "seller.upserted") data.name = "";
        else if ("sellerId" in data) data.sellerId = breakage.sellerId;
        else if ("orderId" in data) data.orderId = breakage.sellerId;
        else if ("reviewId" in data) data.reviewId = breakage.sellerId;
        break;
      case "bad-date":
        event.occurredAt = breakage.date;
        break;
      case "extra-field":
        data[breakage.name] = 1;
        break;
    }
    return event;
  });

const payload = fc.oneof(
  fc.record({ body: fc.jsonValue() }),
  fc.record({ raw: fc.string({ maxLength: 200 }) }),
  fc.record({ body: fc.record({ events: fc.array(fc.jsonValue(), { maxLength: 5 }) }) }),
  // One broken event among valid ones, anywhere in the batch.
  fc.record({
    body: fc
      .tuple(fc.array(fc.constantFrom(...EVENT_TYPES), { maxLength: 4 }), brokenEvent, fc.nat())
      .map(([validTypes, broken, position]) => {
        const events: unknown[] = validTypes.map((type, i) => ({
          id: `fuzz-valid-${i}-${type}`,
          type,
          occurredAt: "2026-02-01T00:00:00Z",
          data: validData[type],
        }));
        events.splice(position % (events.length + 1), 0, broken);
        return { events };
      }),
  }),
);

test("[API] thousands of malformed payloads never produce a 5xx and never write a row", { timeout: 240_000 }, async () => {
  const before = await countIngestedRows();
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(payload, async (input) => {
      const response =
        "raw" in input ? await client.postEvents(undefined, { rawBody: input.raw }) : await client.postEvents(input.body);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.error).toEqual(expect.any(String));
      expect(response.body.issues).toEqual(expect.any(Array));
    }),
    { numRuns: 2000, seed: 20261123 },
  );
  // Not one row in any table the API writes to.
  expect(await countIngestedRows()).toEqual(before);
  expect(statuses.get(400)).toBeGreaterThan(1500);
});
