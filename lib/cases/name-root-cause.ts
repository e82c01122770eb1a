import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { caseReviews } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { caseReviewAuditView, lockOwnCaseReview } from "./own-case-review";
import { nameRootCauseInput, type NameRootCauseInput } from "./review-work-input";
import { ownSellerId } from "./seller-case-access";

/**
 * The seller names why a negative review in their case's scope was written, as an independent
 * reader would; "other" with a few words. It can be named again while the case is open.
 */
export async function nameRootCause(params: { actor: UserActor; input: NameRootCauseInput; now: Date }) {
  const { actor, now } = params;
  ownSellerId(actor);
  const input = parseInput(nameRootCauseInput, params.input);
  const rootCauseNote = input.rootCause === "other" ? (input.rootCauseNote ?? null) : null;
  return db.transaction(async (tx) => {
    const { theCase, caseReview } = await lockOwnCaseReview(tx, {
      actor,
      caseId: input.caseId,
      reviewId: input.reviewId,
      action: "analyse_review",
      now,
    });
    const [updated] = await tx
      .update(caseReviews)
      .set({ rootCause: input.rootCause, rootCauseNote, updatedAt: now })
      .where(and(eq(caseReviews.caseId, theCase.id), eq(caseReviews.reviewId, caseReview.reviewId)))
      .returning();
    await recordAudit(tx, {
      actor,
      action: "review.root_cause_named",
      entityType: "review",
      entityId: caseReview.reviewId,
      sellerId: theCase.sellerId,
      before: caseReviewAuditView(caseReview),
      after: caseReviewAuditView(updated!),
      reason: rootCauseNote,
      at: now,
    });
    return { caseId: theCase.id, reviewId: caseReview.reviewId, rootCause: input.rootCause };
  });
}
