import type { FieldIssue } from "@/lib/errors";
import type { ParsedEvent } from "./parse-event-batch";

/** What the database holds already of the objects a batch refers to (by marketplace id). */
export type KnownObjects = {
  sellers: ReadonlySet<string>;
  orders: ReadonlyMap<string, { sellerId: string; placedAt: Date }>;
  reviews: ReadonlyMap<string, { sellerId: string; postedAt: Date }>;
  threads: ReadonlyMap<string, { sellerId: string; buyerId: string }>;
  complaints: ReadonlySet<string>;
  messages: ReadonlySet<string>;
};

/** The marketplace ids a batch mentions, to load what of them exists in one query per kind. */
export function collectReferences(events: readonly ParsedEvent[]) {
  const ids = {
    sellers: new Set<string>(),
    orders: new Set<string>(),
    reviews: new Set<string>(),
    threads: new Set<string>(),
    complaints: new Set<string>(),
    messages: new Set<string>(),
  };
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    if (typeof data.sellerId === "string") ids.sellers.add(data.sellerId);
    if (typeof data.orderId === "string") ids.orders.add(data.orderId);
    if (typeof data.reviewId === "string") ids.reviews.add(data.reviewId);
    if (typeof data.threadId === "string") ids.threads.add(data.threadId);
    if (typeof data.complaintId === "string") ids.complaints.add(data.complaintId);
    if (typeof data.messageId === "string") ids.messages.add(data.messageId);
  }
  return ids;
}

/**
 * SPEC: "An event may refer only to sellers, orders and reviews that exist already or earlier in
 * the same batch." Walks the batch in order, as if applying it, and names every event that refers
 * to something unknown, creates something that exists, or contradicts what it refers to.
 */
export function checkReferences(events: readonly ParsedEvent[], known: KnownObjects): FieldIssue[] {
  const sellers = new Set(known.sellers);
  const orders = new Map(known.orders);
  const reviews = new Map(known.reviews);
  const threads = new Map(known.threads);
  const complaints = new Set(known.complaints);
  const messages = new Set(known.messages);
  const issues: FieldIssue[] = [];

  for (const event of events) {
    const fail = (path: string, message: string) => issues.push({ index: event.index, path, message });
    const needSeller = (sellerId: string) => {
      if (sellers.has(sellerId)) return true;
      fail("data.sellerId", `seller ${sellerId} does not exist; send seller.upserted first`);
      return false;
    };
    const needOrderOf = (orderId: string, sellerId: string) => {
      const order = orders.get(orderId);
      if (!order) fail("data.orderId", `order ${orderId} does not exist; send order.placed first`);
      else if (order.sellerId !== sellerId)
        fail("data.orderId", `order ${orderId} belongs to seller ${order.sellerId}, not ${sellerId}`);
    };

    switch (event.type) {
      case "seller.upserted":
        sellers.add(event.data.sellerId);
        break;
      case "order.placed": {
        const { orderId, sellerId } = event.data;
        if (!needSeller(sellerId)) break;
        if (orders.has(orderId)) fail("data.orderId", `order ${orderId} exists already`);
        else orders.set(orderId, { sellerId, placedAt: event.at });
        break;
      }
      case "order.status_changed":
      case "refund.issued": {
        const order = orders.get(event.data.orderId);
        if (!order) fail("data.orderId", `order ${event.data.orderId} does not exist; send order.placed first`);
        else if (event.at < order.placedAt) fail("occurredAt", `occurredAt is before order ${event.data.orderId} was placed`);
        break;
      }
      case "review.posted": {
        const { reviewId, sellerId, orderId } = event.data;
        if (!needSeller(sellerId)) break;
        if (orderId !== undefined) needOrderOf(orderId, sellerId);
        if (reviews.has(reviewId)) fail("data.reviewId", `review ${reviewId} exists already; send review.updated to change it`);
        else reviews.set(reviewId, { sellerId, postedAt: event.at });
        break;
      }
      case "review.updated":
      case "review.removed": {
        const review = reviews.get(event.data.reviewId);
        if (!review) fail("data.reviewId", `review ${event.data.reviewId} does not exist; send review.posted first`);
        else if (event.at < review.postedAt) fail("occurredAt", `occurredAt is before review ${event.data.reviewId} was posted`);
        break;
      }
      case "complaint.filed": {
        const { complaintId, sellerId, orderId } = event.data;
        if (!needSeller(sellerId)) break;
        if (orderId !== undefined) needOrderOf(orderId, sellerId);
        if (complaints.has(complaintId)) fail("data.complaintId", `complaint ${complaintId} exists already`);
        complaints.add(complaintId);
        break;
      }
      case "message.sent": {
        const { messageId, threadId, sellerId, buyerId } = event.data;
        if (!needSeller(sellerId)) break;
        const thread = threads.get(threadId);
        if (thread && (thread.sellerId !== sellerId || thread.buyerId !== buyerId)) {
          fail("data.threadId", `thread ${threadId} is between seller ${thread.sellerId} and buyer ${thread.buyerId}`);
        } else if (!thread) threads.set(threadId, { sellerId, buyerId });
        if (messages.has(messageId)) fail("data.messageId", `message ${messageId} exists already`);
        messages.add(messageId);
        break;
      }
    }
  }
  return issues;
}
