/**
 * Input no column can hold — a NUL, half a surrogate pair, an amount past numeric(14, 2), a year
 * PostgreSQL does not store, bytes that are not UTF-8, a body that is not JSON at all — is a 4xx
 * that names what is wrong, never a 500, and nothing is written.
 */
import { describe, expect, test } from "vitest";
import { EVENT_TYPES } from "@/db/enums";
import { addCaseNote } from "@/lib/cases/add-case-note";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { parseEventsCsv } from "@/lib/ingest/csv-events";
import { EVENT_DATA_SCHEMAS } from "@/lib/ingest/event-schemas";
import { apiClient, createTestApiKey } from "@/scripts/test-support/api-client";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { countIngestedRows } from "@/scripts/test-support/row-counts";
import { MAX_VISIBILITY_SELLERS } from "@/lib/catalog/catalog-schemas";

const NOW = new Date("2026-11-02T10:00:00Z");

/** A valid event of each type, each string field filled. */
const VALID: Record<(typeof EVENT_TYPES)[number], Record<string, unknown>> = {
  "seller.upserted": { sellerId: "S-bad-in", name: "Shop", email: "shop@example.com" },
  "order.placed": { orderId: "O-bad-in", sellerId: "S-bad-in", buyerId: "B1", amount: 10, currency: "UAH" },
  "order.status_changed": { orderId: "O-bad-in", status: "shipped" },
  "review.posted": { reviewId: "R-bad-in", sellerId: "S-bad-in", buyerId: "B1", orderId: "O-bad-in", rating: 4, text: "Fine" },
  "review.updated": { reviewId: "R-bad-in", rating: 2, text: "Worse" },
  "review.removed": { reviewId: "R-bad-in", by: "buyer" },
  "complaint.filed": {
    complaintId: "C-bad-in",
    sellerId: "S-bad-in",
    buyerId: "B1",
    orderId: "O-bad-in",
    reason: "late",
    text: "x",
  },
  "message.sent": { messageId: "M-bad-in", threadId: "T1", sellerId: "S-bad-in", buyerId: "B1", from: "buyer", text: "Hello" },
  "refund.issued": { orderId: "O-bad-in", requestedAt: "2026-10-03T00:00:00Z" },
};
const event = (type: (typeof EVENT_TYPES)[number], data = VALID[type], occurredAt = "2026-10-05T00:00:00Z") => ({
  id: `bad-in-${type}`,
  type,
  occurredAt,
  data,
});

/** Every string of every event type, as [type, path, event with that string spoilt]. */
function spoilEachString(spoil: (text: string) => string) {
  return EVENT_TYPES.flatMap((type) => {
    const strings = Object.entries(VALID[type]).filter(([, value]) => typeof value === "string");
    expect(Object.keys(EVENT_DATA_SCHEMAS[type].shape)).toEqual(expect.arrayContaining(strings.map(([name]) => name)));
    return [
      { type, path: "id", event: { ...event(type), id: spoil("bad-in-id") } },
      { type, path: "occurredAt", event: { ...event(type), occurredAt: spoil("2026-10-05T00:00:00Z") } },
      ...strings.map(([name, value]) => ({
        type,
        path: `data.${name}`,
        event: event(type, { ...VALID[type], [name]: spoil(String(value)) }),
      })),
    ];
  });
}

describe("POST /api/v1/events with text no column can hold", () => {
  test.each([
    { what: "a NUL character", spoil: (text: string) => `${text}\u0000`, message: "NUL" },
    { what: "a lone high surrogate", spoil: (text: string) => `${text}\uD800`, message: "surrogate" },
    { what: "a lone low surrogate", spoil: (text: string) => `\uDC00${text}`, message: "surrogate" },
  ])("[API] $what in any string of any event is a 400 naming the index and path", async ({ spoil, message }) => {
    const client = apiClient((await createTestApiKey()).secret);
    const before = await countIngestedRows();
    for (const { path, event: spoilt } of spoilEachString(spoil)) {
      const answer = await client.postEvents({ events: [event("seller.upserted"), spoilt] });
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.issues).toEqual([{ index: 1, path, message: expect.stringContaining(message) }]);
    }
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] an amount past the column (1e12) and a date in year 0000 or 0001 are 400s naming the field", async () => {
    const client = apiClient((await createTestApiKey()).secret);
    const before = await countIngestedRows();
    const cases = [
      { event: event("order.placed", { ...VALID["order.placed"], amount: 1e12 }), path: "data.amount" },
      { event: event("order.placed", { ...VALID["order.placed"], amount: 5e15 }), path: "data.amount" },
      { event: event("seller.upserted", VALID["seller.upserted"], "0000-01-01T00:00:00Z"), path: "occurredAt" },
      { event: event("seller.upserted", VALID["seller.upserted"], "0001-01-01T00:00:00+02:00"), path: "occurredAt" },
      { event: event("refund.issued", { orderId: "O-bad-in", requestedAt: "0001-01-01T00:00:00Z" }), path: "data.requestedAt" },
    ];
    for (const { event: bad, path } of cases) {
      const answer = await client.postEvents({ events: [bad] });
      expect({ path, status: answer.status }).toEqual({ path, status: 400 });
      expect(answer.body.issues).toEqual([{ index: 0, path, message: expect.any(String) }]);
    }
    expect(await countIngestedRows()).toEqual(before);
    // The largest amount the column holds is still taken.
    const largest = await client.postEvents({
      events: [event("seller.upserted"), event("order.placed", { ...VALID["order.placed"], amount: 999_999_999_999.99 })],
    });
    expect(largest).toEqual({ status: 200, body: { accepted: 2, duplicates: 0 } });
  });

  test("[API] a body that is not UTF-8 is a 400, not stored with U+FFFD in its place", async () => {
    const client = apiClient((await createTestApiKey()).secret);
    const before = await countIngestedRows();
    const text = JSON.stringify({ events: [event("seller.upserted", { sellerId: "S-utf8", name: "Shop Ω" })] });
    const bytes = new Uint8Array(Buffer.from(text.replace("Ω", "\u0000"), "utf8"));
    bytes[bytes.indexOf(0)] = 0xff; // a byte UTF-8 never uses
    const answer = await client.postEvents(undefined, { rawBody: bytes });
    expect(answer).toMatchObject({ status: 400, body: { error: "invalid_json", issues: [{ path: "(body)" }] } });
    expect(String(answer.body.message)).toContain("UTF-8");
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] a body sent as anything but application/json is a 415", async () => {
    const client = apiClient((await createTestApiKey()).secret);
    const before = await countIngestedRows();
    const body = { events: [event("seller.upserted", { sellerId: "S-415", name: "Shop" })] };
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const answer = await client.postEvents(body, { headers: { "content-type": contentType } });
      expect(answer).toMatchObject({ status: 415, body: { error: "unsupported_media_type" } });
    }
    expect(await countIngestedRows()).toEqual(before);
    const charset = await client.postEvents(body, { headers: { "content-type": "application/json; charset=utf-8" } });
    expect(charset.status).toBe(200);
  });
});

