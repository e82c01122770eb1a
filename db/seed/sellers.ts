/**
 * Seller plans: who each seller is (name, market, size) and how well they serve buyers over time.
 * A handful are planted as clearly bad for the whole year, a few as fine until about two months ago.
 */
import { formatExternalId } from "./numbering";
import { pickWeighted, randomBetween, randomInt, shuffled, type Rng } from "./random";
import { drawUniqueShopName } from "./shop-names";
import { DAY_MS } from "./time";
import type { Currency, Language, SeedSeller, SellerKind } from "./types";

type ReplyHabit = "prompt" | "offHours" | "late" | "never";

/** How a seller serves buyers in one period. Shares are per order (reviews: per delivered order's review). */
export type ServiceQuality = {
  negativeShare: number;
  neutralShare: number;
  complaintRate: number;
  sellerCancellationRate: number;
  returnRate: number;
  replyHabits: readonly (readonly [ReplyHabit, number])[];
  /** Median hours from a refund request to the refund. */
  refundMedianHours: number;
  /** How often a negative review ends with the buyer raising the rating: the seller put it right. */
  makeGoodRate: number;
};

export type SellerPlan = {
  seller: SeedSeller;
  kind: SellerKind;
  language: Language;
  currency: Currency;
  ordersPerYear: number;
  reviewRate: number;
  threadRate: number;
  quality: ServiceQuality;
  /** From `from` on, the seller serves buyers with `quality` instead (the worsened sellers). */
  decline: { from: number; quality: ServiceQuality } | null;
};

/** Planted counts for the default 300 sellers; scaled for other portal sizes. */
const BAD_PER_300 = 8;
const WORSENED_PER_300 = 3;
const SMALL_SHARE = 0.15;
const LARGE_SHARE = 0.08;

const ATTENTIVE_REPLIES = [
  ["prompt", 0.84],
  ["offHours", 0.07],
  ["late", 0.05],
  ["never", 0.04],
] as const;
const CARELESS_REPLIES = [
  ["prompt", 0.3],
  ["offHours", 0.03],
  ["late", 0.32],
  ["never", 0.35],
] as const;

const LANGUAGE_WEIGHTS = [
  ["uk", 0.5],
  ["pl", 0.3],
  ["en", 0.2],
] as const;
const CURRENCY_OF: Record<Language, Currency> = { uk: "UAH", pl: "PLN", en: "EUR" };

/** Orders a year, by kind: small sellers stay below the 30 orders a year needed to be evaluated. */
const ORDERS_PER_YEAR: Record<SellerKind, readonly [number, number]> = {
  small: [4, 24],
  regular: [70, 380],
  large: [700, 1500],
  bad: [180, 420],
  worsened: [280, 480],
};
const REVIEW_RATE: Record<SellerKind, readonly [number, number]> = {
  small: [0.2, 0.35],
  regular: [0.25, 0.4],
  large: [0.2, 0.3],
  bad: [0.35, 0.45],
  worsened: [0.38, 0.45],
};

function planSellerKinds(rng: Rng, count: number): SellerKind[] {
  const scaled = (perDefault: number) => Math.max(1, Math.round((count * perDefault) / 300));
  const bad = scaled(BAD_PER_300);
  const worsened = scaled(WORSENED_PER_300);
  const small = Math.round(count * SMALL_SHARE);
  const large = Math.round(count * LARGE_SHARE);
  const regular = count - bad - worsened - small - large;
  if (regular < 1) throw new Error(`--sellers ${count} is too few for a believable portal`);
  const kinds: SellerKind[] = [
    ...Array<SellerKind>(bad).fill("bad"),
    ...Array<SellerKind>(worsened).fill("worsened"),
    ...Array<SellerKind>(small).fill("small"),
    ...Array<SellerKind>(large).fill("large"),
    ...Array<SellerKind>(regular).fill("regular"),
  ];
  return shuffled(rng, kinds);
}

function drawOrdinaryQuality(rng: Rng): ServiceQuality {
  return {
    negativeShare: randomBetween(rng, 0.015, 0.075),
    neutralShare: randomBetween(rng, 0.05, 0.12),
    complaintRate: randomBetween(rng, 0.008, 0.035),
    sellerCancellationRate: randomBetween(rng, 0.004, 0.025),
    returnRate: randomBetween(rng, 0.01, 0.03),
    replyHabits: ATTENTIVE_REPLIES,
    refundMedianHours: randomBetween(rng, 8, 36),
    makeGoodRate: randomBetween(rng, 0.08, 0.16),
  };
}

function drawPoorQuality(rng: Rng, negativeShare: readonly [number, number]): ServiceQuality {
  return {
    negativeShare: randomBetween(rng, negativeShare[0], negativeShare[1]),
    neutralShare: randomBetween(rng, 0.1, 0.15),
    complaintRate: randomBetween(rng, 0.07, 0.11),
    sellerCancellationRate: randomBetween(rng, 0.08, 0.11),
    returnRate: randomBetween(rng, 0.04, 0.07),
    replyHabits: CARELESS_REPLIES,
    refundMedianHours: randomBetween(rng, 72, 160),
    makeGoodRate: randomBetween(rng, 0.01, 0.04),
  };
}

function drawQuality(rng: Rng, kind: SellerKind, now: number): Pick<SellerPlan, "quality" | "decline"> {
  if (kind === "bad") return { quality: drawPoorQuality(rng, [0.27, 0.32]), decline: null };
  const quality = drawOrdinaryQuality(rng);
  if (kind !== "worsened") return { quality, decline: null };
  // Fine for ten months and more, then sharply worse for the last two.
  const from = now - randomInt(rng, 58, 64) * DAY_MS;
  const steady = { ...quality, negativeShare: Math.min(quality.negativeShare, 0.035), returnRate: 0.01 };
  return { quality: steady, decline: { from, quality: drawPoorQuality(rng, [0.6, 0.7]) } };
}

function planSeller(rng: Rng, kind: SellerKind, index: number, now: number, takenNames: Set<string>): SellerPlan {
  const language = pickWeighted(rng, LANGUAGE_WEIGHTS);
  const externalId = formatExternalId("S", index, 4);
  const [minOrders, maxOrders] = ORDERS_PER_YEAR[kind];
  const [minReviewRate, maxReviewRate] = REVIEW_RATE[kind];
  const seller: SeedSeller = {
    externalId,
    name: drawUniqueShopName(rng, language, takenNames),
    email: `${externalId.toLowerCase()}@sellers.example`,
    createdAt: new Date(now - randomInt(rng, 420, 2400) * DAY_MS),
  };
  return {
    seller,
    kind,
    language,
    currency: CURRENCY_OF[language],
    // Log-uniform: many mid-size sellers, fewer at the top of each range.
    ordersPerYear: Math.round(minOrders * Math.pow(maxOrders / minOrders, rng())),
    reviewRate: randomBetween(rng, minReviewRate, maxReviewRate),
    threadRate: randomBetween(rng, 0.15, 0.3),
    ...drawQuality(rng, kind, now),
  };
}

export function planSellers(rng: Rng, count: number, now: number): SellerPlan[] {
  const takenNames = new Set<string>();
  return planSellerKinds(rng, count).map((kind, index) => planSeller(rng, kind, index, now, takenNames));
}

/** The seller's service at an instant: the decline applies to everything from its start. */
export function getQualityAt(plan: SellerPlan, at: number): ServiceQuality {
  return plan.decline && at >= plan.decline.from ? plan.decline.quality : plan.quality;
}
