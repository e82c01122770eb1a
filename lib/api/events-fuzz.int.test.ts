import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { EVENT_TYPES } from "@/db/enums";
import { apiClient, createTestApiKey } from "@/scripts/test-support/api-client";
import { countIngestedRows } from "@/scripts/test-support/row-counts";

/**
 * Property: whatever a sender gets wrong, the API answers with a 4xx that says so, never a 5xx,
 * and a rejected request leaves every table as it was. Payloads are random JSON, random text and
 * bytes (not all of them UTF-8), bodies sent as another media type, and — the dangerous kind —
 * valid-looking events with one part broken: a field of the wrong type or missing, a reference to
 * a seller or order nobody sent, an impossible date, a year before any marketplace (0000, 0001),
 * an amount past its column, a NUL or half a surrogate pair in any string. A broken event's 400
 * names its index and the path of what is wrong.
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
      fc.record({
        kind: fc.constant("ancient-date" as const),
        date: fc.oneof(
          fc.constantFrom("0000-01-01T00:00:00Z", "0001-01-01T00:00:00+02:00", "0001-01-01T01:00:00+02:00"),
          fc.integer({ min: 0, max: 1999 }).map((year) => `${String(year).padStart(4, "0")}-06-15T12:00:00Z`),
        ),
      }),
      fc.record({ kind: fc.constant("huge-amount" as const), amount: fc.double({ min: 1e12, max: 1e300, noNaN: true }) }),
      fc.record({
        kind: fc.constant("unsafe-text" as const),
        character: fc.constantFrom("\u0000", "\uD800", "\uDBFF", "\uDC00", "\uDFFF"),
        field: fc.nat(),
        at: fc.nat(),
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
      case "ancient-date":
        event.occurredAt = breakage.date;
        break;
      case "huge-amount":
        // Only order.placed has an amount; the other types get an ancient date instead.
        if (type === "order.placed") data.amount = breakage.amount;
        else event.occurredAt = "0000-01-01T00:00:00Z";
        break;
      case "unsafe-text": {
        const holders: [Record<string, unknown>, string][] = [
          [event, "id"],
          [event, "occurredAt"],
          ...Object.keys(data)
            .filter((name) => typeof data[name] === "string")
            .map((name) => [data, name] as [Record<string, unknown>, string]),
        ];
        const [holder, name] = holders[breakage.field % holders.length]!;
        const text = String(holder[name]);
        const at = breakage.at % (text.length + 1);
        holder[name] = `${text.slice(0, at)}${breakage.character}${text.slice(at)}`;
        break;
      }
    }
    // A reference nobody sent is found when the batch is applied, maybe first at a valid event's.
    const isRefusedBySchema = breakage.kind !== "unknown-seller" || type === "seller.upserted";
    return { event, isRefusedBySchema };
  });

type Payload =
  { body: unknown; brokenIndex?: number } | { raw: string | Uint8Array<ArrayBuffer> } | { body: unknown; contentType: string };

const payload: fc.Arbitrary<Payload> = fc.oneof(
  fc.record({ body: fc.jsonValue() }),
  fc.record({ raw: fc.string({ maxLength: 200, unit: "binary" }) }),
  // Bytes, most of them not UTF-8.
  fc.record({ raw: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => new Uint8Array(bytes)) }),
  fc.record({ body: fc.record({ events: fc.array(fc.jsonValue(), { maxLength: 5 }) }) }),
  fc.record({
    body: fc.constant({
      events: [
        { id: "fuzz-media", type: "seller.upserted", occurredAt: "2026-02-01T00:00:00Z", data: validData["seller.upserted"] },
      ],
    }),
    contentType: fc.constantFrom(
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
    ),
  }),
  // One broken event among valid ones, anywhere in the batch: weighted, it is the dangerous kind.
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(fc.constantFrom(...EVENT_TYPES), { maxLength: 4 }), brokenEvent, fc.nat())
      .map(([validTypes, { event: broken, isRefusedBySchema }, position]) => {
        const events: unknown[] = validTypes.map((type, i) => ({
          id: `fuzz-valid-${i}-${type}`,
          type,
          occurredAt: "2026-02-01T00:00:00Z",
          data: validData[type],
        }));
        const brokenIndex = position % (events.length + 1);
        events.splice(brokenIndex, 0, broken);
        return { body: { events }, brokenIndex: isRefusedBySchema ? brokenIndex : undefined };
      }),
  },
);

async function send(input: Payload) {
  if ("raw" in input) return client.postEvents(undefined, { rawBody: input.raw });
  if ("contentType" in input) return client.postEvents(input.body, { headers: { "content-type": input.contentType } });
  return client.postEvents(input.body);
}

test("[API] ten thousand malformed payloads never produce a 5xx and never write a row", { timeout: 300_000 }, async () => {
  const before = await countIngestedRows();
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(payload, async (input) => {
      const response = await send(input);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.error).toEqual(expect.any(String));
      const issues = response.body.issues as { index?: number; path: string; message: string }[];
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues)
        expect(issue).toMatchObject({ path: expect.stringMatching(/\S/), message: expect.stringMatching(/\S/) });
      // A broken event among valid ones: the 400 names that event and where in it.
      if ("brokenIndex" in input && input.brokenIndex !== undefined) {
        expect(response.body.error).toBe("validation_failed");
        for (const issue of issues) expect(issue.index).toBe(input.brokenIndex);
      }
    }),
    { numRuns: 10_000, seed: 20261203 },
  );
  // Not one row in any table the API writes to.
  expect(await countIngestedRows()).toEqual(before);
  expect(statuses.get(400)).toBeGreaterThan(8000);
  expect(statuses.get(415)).toBeGreaterThan(100);
});
