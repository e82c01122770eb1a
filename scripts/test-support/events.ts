/**
 * Marketplace events for integration tests, taken in through the same path as `POST /api/v1/events`
 * (parseEventBatch + ingestEvents). Every event gets a fresh event id; the marketplace ids (sellers,
 * orders, reviews, …) are the caller's, made unique per test file with `marketplaceId`.
 */
import { randomBytes } from "node:crypto";
import type { OrderStatus } from "@/db/enums";
import type { Actor } from "@/lib/auth/actor";
import type { IngestResult } from "@/lib/ingest/event-schemas";
import { MAX_EVENTS_PER_BATCH } from "@/lib/ingest/event-schemas";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { parseEventBatch } from "@/lib/ingest/parse-event-batch";

export const TEST_ACTOR: Actor = { kind: "system", label: "test" };
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** What a marketplace system sends: `{ id, type, occurredAt, data }`. */
export type MarketplaceEvent = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
type When = Date | string;

const RUN = randomBytes(3).toString("hex");
let sequence = 0;

/** A marketplace id no other test (or file) uses: `marketplaceId("S")` → "S-1a2b3c-7". */
export const marketplaceId = (prefix: string) => `${prefix}-${RUN}-${++sequence}`;

/** `days` (fractional allowed) of exact 24-hour days before `asOf`, as the evaluation windows count them. */
export const daysBefore = (asOf: Date, days: number) => new Date(asOf.getTime() - days * DAY_MS);

/** `count` days spread evenly from `first` to `last` (inclusive): handy "days before asOf" for a seller's history. */
export function evenly(count: number, first: number, last: number): number[] {
  if (count === 1) return [first];
  return Array.from({ length: count }, (_, i) => first + ((last - first) * i) / (count - 1));
}

const iso = (when: When) => (typeof when === "string" ? when : when.toISOString());
const event = (type: string, at: When, data: Record<string, unknown>): MarketplaceEvent => ({
  id: marketplaceId("E"),
  type,
  occurredAt: iso(at),
  data,
});

export const seller = (sellerId: string, at: When = "2024-01-01T00:00:00Z") =>
  event("seller.upserted", at, { sellerId, name: `Shop ${sellerId}` });

export const order = (orderId: string, sellerId: string, buyerId: string, at: When) =>
  event("order.placed", at, { orderId, sellerId, buyerId });

export const orderStatus = (orderId: string, status: Exclude<OrderStatus, "placed">, at: When) =>
  event("order.status_changed", at, { orderId, status });

export const review = (
  reviewId: string,
  sellerId: string,
  buyerId: string,
  rating: number,
  at: When,
  options: { orderId?: string } = {},
) => event("review.posted", at, { reviewId, sellerId, buyerId, rating, ...options });

export const reviewUpdated = (reviewId: string, rating: number, at: When) => event("review.updated", at, { reviewId, rating });

export const reviewRemoved = (reviewId: string, at: When, by: "buyer" | "moderator" = "buyer") =>
  event("review.removed", at, { reviewId, by });

export const complaint = (complaintId: string, sellerId: string, buyerId: string, at: When, options: { orderId?: string } = {}) =>
  event("complaint.filed", at, { complaintId, sellerId, buyerId, reason: "late delivery", ...options });

export const message = (
  messageId: string,
  threadId: string,
  sellerId: string,
  buyerId: string,
  from: "buyer" | "seller",
  at: When,
) => event("message.sent", at, { messageId, threadId, sellerId, buyerId, from });

export const refund = (orderId: string, requestedAt: When, at: When) =>
  event("refund.issued", at, { orderId, requestedAt: iso(requestedAt) });

/**
 * Takes events in as the API does, in batches of at most 5,000 (in order, so later batches may
 * refer to what earlier ones created). `now` is the clock the batch is checked against.
 */
export async function ingest(events: readonly MarketplaceEvent[], now: Date): Promise<IngestResult> {
  const total: IngestResult = { accepted: 0, duplicates: 0 };
  for (let start = 0; start < events.length; start += MAX_EVENTS_PER_BATCH) {
    const batch = parseEventBatch({ events: events.slice(start, start + MAX_EVENTS_PER_BATCH) }, now);
    const result = await ingestEvents({ actor: TEST_ACTOR, events: batch, now });
    total.accepted += result.accepted;
    total.duplicates += result.duplicates;
  }
  return total;
}

/** A seller's history for planted portals, every time given in days before `asOf`. */
export type ShopPlan = {
  sellerId: string;
  orderDays: readonly number[];
  /** Each review from its own buyer (not linked to an order, so the orders stay exactly `orderDays`). */
  reviews: readonly { day: number; rating: number }[];
  complaintDays?: readonly number[];
};

/** The events of a planted shop: the seller, its orders, its reviews and its complaints. */
export function shopEvents(plan: ShopPlan, asOf: Date): MarketplaceEvent[] {
  const { sellerId } = plan;
  const events = [seller(sellerId)];
  plan.orderDays.forEach((day, i) =>
    events.push(order(`${sellerId}-O${i}`, sellerId, `${sellerId}-OB${i}`, daysBefore(asOf, day))),
  );
  plan.reviews.forEach(({ day, rating }, i) =>
    events.push(review(`${sellerId}-R${i}`, sellerId, `${sellerId}-RB${i}`, rating, daysBefore(asOf, day))),
  );
  (plan.complaintDays ?? []).forEach((day, i) =>
    events.push(complaint(`${sellerId}-C${i}`, sellerId, `${sellerId}-OB${i}`, daysBefore(asOf, day))),
  );
  return events;
}
