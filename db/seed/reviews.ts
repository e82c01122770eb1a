/**
 * Reviews: most follow a delivered (or cancelled, or returned) order by a few days, a few have no
 * order. Some buyers post again within days, some edit the rating within 90 days of the purchase,
 * a few reviews are removed by the buyer or a moderator.
 */
import type { OrderStatus } from "../schema";
import { formatExternalId, sortByTime } from "./numbering";
import { getLastStep, drawBuyerId, drawBuyerMoment, getSpanYears, type OrderFact, type SeedWindow } from "./orders";
import { chance, pickWeighted, randomBetween, randomInt, randomLogNormal, type Rng } from "./random";
import { getQualityAt, type SellerPlan, type ServiceQuality } from "./sellers";
import {
  NEGATIVE_REVIEW_TEXTS,
  NEUTRAL_REVIEW_TEXTS,
  POSITIVE_REVIEW_TEXTS,
  RESOLVED_REVIEW_TEXTS,
  drawWriterLanguage,
  pickText,
  type ReviewCause,
} from "./texts";
import { DAY_MS, HOUR_MS } from "./time";
import type { Language, SeedReview, SeedReviewRatingChange } from "./types";

type Sentiment = "negative" | "neutral" | "positive";
type ReviewVersion = { rating: number; text: string; at: number };

type ReviewFact = {
  plan: SellerPlan;
  buyerId: string;
  order: OrderFact | null;
  language: Language;
  /** The first rating and every edit, in order. */
  versions: ReviewVersion[];
  removed: { at: number; by: "buyer" | "moderator" } | null;
};

/** How likely an order ends in a review, relative to the seller's review rate, by its last status. */
const REVIEW_LIKELIHOOD: Partial<Record<OrderStatus, number>> = {
  delivered: 1,
  returned: 1.3,
  cancelled_by_seller: 1.2,
  cancelled_by_buyer: 0.1,
};
const ORDERLESS_REVIEW_SHARE = 0.04;
const REPEAT_CHANCE: Record<Sentiment, number> = { negative: 0.08, neutral: 0.02, positive: 0.01 };
const EDIT_CHANCE: Record<Exclude<Sentiment, "negative">, number> = { neutral: 0.06, positive: 0.01 };
const REMOVAL_CHANCE = { withOrder: 0.012, withoutOrder: 0.1 };
/** Buyers may change a rating within 90 days of the purchase (policy). */
const EDIT_PERIOD_MS = 90 * DAY_MS;

const CAUSES_BY_STATUS: Partial<Record<OrderStatus, readonly (readonly [ReviewCause, number])[]>> = {
  cancelled_by_seller: [
    ["not_in_stock", 6],
    ["no_reaction_to_order", 2],
    ["price_changed", 2],
  ],
  returned: [
    ["description_or_photos_wrong", 5],
    ["quality_of_goods", 4],
    ["delivery_cost", 1],
  ],
};
const CAUSES_AFTER_DELIVERY: readonly (readonly [ReviewCause, number])[] = [
  ["quality_of_goods", 4],
  ["description_or_photos_wrong", 3],
  ["slow_or_no_contact", 3],
  ["delivery_cost", 2],
  ["price_changed", 1],
  ["no_reaction_to_order", 1],
];

function formatReviewId(index: number): string {
  return formatExternalId("R", index, 7);
}

function getSentiment(rating: number): Sentiment {
  return rating <= 2 ? "negative" : rating === 3 ? "neutral" : "positive";
}

/** Rolls in [0, 1) for a seller's reviews, one after another. */
type SentimentRolls = (plan: SellerPlan) => number;
const GOLDEN_RATIO_FRACTION = 0.6180339887498949;

/**
 * Per seller, a golden-ratio sequence from a random start: its rolls spread evenly over [0, 1), so
 * a seller's share of negative reviews stays close to the planned one even over a few dozen
 * reviews (and over any stretch of time), while which buyer writes which review stays random.
 */
function createSentimentRolls(rng: Rng): SentimentRolls {
  const positions = new Map<SellerPlan, number>();
  return (plan) => {
    const next = ((positions.get(plan) ?? rng()) + GOLDEN_RATIO_FRACTION) % 1;
    positions.set(plan, next);
    return next;
  };
}

