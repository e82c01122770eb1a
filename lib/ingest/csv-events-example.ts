import { eventsToCsv } from "./csv-events";

/**
 * The example file the import page offers: every event type, in an order whose references hold
 * (a seller before its orders, an order before its reviews), with a cell holding a comma and one
 * holding a line break. Imported as it is, it creates the seller EXAMPLE-SHOP.
 */
export const EXAMPLE_EVENTS = [
  {
    id: "example-0001",
    type: "seller.upserted",
    occurredAt: "2026-03-02T09:00:00+02:00",
    data: { sellerId: "EXAMPLE-SHOP", name: "Example Shop", email: "shop@example.com" },
  },
  {
    id: "example-0002",
    type: "order.placed",
    occurredAt: "2026-03-02T10:15:00+02:00",
    data: { orderId: "EXAMPLE-ORDER-1", sellerId: "EXAMPLE-SHOP", buyerId: "EXAMPLE-BUYER-1", amount: 499.9, currency: "UAH" },
  },
  {
    id: "example-0003",
    type: "order.status_changed",
    occurredAt: "2026-03-04T12:00:00+02:00",
    data: { orderId: "EXAMPLE-ORDER-1", status: "delivered" },
  },
  {
    id: "example-0004",
    type: "review.posted",
    occurredAt: "2026-03-05T18:30:00+02:00",
    data: {
      reviewId: "EXAMPLE-REVIEW-1",
      sellerId: "EXAMPLE-SHOP",
      buyerId: "EXAMPLE-BUYER-1",
      orderId: "EXAMPLE-ORDER-1",
      rating: 2,
      text: "Arrived late, and the box was damaged",
    },
  },
  {
    id: "example-0005",
    type: "message.sent",
    occurredAt: "2026-03-05T18:40:00+02:00",
    data: {
      messageId: "EXAMPLE-MESSAGE-1",
      threadId: "EXAMPLE-THREAD-1",
      sellerId: "EXAMPLE-SHOP",
      buyerId: "EXAMPLE-BUYER-1",
      from: "buyer",
      text: "The box was damaged. Can you help?",
    },
  },
  {
    id: "example-0006",
    type: "message.sent",
    occurredAt: "2026-03-06T09:05:00+02:00",
    data: {
      messageId: "EXAMPLE-MESSAGE-2",
      threadId: "EXAMPLE-THREAD-1",
      sellerId: "EXAMPLE-SHOP",
      buyerId: "EXAMPLE-BUYER-1",
      from: "seller",
      text: "Sorry about that! We are sending a replacement today.",
    },
  },
  {
    id: "example-0007",
    type: "review.updated",
    occurredAt: "2026-03-09T11:00:00+02:00",
    data: {
      reviewId: "EXAMPLE-REVIEW-1",
      rating: 4,
      text: "Arrived late, and the box was damaged.\nUpdate: the seller sent a replacement at once.",
    },
  },
  {
    id: "example-0008",
    type: "order.placed",
    occurredAt: "2026-03-10T14:00:00+02:00",
    data: { orderId: "EXAMPLE-ORDER-2", sellerId: "EXAMPLE-SHOP", buyerId: "EXAMPLE-BUYER-2", amount: 1250, currency: "UAH" },
  },
  {
    id: "example-0009",
    type: "order.status_changed",
    occurredAt: "2026-03-11T08:00:00+02:00",
    data: { orderId: "EXAMPLE-ORDER-2", status: "cancelled_by_seller" },
  },
  {
    id: "example-0010",
    type: "complaint.filed",
    occurredAt: "2026-03-11T10:00:00+02:00",
    data: {
      complaintId: "EXAMPLE-COMPLAINT-1",
      sellerId: "EXAMPLE-SHOP",
      buyerId: "EXAMPLE-BUYER-2",
      orderId: "EXAMPLE-ORDER-2",
      reason: "Order cancelled: out of stock",
    },
  },
  {
    id: "example-0011",
    type: "refund.issued",
    occurredAt: "2026-03-12T16:00:00+02:00",
    data: { orderId: "EXAMPLE-ORDER-2", requestedAt: "2026-03-11T08:00:00+02:00" },
  },
  {
    id: "example-0012",
    type: "review.posted",
    occurredAt: "2026-03-13T20:00:00+02:00",
    data: { reviewId: "EXAMPLE-REVIEW-2", sellerId: "EXAMPLE-SHOP", buyerId: "EXAMPLE-BUYER-2", rating: 1 },
  },
  {
    id: "example-0013",
    type: "review.removed",
    occurredAt: "2026-03-15T09:30:00+02:00",
    data: { reviewId: "EXAMPLE-REVIEW-2", by: "buyer" },
  },
] as const;

export const EXAMPLE_EVENTS_CSV = eventsToCsv(EXAMPLE_EVENTS);
