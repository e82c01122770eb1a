import { describe, expect, test } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getOpenApiDocument } from "@/lib/api/openapi-document";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";
import { evaluationSummarySchema, sellerQualitySchema } from "@/lib/quality/quality-schemas";
import { apiClient, createTestApiKey } from "@/scripts/test-support/api-client";
import { countIngestedRows } from "@/scripts/test-support/row-counts";

const at = (iso: string) => new Date(iso).toISOString();
let sequence = 0;
const eventId = () => `evt-api-${++sequence}`;
const sellerEvent = (sellerId: string) => ({
  id: eventId(),
  type: "seller.upserted",
  occurredAt: at("2026-01-05T10:00:00+02:00"),
  data: { sellerId, name: `Shop ${sellerId}` },
});
const orderEvent = (orderId: string, sellerId: string) => ({
  id: eventId(),
  type: "order.placed",
  occurredAt: at("2026-01-06T10:00:00+02:00"),
  data: { orderId, sellerId, buyerId: "B1", amount: 120.5, currency: "UAH" },
});

describe("POST /api/v1/events", () => {
  test("[API] without a key, with a wrong key or with a revoked key the answer is 401 and nothing is written", async () => {
    const { id, secret } = await createTestApiKey();
    const before = await countIngestedRows();
    const batch = { events: [sellerEvent("S-401")] };
    for (const key of [null, "cg_wrongwrongwrongwrongwrongwrongwrongwrongwro", "not-even-shaped"]) {
      const response = await apiClient(key).postEvents(batch);
      expect(response.status).toBe(401);
      expect(response.body.error).toBe("unauthorized");
    }
    await revokeApiKey({ actor: SYSTEM_ACTOR, apiKeyId: id, reason: "rotated", now: new Date() });
    expect((await apiClient(secret).postEvents(batch)).status).toBe(401);
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] a valid batch is accepted and re-sending it counts every event as a duplicate", async () => {
    const { secret } = await createTestApiKey();
    const batch = { events: [sellerEvent("S-dup"), orderEvent("O-dup-1", "S-dup"), orderEvent("O-dup-2", "S-dup")] };
    const first = await apiClient(secret).postEvents(batch);
    expect(first).toEqual({ status: 200, body: { accepted: 3, duplicates: 0 } });
    const before = await countIngestedRows();
    const again = await apiClient(secret).postEvents(batch);
    expect(again).toEqual({ status: 200, body: { accepted: 0, duplicates: 3 } });
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] one invalid event rejects the whole batch with 400 naming its index and path; nothing is written", async () => {
    const { secret } = await createTestApiKey();
    const before = await countIngestedRows();
    const bad = { ...orderEvent("O-bad", "S-bad"), data: { orderId: "O-bad", sellerId: "S-bad", buyerId: "B1", amount: -3 } };
    const response = await apiClient(secret).postEvents({ events: [sellerEvent("S-bad"), bad] });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("validation_failed");
    expect(response.body.issues).toEqual([{ index: 1, path: "data.amount", message: "amount must not be negative" }]);
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] an event referring to an unknown seller rejects the batch, naming the index; earlier valid events are not kept", async () => {
    const { secret } = await createTestApiKey();
    const before = await countIngestedRows();
    const response = await apiClient(secret).postEvents({ events: [sellerEvent("S-known"), orderEvent("O-orphan", "S-nobody")] });
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([
      { index: 1, path: "data.sellerId", message: "seller S-nobody does not exist; send seller.upserted first" },
    ]);
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] a reference must come earlier in the batch, not later", async () => {
    const { secret } = await createTestApiKey();
    const response = await apiClient(secret).postEvents({ events: [orderEvent("O-early", "S-late"), sellerEvent("S-late")] });
    expect(response.status).toBe(400);
    expect((response.body.issues as { index: number }[])[0]?.index).toBe(0);
  });

  test("[API] JSON that is not JSON gets 400 invalid_json", async () => {
    const { secret } = await createTestApiKey();
    const response = await apiClient(secret).postEvents(undefined, { rawBody: '{"events": [' });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_json");
  });

  test("[API] more than 5,000 events is refused; so is a body over the size limit", async () => {
    const { secret } = await createTestApiKey();
    const before = await countIngestedRows();
    const tooMany = { events: Array.from({ length: 5001 }, (_, i) => ({ ...sellerEvent(`S-many-${i}`) })) };
    const response = await apiClient(secret).postEvents(tooMany);
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([{ path: "events", message: "at most 5,000 events a request" }]);

    const huge = JSON.stringify({
      events: [{ ...sellerEvent("S-huge"), data: { sellerId: "S-huge", name: "x".repeat(MAX_BODY_BYTES) } }],
    });
    const oversize = await apiClient(secret).postEvents(undefined, { rawBody: huge });
    expect(oversize.status).toBe(413);
    expect(oversize.body.error).toBe("payload_too_large");
    expect(await countIngestedRows()).toEqual(before);
  });

  test("[API] an empty body, a body without events and an empty list are each named", async () => {
    const { secret } = await createTestApiKey();
    const client = apiClient(secret);
    expect((await client.postEvents(undefined, { rawBody: "" })).body.issues).toEqual([
      { path: "(body)", message: 'the body must be a JSON object: { "events": [...] }' },
    ]);
    expect((await client.postEvents({ events: [sellerEvent("S-x")], extra: 1 })).body.issues).toEqual([
      { path: "(body)", message: 'unknown field extra: the body is { "events": [...] }' },
    ]);
    expect((await client.postEvents({})).body.issues).toEqual([{ path: "events", message: "events must be an array" }]);
    expect((await client.postEvents({ events: [] })).body.issues).toEqual([
      { path: "events", message: "events must hold at least one event" },
    ]);
  });
});