function drawSentiment(rng: Rng, roll: number, quality: ServiceQuality, status: OrderStatus): Sentiment {
  if (status === "cancelled_by_seller") return chance(rng, 0.85) ? "negative" : "neutral";
  if (status === "returned")
    return pickWeighted(rng, [
      ["negative", 0.6],
      ["neutral", 0.25],
      ["positive", 0.15],
    ]);
  if (roll < quality.negativeShare) return "negative";
  return roll < quality.negativeShare + quality.neutralShare ? "neutral" : "positive";
}

function drawRating(rng: Rng, sentiment: Sentiment): number {
  if (sentiment === "neutral") return 3;
  if (sentiment === "negative") return chance(rng, 0.6) ? 1 : 2;
  return chance(rng, 0.3) ? 4 : 5;
}

function writeReviewText(rng: Rng, rating: number, status: OrderStatus, language: Language): string {
  const sentiment = getSentiment(rating);
  if (sentiment === "positive") return pickText(rng, POSITIVE_REVIEW_TEXTS, language);
  if (sentiment === "neutral") return pickText(rng, NEUTRAL_REVIEW_TEXTS, language);
  const cause = pickWeighted(rng, CAUSES_BY_STATUS[status] ?? CAUSES_AFTER_DELIVERY);
  return pickText(rng, NEGATIVE_REVIEW_TEXTS[cause], language);
}

function draftVersion(rng: Rng, sentiment: Sentiment, status: OrderStatus, language: Language, at: number): ReviewVersion {
  const rating = drawRating(rng, sentiment);
  return { rating, text: writeReviewText(rng, rating, status, language), at };
}

/** The review an order got, if any, and the buyer's repeat posts within a few days. */
function draftOrderReviews(rng: Rng, rolls: SentimentRolls, order: OrderFact, now: number): ReviewFact[] {
  const last = getLastStep(order);
  const likelihood = last ? REVIEW_LIKELIHOOD[last.status] : undefined;
  if (!last || likelihood === undefined || !chance(rng, order.plan.reviewRate * likelihood)) return [];
  const isAfterDelivery = last.status === "delivered" || last.status === "returned";
  const delayMs = isAfterDelivery ? randomLogNormal(rng, 2.5 * DAY_MS, 0.6) : randomBetween(rng, 2 * HOUR_MS, 3 * DAY_MS);
  const sentiment = drawSentiment(rng, rolls(order.plan), getQualityAt(order.plan, order.placedAt), last.status);
  const language = drawWriterLanguage(rng, order.plan.language);
  const repeats = chance(rng, REPEAT_CHANCE[sentiment]) ? randomInt(rng, 1, 2) : 0;
  const reviews: ReviewFact[] = [];
  for (let i = 0, at = last.at + delayMs; i <= repeats && at < now; i++, at += randomBetween(rng, 0.25, 4) * DAY_MS) {
    const version = draftVersion(rng, sentiment, last.status, language, at);
    reviews.push({ plan: order.plan, buyerId: order.buyerId, order, language, versions: [version], removed: null });
  }
  return reviews;
}

/** Reviews with no purchase behind them: unknown buyers, any time of the window. */
function draftOrderlessReviews(
  rng: Rng,
  rolls: SentimentRolls,
  plan: SellerPlan,
  window: SeedWindow,
  buyerPoolSize: number,
): ReviewFact[] {
  const expected = plan.ordersPerYear * getSpanYears(window) * plan.reviewRate * ORDERLESS_REVIEW_SHARE;
  const count = Math.floor(expected * randomBetween(rng, 0.5, 1.5) + rng());
  return Array.from({ length: count }, () => {
    const at = drawBuyerMoment(rng, window);
    const language = drawWriterLanguage(rng, plan.language);
    const sentiment = drawSentiment(rng, rolls(plan), getQualityAt(plan, at), "delivered");
    const version = draftVersion(rng, sentiment, "delivered", language, at);
    return { plan, buyerId: drawBuyerId(rng, buyerPoolSize), order: null, language, versions: [version], removed: null };
  });
}

