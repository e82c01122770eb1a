/**
 * The rows the seed generator produces: plain values, close to the tables' insert shapes, with
 * references by marketplace id (external id) instead of our keys, which only the writer knows.
 */
import type { OrderStatus } from "../schema";

export type Language = "uk" | "pl" | "en";
export type Currency = "UAH" | "PLN" | "EUR";
export type SellerKind = "small" | "regular" | "large" | "bad" | "worsened";
export type Sender = "buyer" | "seller";

export type SeedOptions = {
  seed: number;
  /** The seed's "today": all data lies before it. */
  now: Date;
  sellers: number;
};

export type SeedSeller = { externalId: string; name: string; email: string; createdAt: Date };

export type SeedOrder = {
  externalId: string;
  sellerExternalId: string;
  buyerId: string;
  amount: string;
  currency: Currency;
  status: OrderStatus;
  placedAt: Date;
  statusChangedAt: Date | null;
};

export type SeedOrderStatusChange = {
  orderExternalId: string;
  sellerExternalId: string;
  status: OrderStatus;
  occurredAt: Date;
};

export type SeedReview = {
  externalId: string;
  sellerExternalId: string;
  buyerId: string;
  orderExternalId: string | null;
  rating: number;
  text: string;
  postedAt: Date;
  editedAt: Date | null;
  removedAt: Date | null;
  removedBy: "buyer" | "moderator" | null;
};

export type SeedReviewRatingChange = {
  reviewExternalId: string;
  sellerExternalId: string;
  rating: number;
  text: string;
  occurredAt: Date;
};

export type SeedComplaint = {
  externalId: string;
  sellerExternalId: string;
  buyerId: string;
  orderExternalId: string | null;
  reason: string;
  text: string;
  filedAt: Date;
};

export type SeedMessageThread = {
  externalId: string;
  sellerExternalId: string;
  buyerId: string;
  startedBy: Sender;
  startedAt: Date;
  firstBuyerMessageAt: Date | null;
  firstSellerReplyAt: Date | null;
};

export type SeedMessage = {
  externalId: string;
  threadExternalId: string;
  sellerExternalId: string;
  sender: Sender;
  text: string;
  sentAt: Date;
};

export type SeedRefund = {
  orderExternalId: string;
  sellerExternalId: string;
  requestedAt: Date;
  refundedAt: Date;
};

export type SeedData = {
  sellers: SeedSeller[];
  orders: SeedOrder[];
  orderStatusChanges: SeedOrderStatusChange[];
  reviews: SeedReview[];
  reviewRatingChanges: SeedReviewRatingChange[];
  complaints: SeedComplaint[];
  messageThreads: SeedMessageThread[];
  messages: SeedMessage[];
  refunds: SeedRefund[];
  /** Seller external ids by the profile they were planted with, for the demo accounts and tests. */
  sellersByKind: Record<SellerKind, string[]>;
};
