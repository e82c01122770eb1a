import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { signWebhookPayload, verifyWebhookSignature } from "@/lib/delivery/webhook-signature";

const SECRET = "a-shared-secret-of-at-least-32-characters";
const BODY = '{"id":"1","type":"seller.excluded","occurredAt":"2026-05-04T08:00:00.000Z","data":{}}';
const NOW = new Date("2026-05-04T08:00:00Z");
const TIMESTAMP = NOW.getTime() / 1000;

describe("the webhook signature", () => {
  test("is HMAC-SHA256 over `${timestamp}.${body}` in hex, prefixed sha256=", () => {
    const expected = createHmac("sha256", SECRET).update(`${TIMESTAMP}.${BODY}`).digest("hex");
    expect(signWebhookPayload({ secret: SECRET, timestamp: TIMESTAMP, body: BODY })).toBe(`sha256=${expected}`);
  });

  test("[CATALOG] accepts a genuine request and refuses a changed body, timestamp, secret or a stale request", () => {
    const signature = signWebhookPayload({ secret: SECRET, timestamp: TIMESTAMP, body: BODY });
    const verify = (overrides: Partial<Parameters<typeof verifyWebhookSignature>[0]>) =>
      verifyWebhookSignature({ secret: SECRET, body: BODY, timestamp: String(TIMESTAMP), signature, now: NOW, ...overrides });

    expect(verify({})).toBe(true);
    expect(verify({ now: new Date(NOW.getTime() + 299_000) })).toBe(true);

    expect(verify({ body: BODY.replace("excluded", "reinstated") })).toBe(false);
    expect(verify({ timestamp: String(TIMESTAMP + 1) })).toBe(false);
    expect(verify({ secret: `${SECRET}x` })).toBe(false);
    expect(verify({ now: new Date(NOW.getTime() + 301_000) })).toBe(false);
    expect(verify({ signature: signature.replace("sha256=", "") })).toBe(false);
    for (const missing of [null, undefined, ""]) {
      expect(verify({ signature: missing })).toBe(false);
      expect(verify({ timestamp: missing })).toBe(false);
    }
    expect(verify({ timestamp: "not a number" })).toBe(false);
  });
});
