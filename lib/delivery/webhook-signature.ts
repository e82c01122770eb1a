import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The catalog webhook's signature: HMAC-SHA256, keyed with the shared secret, over
 * `${timestamp}.${body}` — the Unix time in seconds from the `X-Catalog-Guard-Timestamp` header, a
 * dot, and the raw request body — sent as `X-Catalog-Guard-Signature: sha256=<hex>`. Signing the
 * timestamp with the body lets a receiver refuse an old request replayed (README "Delivery").
 * Plain node:crypto, so a receiver written in TypeScript can use this file as it is.
 */
export const WEBHOOK_HEADERS = {
  event: "X-Catalog-Guard-Event",
  delivery: "X-Catalog-Guard-Delivery",
  timestamp: "X-Catalog-Guard-Timestamp",
  signature: "X-Catalog-Guard-Signature",
} as const;

/** How far a request's timestamp may be from the receiver's clock, by default. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function signWebhookPayload(params: { secret: string; timestamp: number; body: string }): string {
  const hex = createHmac("sha256", params.secret).update(`${params.timestamp}.${params.body}`).digest("hex");
  return `sha256=${hex}`;
}

/**
 * Whether a received webhook is genuine and fresh: the signature matches the raw body and the
 * timestamp (compared in constant time), and the timestamp is within `toleranceSeconds` of `now`.
 * Pass the body exactly as received, before any JSON parsing.
 */
export function verifyWebhookSignature(params: {
  secret: string;
  body: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const timestamp = Number(params.timestamp);
  if (!params.timestamp || !Number.isSafeInteger(timestamp) || !params.signature) return false;
  // The receiver's own clock (this function is for the marketplace to copy), not the server's.
  // eslint-disable-next-line no-restricted-syntax
  const nowSeconds = Math.floor((params.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > (params.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signWebhookPayload({ secret: params.secret, timestamp, body: params.body }));
  const received = Buffer.from(params.signature.trim());
  return received.length === expected.length && timingSafeEqual(received, expected);
}