describe("NUL in the URL of the read endpoints", () => {
  test("[API] /sellers/%00/quality and sellerIds=…%00 are 400s naming the parameter", async () => {
    const client = apiClient((await createTestApiKey()).secret);
    const quality = await client.getQuality("S\u0000");
    expect(quality).toMatchObject({ status: 400, body: { error: "validation_failed", issues: [{ path: "sellerId" }] } });
    const visibility = await client.getVisibility("?sellerIds=a,b%00");
    expect(visibility).toMatchObject({ status: 400, body: { error: "validation_failed", issues: [{ path: "sellerIds" }] } });
  });

  test("[API] an unknown /api/v1 path answers the API's JSON 404, not a page", async () => {
    const answer = await apiClient(null).getUnknown("/api/v1/no/such/thing");
    expect(answer).toMatchObject({ status: 404, body: { error: "not_found", issues: [{ path: "(url)" }] } });
  });
});

describe("POST /api/v1/catalog/visibility", () => {
  test(`[API] ${MAX_VISIBILITY_SELLERS} long ids in a JSON body get the same answer as the GET; more are refused, named`, async () => {
    const { actor } = await createTestUser("moderator");
    const hidden = await createFlaggedSeller({ now: NOW });
    await openCaseFromFlag({ actor, input: { flagId: hidden.flag.id }, now: NOW });
    const client = apiClient((await createTestApiKey()).secret);

    const asked = [hidden.externalId, "nobody"];
    const viaGet = await client.getVisibility(`?sellerIds=${asked.join(",")}`);
    expect(await client.postVisibility({ sellerIds: asked })).toEqual(viaGet);
    expect(viaGet.status).toBe(200);

    const longIds = Array.from({ length: MAX_VISIBILITY_SELLERS }, (_, i) => `${crypto.randomUUID()}-${i}`);
    const many = await client.postVisibility({ sellerIds: longIds });
    expect(many.status).toBe(200);
    expect((many.body.sellers as unknown[]).length).toBe(MAX_VISIBILITY_SELLERS);

    const tooMany = await client.postVisibility({ sellerIds: [...longIds, "one-more"] });
    expect(tooMany).toMatchObject({ status: 400, body: { issues: [{ path: "sellerIds" }] } });
    for (const body of [{}, { sellerIds: [] }, { sellerIds: "a,b" }, { sellerIds: [1] }, { sellerIds: ["a"], extra: 1 }]) {
      expect((await client.postVisibility(body)).status).toBe(400);
    }
    expect((await client.postVisibility({ sellerIds: ["a\u0000"] })).body.issues).toEqual([
      { path: "sellerIds.0", message: expect.stringContaining("NUL") },
    ]);
  });
});

describe("NUL in what a person types", () => {
  test("[MODERATOR] a case note with a NUL is refused naming the field, not an unexpected error", async () => {
    const { actor } = await createTestUser("moderator");
    const { flag } = await createFlaggedSeller({ now: NOW });
    const { case: theCase } = await openCaseFromFlag({ actor, input: { flagId: flag.id }, now: NOW });
    await expect(
      addCaseNote({ actor, input: { caseId: theCase.id, body: "Called\u0000 them" }, now: NOW }),
    ).rejects.toMatchObject({
      code: "INVALID",
      issues: [{ path: "body", message: expect.stringContaining("NUL") }],
    });
  });

  test("[ADMIN] a CSV cell with a NUL is refused at its row and column", () => {
    const csv = [
      "id,type,occurredAt,sellerId,name",
      "e1,seller.upserted,2026-10-05T00:00:00Z,S-csv,Shop",
      "e2,seller.upserted,2026-10-05T00:00:00Z,S-csv,Shop\u0000",
    ].join("\n");
    expect(() => parseEventsCsv(csv, NOW)).toThrow(
      expect.objectContaining({
        issues: [{ index: 1, row: 3, column: "name", path: "name", message: "name must not contain a NUL character (\\u0000)" }],
      }),
    );
  });
});
