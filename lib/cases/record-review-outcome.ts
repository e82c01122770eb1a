import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseReviews, caseReviewSteps, reviewReplies } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { conflict, invalid } from "@/lib/errors";
import { fieldIssue, parseInput } from "@/lib/validation";
import { queueOutboxEvent, sellerExternalId } from "./case-records";
import { caseReviewAuditView, lockOwnCaseReview } from "./own-case-review";
import { recordReviewOutcomeInput, type RecordReviewOutcomeInput } from "./review-work-input";
import { ownSellerId } from "./seller-case-access";

/**
 * What the seller did about a negative review in scope, recorded once: resolved with the buyer
 * (what was agreed), or a public reply, which the marketplace publishes under the review (a
 * `review.replied` event through the signed outbox) and which cannot be taken back. The policy
 * asks to analyse first, so the review's root cause must be named before.
 */
export async function recordReviewOutcome(params: { actor: UserActor; input: RecordReviewOutcomeInput; now: Date }) {
  const { actor, now } = params;
  ownSellerId(actor);
  const input = parseInput(recordReviewOutcomeInput, params.input);
  const isReply = input.outcome === "answered_publicly";
  return db.transaction(async (tx) => {
    const { theCase, caseReview, reviewExternalId } = await lockOwnCaseReview(tx, {
      actor,
      caseId: input.caseId,
      reviewId: input.reviewId,
      action: "resolve_review",
      now,
    });
    const [earlierReply] = await tx
      .select({ id: reviewReplies.id })
      .from(reviewReplies)
      .where(eq(reviewReplies.reviewId, caseReview.reviewId));
    if (caseReview.resolution || earlierReply) {
      throw conflict(`What was done about review ${caseReview.reviewId} is already recorded`, {
        reason: "review_outcome_recorded",
      });
    }
    if (!caseReview.rootCause) {
      throw invalid("Name the review's root cause before recording what was done", [
        fieldIssue("rootCause", { key: "rootCauseFirst" }),
      ]);
    }

    const [updated] = await tx
      .update(caseReviews)
      .set({
        resolution: input.outcome,
        resolutionNote: isReply ? null : input.text,
        resolvedAt: now,
        resolvedBy: actor.userId,
        updatedAt: now,
      })
      .where(and(eq(caseReviews.caseId, theCase.id), eq(caseReviews.reviewId, caseReview.reviewId)))
      .returning();
    const steps = isReply ? [...input.steps, "public_reply" as const] : input.steps;
    if (steps.length > 0) {
      await tx.insert(caseReviewSteps).values(
        steps.map((step) => ({
          caseId: theCase.id,
          reviewId: caseReview.reviewId,
          sellerId: theCase.sellerId,
          step,
          createdBy: actor.userId,
          createdAt: now,
        })),
      );
    }
    if (isReply) {
      await tx.insert(reviewReplies).values({
        sellerId: theCase.sellerId,
        reviewId: caseReview.reviewId,
        authorUserId: actor.userId,
        body: input.text,
        createdAt: now,
      });
      await queueOutboxEvent(tx, {
        sellerId: theCase.sellerId,
        type: "review.replied",
        payload: {
          reviewId: reviewExternalId,
          sellerId: await sellerExternalId(tx, theCase.sellerId),
          text: input.text,
          repliedAt: now.toISOString(),
        },
        now,
      });
    }
    await recordAudit(tx, {
      actor,
      action: isReply ? "review.replied" : "review.resolved_with_buyer",
      entityType: "review",
      entityId: caseReview.reviewId,
      sellerId: theCase.sellerId,
      before: caseReviewAuditView(caseReview),
      after: { ...caseReviewAuditView(updated!), steps },
      reason: input.text,
      at: now,
    });
    return { caseId: theCase.id, reviewId: caseReview.reviewId, outcome: input.outcome };
  });
}
