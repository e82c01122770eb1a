/** Complaints: a few per hundred orders, more where orders went wrong and more for bad sellers. */
import type { OrderStatus } from "../schema";
import { formatExternalId, sortByTime } from "./numbering";
import { drawBuyerId, drawBuyerMoment, getLastStep, type OrderFact, type SeedWindow } from "./orders";
import { chance, pickWeighted, randomBetween, type Rng } from "./random";
import { getQualityAt, type SellerPlan } from "./sellers";
import { COMPLAINT_TEXTS, drawWriterLanguage, pickText, type ComplaintReason } from "./texts";
import { DAY_MS } from "./time";
import type { SeedComplaint } from "./types";

type ComplaintFact = {
  plan: SellerPlan;
  buyerId: string;
  order: OrderFact | null;
  reason: ComplaintReason;
  text: string;
  filedAt: number;
};

type ReasonWeights = readonly (readonly [ComplaintReason, number])[];

const REASONS_BY_STATUS: Record<OrderStatus, ReasonWeights> = {
  placed: [
    ["not_delivered", 7],
    ["no_response", 3],
  ],
  shipped: [
    ["not_delivered", 7],
    ["no_response", 3],
  ],
  delivered: [
    ["item_not_as_described", 4],
    ["damaged", 3],
    ["wrong_item", 2],
    ["no_response", 2],
  ],
  returned: [
    ["item_not_as_described", 5],
    ["damaged", 3],
    ["wrong_item", 2],
  ],
  cancelled_by_seller: [
    ["no_response", 6],
    ["not_delivered", 4],
  ],
  cancelled_by_buyer: [["no_response", 1]],
};
const ORDERLESS_REASONS: ReasonWeights = [
  ["no_response", 2],
  ["item_not_as_described", 1],
];
/** Orders that went wrong draw complaints more often than the seller's base rate. */
const TROUBLE_FACTOR = 3;
const SMOOTH_FACTOR = 0.85;

function draftComplaint(
  rng: Rng,
  plan: SellerPlan,
  buyerId: string,
  order: OrderFact | null,
  reasons: ReasonWeights,
  filedAt: number,
): ComplaintFact {
  const reason = pickWeighted(rng, reasons);
  const text = pickText(rng, COMPLAINT_TEXTS[reason], drawWriterLanguage(rng, plan.language));
  return { plan, buyerId, order, reason, text, filedAt };
}

function draftOrderComplaint(rng: Rng, order: OrderFact, now: number): ComplaintFact[] {
  const last = getLastStep(order);
  const status = last?.status ?? "placed";
  const isTrouble = status === "cancelled_by_seller" || status === "returned";
  const rate = getQualityAt(order.plan, order.placedAt).complaintRate * (isTrouble ? TROUBLE_FACTOR : SMOOTH_FACTOR);
  if (!chance(rng, rate)) return [];
  // Undelivered orders are complained about while waiting; the others after the last change.
  const anchor = status === "placed" || status === "shipped" ? order.placedAt + 5 * DAY_MS : (last?.at ?? order.placedAt);
  const filedAt = anchor + randomBetween(rng, 0.3, 6) * DAY_MS;
  if (filedAt >= now) return [];
  return [draftComplaint(rng, order.plan, order.buyerId, order, REASONS_BY_STATUS[status], filedAt)];
}

function draftOrderlessComplaints(rng: Rng, plan: SellerPlan, window: SeedWindow, buyerPoolSize: number): ComplaintFact[] {
  if (!chance(rng, plan.quality.complaintRate * 10)) return [];
  const buyerId = drawBuyerId(rng, buyerPoolSize);
  return [draftComplaint(rng, plan, buyerId, null, ORDERLESS_REASONS, drawBuyerMoment(rng, window))];
}

export function planComplaints(
  rng: Rng,
  plans: readonly SellerPlan[],
  orders: readonly OrderFact[],
  window: SeedWindow,
  buyerPoolSize: number,
): SeedComplaint[] {
  const complaints = [
    ...orders.flatMap((order) => draftOrderComplaint(rng, order, window.end)),
    ...plans.flatMap((plan) => draftOrderlessComplaints(rng, plan, window, buyerPoolSize)),
  ];
  return sortByTime(complaints, (complaint) => complaint.filedAt).map((complaint, index) => ({
    externalId: formatExternalId("C", index, 6),
    sellerExternalId: complaint.plan.seller.externalId,
    buyerId: complaint.buyerId,
    orderExternalId: complaint.order?.externalId ?? null,
    reason: complaint.reason,
    text: complaint.text,
    filedAt: new Date(complaint.filedAt),
  }));
}