describe("GET /api/v1/sellers/{sellerId}/quality and POST /api/v1/evaluations", () => {
  test("[API] an unknown seller is 404; a known one before any evaluation has null values in SPEC's shape", async () => {
    const { secret } = await createTestApiKey();
    const client = apiClient(secret);
    expect((await client.getQuality("S-none")).status).toBe(404);
    await client.postEvents({ events: [sellerEvent("S-fresh")] });
    const response = await client.getQuality("S-fresh");
    expect(response.status).toBe(200);
    const quality = sellerQualitySchema.parse(response.body);
    expect(quality).toMatchObject({ sellerId: "S-fresh", eligible: false, flagged: false });
    expect(Object.keys(quality.metrics)).toEqual(["year", "recent", "month", "baseline", "messages"]);
    expect(quality.metrics.year.negativeReviewRate).toEqual({ value: null, portalValue: null });
  });

  test("[API] an evaluation answers in SPEC's shape, and the same asOf again returns the same evaluation", async () => {
    const { secret } = await createTestApiKey();
    const client = apiClient(secret);
    await client.postEvents({ events: [sellerEvent("S-eval"), orderEvent("O-eval", "S-eval")] });
    const asOf = "2026-02-02T00:00:00+02:00";
    const first = await client.postEvaluations({ asOf });
    expect(first.status).toBe(200);
    const summary = evaluationSummarySchema.parse(first.body);
    expect(summary.asOf).toBe("2026-02-01T22:00:00.000Z");
    expect(summary.policyVersion).toBe(1);
    const again = await client.postEvaluations({ asOf });
    expect(again.body).toEqual(first.body);

    const quality = sellerQualitySchema.parse((await client.getQuality("S-eval")).body);
    expect(quality.evaluationId).toBe(summary.evaluationId);
    expect(quality.metrics.year.orders.value).toBe(1);
    expect(quality.metrics.year.negativeReviewRate.value).toBeNull();
  });

  test("[API] a bad asOf is named; an asOf in the future is refused", async () => {
    const { secret } = await createTestApiKey();
    const client = apiClient(secret);
    const bad = await client.postEvaluations({ asOf: "last monday" });
    expect(bad.status).toBe(400);
    expect((bad.body.issues as { path: string }[])[0]?.path).toBe("asOf");
    const future = await client.postEvaluations({ asOf: "2999-01-01T00:00:00Z" });
    expect(future.status).toBe(400);
    expect(future.body.issues).toEqual([{ path: "asOf", message: "asOf must not be in the future" }]);
  });
});

test("[API] the OpenAPI document describes every v1 route with its schemas", () => {
  const document = getOpenApiDocument();
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths ?? {}).sort()).toEqual([
    "/api/v1/catalog/visibility",
    "/api/v1/evaluations",
    "/api/v1/events",
    "/api/v1/sellers/{sellerId}/quality",
  ]);
  const schemas = document.components?.schemas ?? {};
  for (const name of ["Event", "EventBatch", "IngestResult", "Evaluation", "SellerQuality", "CatalogVisibility", "Error"])
    expect(schemas).toHaveProperty(name);
  expect(JSON.stringify(schemas.Event)).toContain("review.posted");
  expect(document.paths?.["/api/v1/catalog/visibility"]).toHaveProperty("post.requestBody");
  expect(schemas).toHaveProperty("VisibilityRequest");
});
