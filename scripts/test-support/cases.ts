/**
 * Case test data: a seller flagged by an evaluation (rows arranged straight in the database, as an
 * evaluation would leave them), with real reviews taken in through ingestion.
 */
import { eq } from "drizzle-orm";
import { db } from "@/db";
import {
  evaluations,
  flagReasons,
  flags,
  letters,
  portalMetrics,
  reviews,
  reviewSignals,
  sellerMetrics,
  sellers,
} from "@/db/schema";
import { isDomainError, type DomainError } from "@/lib/errors";
import { ensureDefaultPolicy } from "@/lib/quality/get-current-policy";
import { daysBefore, ingest, marketplaceId, order, review, seller } from "./events";

export const YEAR_METRICS = {
  orders: 120,
  uniqueReviews: 40,
  negativeReviews: 12,
  negativeReviewRate: 0.3,
  averageRating: 3.1,
  complaints: 3,
  complaintRate: 0.025,
  sellerCancellations: 2,
  sellerCancellationRate: 0.0167,
  threads: 10,
  threadsOnTime: 8,
  onTimeResponseRate: 0.8,
  medianResponseHours: 5,
  refunds: 1,
  medianRefundHours: 30,
  openNegativeReviews: 12,
};

/**
 * A seller with `negativeReviews` 1-star reviews in the last year (each from a buyer who ordered),
 * flagged LOW_YEAR by a completed evaluation at `now`. Returns our ids and the marketplace's.
 */
/** Completed evaluations are unique per asOf and policy: each flagged seller gets its own. */
let evaluationSequence = 0;

export async function createFlaggedSeller(params: { now: Date; negativeReviews?: number }) {
  const { now } = params;
  await ensureDefaultPolicy(now);
  const externalId = marketplaceId("S-case");
  const events = [seller(externalId)];
  for (let i = 0; i < (params.negativeReviews ?? 2); i++) {
    events.push(order(`${externalId}-O${i}`, externalId, `${externalId}-B${i}`, daysBefore(now, 40 + i)));
    events.push(
      review(`${externalId}-R${i}`, externalId, `${externalId}-B${i}`, 1, daysBefore(now, 30 + i), {
        orderId: `${externalId}-O${i}`,
      }),
    );
  }
  await ingest(events, now);
  const [theSeller] = await db.select().from(sellers).where(eq(sellers.externalId, externalId));
  const [evaluation] = await db
    .insert(evaluations)
    .values({
      asOf: new Date(daysBefore(now, 1).getTime() - ++evaluationSequence * 1000),
      policyVersion: 1,
      status: "completed",
      startedAt: now,
      completedAt: now,
      sellersEvaluated: 1,
      flaggedCount: 1,
      timeZone: "Europe/Kyiv",
      requestedBy: "test",
    })
    .returning();
  await db
    .insert(sellerMetrics)
    .values({ evaluationId: evaluation!.id, sellerId: theSeller!.id, window: "year", ...YEAR_METRICS });
  await db
    .insert(portalMetrics)
    .values({ evaluationId: evaluation!.id, window: "year", eligibleSellers: 30, values: { negativeReviewRate: 0.05 } });
  const [flag] = await db
    .insert(flags)
    .values({ evaluationId: evaluation!.id, sellerId: theSeller!.id, createdAt: now })
    .returning();
  await db.insert(flagReasons).values({
    flagId: flag!.id,
    sellerId: theSeller!.id,
    code: "LOW_YEAR",
    metric: "negativeReviewRate",
    window: "year",
    value: 0.3,
    intervalLow: 0.18,
    intervalHigh: 0.45,
    portalValue: 0.05,
    rule: "wilson_lower_above_threshold",
    threshold: 0.1,
  });
  return { seller: theSeller!, externalId, flag: flag!, evaluation: evaluation! };
}

/** A submitted letter on the case, as the seller's side would leave it. */
export async function submitTestLetter(params: { caseId: number; sellerId: number; version?: number; at: Date }) {
  const [letter] = await db
    .insert(letters)
    .values({
      caseId: params.caseId,
      sellerId: params.sellerId,
      version: params.version ?? 1,
      status: "submitted",
      createdAt: params.at,
      updatedAt: params.at,
      submittedAt: params.at,
    })
    .returning();
  return letter!;
}

/** A 5-star review at `at` with a suspected fake-review signal on it. */
export async function createSuspectedReview(params: { sellerExternalId: string; sellerId: number; at: Date }) {
  const reviewId = marketplaceId("R-fake");
  await ingest([review(reviewId, params.sellerExternalId, marketplaceId("B-fake"), 5, params.at)], params.at);
  const [found] = await db.select().from(reviews).where(eq(reviews.externalId, reviewId));
  const [signal] = await db
    .insert(reviewSignals)
    .values({
      sellerId: params.sellerId,
      reviewId: found!.id,
      kind: "no_matching_purchase",
      details: { reason: "test" },
      computedAt: params.at,
    })
    .returning();
  return signal!;
}

/** The typed error a case action was refused with; any other outcome fails the test. */
export async function refusalOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to be refused");
}
