/**
 * The seed generator: a whole marketplace portal as plain arrays, from a seed and a "now" only.
 * Pure: no database, no clock, no Math.random — the same options give byte-identical data.
 */
import { planComplaints } from "./complaints";
import { planConversations } from "./messages";
import { getBuyerPoolSize, planOrders, toOrderRow, toRefundRows, toStatusChangeRows, type SeedWindow } from "./orders";
import { DEMO_CASE_AGE_DAYS } from "./demo-story";
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
  // The demo seller (the first worsened one, db/seed/demo-accounts.ts) has been excluded for the
  // last DEMO_CASE_AGE_DAYS: its products are hidden, so no buyer could order from it since.
  const demoSeller = plans.find((plan) => plan.kind === "worsened");
  const hiddenFrom = now - DEMO_CASE_AGE_DAYS * DAY_MS;
  const orders = planOrders(rng, plans, window, buyerPoolSize).filter(
    (order) => order.plan !== demoSeller || order.placedAt < hiddenFrom,
  );
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
