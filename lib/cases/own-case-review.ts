import "server-only";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db";
import { caseReviews, reviews } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import type { CaseAction } from "./case-machine";
import { assertCaseAction } from "./case-records";
import { lockOwnCase } from "./seller-case-access";

/**
 * The seller's own case and one review in its scope, both locked until commit, once the case's
 * state allows `action`. A review is looked up within the case, never by its id alone: a review of
 * another case (or another seller) is not found, exactly like an id that does not exist.
 */
export async function lockOwnCaseReview(
  tx: Transaction,
  params: {
    actor: UserActor;
    caseId: number;
    reviewId: number;
    action: Extract<CaseAction, "analyse_review" | "resolve_review">;
    now: Date;
  },
) {
  const theCase = await lockOwnCase(tx, params.actor, params.caseId);
  const [found] = await tx
    .select({ caseReview: caseReviews, reviewExternalId: reviews.externalId })
    .from(caseReviews)
    .innerJoin(reviews, eq(reviews.id, caseReviews.reviewId))
    .where(and(eq(caseReviews.caseId, theCase.id), eq(caseReviews.reviewId, params.reviewId)))
    .for("update", { of: caseReviews });
  if (!found) throw notFound(`Review ${params.reviewId} in case ${params.caseId}`);
  assertCaseAction(theCase, params.action, params.now);
  return { theCase, caseReview: found.caseReview, reviewExternalId: found.reviewExternalId };
}

/** What the audit trail keeps of a review's analysis: `caseId` puts it on the case's timeline. */
export function caseReviewAuditView(caseReview: typeof caseReviews.$inferSelect) {
  return {
    caseId: caseReview.caseId,
    reviewId: caseReview.reviewId,
    rootCause: caseReview.rootCause,
    rootCauseNote: caseReview.rootCauseNote,
    resolution: caseReview.resolution,
  };
}
