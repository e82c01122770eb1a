/**
 * Orders and what happened to them: placed by buyers shared across the portal, then shipped and
 * delivered, or cancelled (by the seller: out of stock; by the buyer), sometimes returned and refunded.
 */
import type { OrderStatus } from "../schema";
import { chance, pickWeighted, randomBetween, randomInt, randomLogNormal, type Rng } from "./random";
import { formatExternalId, sortByTime } from "./numbering";
import { getQualityAt, type SellerPlan, type ServiceQuality } from "./sellers";
import { DAY_MS, HOUR_MS, setKyivTimeOfDay } from "./time";
import type { Currency, SeedOrder, SeedOrderStatusChange, SeedRefund } from "./types";

/** The span the seed fills: `start` … `end` (the seed's now, exclusive). */
export type SeedWindow = { start: number; end: number };

type StatusStep = { status: OrderStatus; at: number };

export type OrderFact = {
  externalId: string;
  plan: SellerPlan;
  buyerId: string;
  placedAt: number;
  amount: string;
  /** Status changes before the seed's now, in order; empty while the order is only placed. */
  steps: StatusStep[];
  refund: { requestedAt: number; refundedAt: number } | null;
};

/** Buyers, not sellers, shop at night too; Kyiv local hours. */
const BUYER_HOUR_WEIGHTS = Array.from({ length: 24 }, (_, hour) => [hour, hour < 7 ? 1 : hour < 10 ? 4 : 8] as const);
const MEDIAN_AMOUNT: Record<Currency, number> = { UAH: 850, PLN: 140, EUR: 38 };
const BUYER_CANCELLATION_RATE = 0.03;
const REFUND_CHANCE: Partial<Record<OrderStatus, number>> = {
  cancelled_by_seller: 0.7,
  cancelled_by_buyer: 0.5,
  returned: 0.95,
};
/** Orders per buyer on average: buyers come back, to the same seller and to others. */
const ORDERS_PER_BUYER = 2.2;

export function getSpanYears(window: SeedWindow): number {
  return (window.end - window.start) / (365 * DAY_MS);
}

/** A moment a buyer is active: a random day of the window at a buyer-ish hour. */
export function drawBuyerMoment(rng: Rng, window: SeedWindow, from = window.start): number {
  const day = randomBetween(rng, from, window.end);
  const at = setKyivTimeOfDay(day, pickWeighted(rng, BUYER_HOUR_WEIGHTS), randomInt(rng, 0, 59));
  return at < window.end ? at : at - DAY_MS;
}

/** Buyer ids from a shared pool, skewed so that regulars buy often and from several sellers. */
export function drawBuyerId(rng: Rng, poolSize: number): string {
  return formatExternalId("B", Math.floor(poolSize * Math.pow(rng(), 1.6)), 6);
}

export function getBuyerPoolSize(plans: readonly SellerPlan[], window: SeedWindow): number {
  const orders = plans.reduce((sum, plan) => sum + plan.ordersPerYear, 0) * getSpanYears(window);
  return Math.max(100, Math.round(orders / ORDERS_PER_BUYER));
}

function simulateLifecycle(rng: Rng, quality: ServiceQuality, placedAt: number): StatusStep[] {
  if (chance(rng, quality.sellerCancellationRate)) {
    return [{ status: "cancelled_by_seller", at: placedAt + randomLogNormal(rng, 18, 0.7) * HOUR_MS }];
  }
  if (chance(rng, BUYER_CANCELLATION_RATE)) {
    return [{ status: "cancelled_by_buyer", at: placedAt + randomBetween(rng, 0.5, 36) * HOUR_MS }];
  }
  const shippedAt = placedAt + randomLogNormal(rng, 20, 0.6) * HOUR_MS;
  const deliveredAt = shippedAt + randomLogNormal(rng, 48, 0.5) * HOUR_MS;
  const steps: StatusStep[] = [
    { status: "shipped", at: shippedAt },
    { status: "delivered", at: deliveredAt },
  ];
  if (chance(rng, quality.returnRate)) steps.push({ status: "returned", at: deliveredAt + randomBetween(rng, 2, 14) * DAY_MS });
  return steps;
}

function drawRefund(rng: Rng, quality: ServiceQuality, last: StatusStep | undefined, now: number): OrderFact["refund"] {
  const refundChance = last ? REFUND_CHANCE[last.status] : undefined;
  if (!last || refundChance === undefined || !chance(rng, refundChance)) return null;
  const requestedAt = last.at + randomBetween(rng, 0.1, 6) * HOUR_MS;
  const refundedAt = requestedAt + Math.max(1, randomLogNormal(rng, quality.refundMedianHours, 0.6)) * HOUR_MS;
  return refundedAt < now ? { requestedAt, refundedAt } : null;
}

type OrderDraft = Pick<OrderFact, "plan" | "buyerId" | "placedAt">;

function draftSellerOrders(rng: Rng, plan: SellerPlan, window: SeedWindow, buyerPoolSize: number): OrderDraft[] {
  const count = Math.round(plan.ordersPerYear * getSpanYears(window) * randomBetween(rng, 0.9, 1.1));
  return Array.from({ length: count }, () => ({
    plan,
    buyerId: drawBuyerId(rng, buyerPoolSize),
    placedAt: drawBuyerMoment(rng, window),
  }));
}

function completeOrder(rng: Rng, draft: OrderDraft, index: number, now: number): OrderFact {
  const quality = getQualityAt(draft.plan, draft.placedAt);
  const steps = simulateLifecycle(rng, quality, draft.placedAt).filter((step) => step.at < now);
  return {
    ...draft,
    externalId: formatExternalId("O", index, 7),
    amount: randomLogNormal(rng, MEDIAN_AMOUNT[draft.plan.currency], 0.7).toFixed(2),
    steps,
    refund: drawRefund(rng, quality, steps[steps.length - 1], now),
  };
}

/** All orders of the portal, numbered in the order they were placed. */
export function planOrders(rng: Rng, plans: readonly SellerPlan[], window: SeedWindow, buyerPoolSize: number): OrderFact[] {
  const drafts = plans.flatMap((plan) => draftSellerOrders(rng, plan, window, buyerPoolSize));
  return sortByTime(drafts, (draft) => draft.placedAt).map((draft, index) => completeOrder(rng, draft, index, window.end));
}

export function getLastStep(order: OrderFact): StatusStep | undefined {
  return order.steps[order.steps.length - 1];
}

export function toOrderRow(order: OrderFact): SeedOrder {
  const last = getLastStep(order);
  return {
    externalId: order.externalId,
    sellerExternalId: order.plan.seller.externalId,
    buyerId: order.buyerId,
    amount: order.amount,
    currency: order.plan.currency,
    status: last?.status ?? "placed",
    placedAt: new Date(order.placedAt),
    statusChangedAt: last ? new Date(last.at) : null,
  };
}

export function toStatusChangeRows(order: OrderFact): SeedOrderStatusChange[] {
  return order.steps.map((step) => ({
    orderExternalId: order.externalId,
    sellerExternalId: order.plan.seller.externalId,
    status: step.status,
    occurredAt: new Date(step.at),
  }));
}

export function toRefundRows(order: OrderFact): SeedRefund[] {
  if (!order.refund) return [];
  return [
    {
      orderExternalId: order.externalId,
      sellerExternalId: order.plan.seller.externalId,
      requestedAt: new Date(order.refund.requestedAt),
      refundedAt: new Date(order.refund.refundedAt),
    },
  ];
}