/** The rating a buyer changes to: up once the seller has put things right, down when the item fails. */
function draftEdit(rng: Rng, review: ReviewFact, at: number): ReviewVersion {
  const current = review.versions[review.versions.length - 1] as ReviewVersion;
  const sentiment = getSentiment(current.rating);
  if (sentiment === "negative" || (sentiment === "neutral" && chance(rng, 0.5))) {
    const rating = pickWeighted(rng, [
      [5, 5],
      [4, 3],
      [3, 2],
    ] as const);
    return { rating, text: pickText(rng, RESOLVED_REVIEW_TEXTS, review.language), at };
  }
  const rating = drawRating(rng, "negative");
  return { rating, text: pickText(rng, NEGATIVE_REVIEW_TEXTS.quality_of_goods, review.language), at };
}

function getEditChance(review: ReviewFact, first: ReviewVersion): number {
  const sentiment = getSentiment(first.rating);
  return sentiment === "negative" ? getQualityAt(review.plan, first.at).makeGoodRate : EDIT_CHANCE[sentiment];
}

function addEdits(rng: Rng, review: ReviewFact, now: number): void {
  const first = review.versions[0] as ReviewVersion;
  if (!chance(rng, getEditChance(review, first))) return;
  const deadline = Math.min(now, (review.order?.placedAt ?? first.at) + EDIT_PERIOD_MS);
  const edits = chance(rng, 0.15) ? 2 : 1;
  for (let i = 0, at = first.at; i < edits; i++) {
    at += randomBetween(rng, 0.2, 20) * DAY_MS;
    if (at >= deadline) return;
    review.versions.push(draftEdit(rng, review, at));
  }
}

function addRemoval(rng: Rng, review: ReviewFact, now: number): boolean {
  const hasOrder = review.order !== null;
  if (!chance(rng, hasOrder ? REMOVAL_CHANCE.withOrder : REMOVAL_CHANCE.withoutOrder)) return false;
  const at = (review.versions[0] as ReviewVersion).at + randomLogNormal(rng, 3 * DAY_MS, 0.8);
  if (at >= now) return false;
  const by = chance(rng, hasOrder ? 0.3 : 0.7) ? "moderator" : "buyer";
  review.removed = { at, by };
  return true;
}

export function planReviews(
  rng: Rng,
  plans: readonly SellerPlan[],
  orders: readonly OrderFact[],
  window: SeedWindow,
  buyerPoolSize: number,
): ReviewFact[] {
  const rolls = createSentimentRolls(rng);
  const reviews = [
    ...orders.flatMap((order) => draftOrderReviews(rng, rolls, order, window.end)),
    ...plans.flatMap((plan) => draftOrderlessReviews(rng, rolls, plan, window, buyerPoolSize)),
  ];
  for (const review of reviews) {
    if (!addRemoval(rng, review, window.end)) addEdits(rng, review, window.end);
  }
  return sortByTime(reviews, (review) => (review.versions[0] as ReviewVersion).at);
}

export function toReviewRow(review: ReviewFact, index: number): SeedReview {
  const first = review.versions[0] as ReviewVersion;
  const current = review.versions[review.versions.length - 1] as ReviewVersion;
  return {
    externalId: formatReviewId(index),
    sellerExternalId: review.plan.seller.externalId,
    buyerId: review.buyerId,
    orderExternalId: review.order?.externalId ?? null,
    rating: current.rating,
    text: current.text,
    postedAt: new Date(first.at),
    editedAt: review.versions.length > 1 ? new Date(current.at) : null,
    removedAt: review.removed ? new Date(review.removed.at) : null,
    removedBy: review.removed?.by ?? null,
  };
}

export function toRatingChangeRows(review: ReviewFact, index: number): SeedReviewRatingChange[] {
  return review.versions.map((version) => ({
    reviewExternalId: formatReviewId(index),
    sellerExternalId: review.plan.seller.externalId,
    rating: version.rating,
    text: version.text,
    occurredAt: new Date(version.at),
  }));
}
