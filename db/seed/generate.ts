/**
 * The seed generator: a whole marketplace portal as plain arrays, from a seed and a "now" only.
 * Pure: no database, no clock, no Math.random — the same options give byte-identical data.
 */
import { planComplaints } from "./complaints";
import { planConversations } from "./messages";
import { getBuyerPoolSize, planOrders, toOrderRow, toRefundRows, toStatusChangeRows, type SeedWindow } from "./orders";
import { createRng } from "./random";
import { planReviews, toRatingChangeRows, toReviewRow } from "./reviews";
import { planSellers, type SellerPlan } from "./sellers";
import { DAY_MS } from "./time";
import type { SeedData, SeedOptions, SellerKind } from "./types";

/** Thirteen months: a full evaluation year plus a month of history before it. */
export const SEED_SPAN_DAYS = 395;

function groupSellersByKind(plans: readonly SellerPlan[]): Record<SellerKind, string[]> {
  const byKind: Record<SellerKind, string[]> = { small: [], regular: [], large: [], bad: [], worsened: [] };
  for (const plan of plans) byKind[plan.kind].push(plan.seller.externalId);
  return byKind;
}

export function generatePortal(options: SeedOptions): SeedData {
  const rng = createRng(options.seed);
  const now = options.now.getTime();
  const window: SeedWindow = { start: now - SEED_SPAN_DAYS * DAY_MS, end: now };
  const plans = planSellers(rng, options.sellers, now);
  const buyerPoolSize = getBuyerPoolSize(plans, window);
  const orders = planOrders(rng, plans, window, buyerPoolSize);
  const reviews = planReviews(rng, plans, orders, window, buyerPoolSize);
  const complaints = planComplaints(rng, plans, orders, window, buyerPoolSize);
  const { messageThreads, messages } = planConversations(rng, plans, orders, window, buyerPoolSize);
  return {
    sellers: plans.map((plan) => plan.seller),
    orders: orders.map(toOrderRow),
    orderStatusChanges: orders.flatMap(toStatusChangeRows),
    reviews: reviews.map(toReviewRow),
    reviewRatingChanges: reviews.flatMap(toRatingChangeRows),
    complaints,
    messageThreads,
    messages,
    refunds: orders.flatMap(toRefundRows),
    sellersByKind: groupSellersByKind(plans),
  };
}
