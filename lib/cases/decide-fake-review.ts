import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { reviewSignals } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { decideFakeReviewInput } from "./case-input";
import { assertCaseAction, lockCase } from "./case-records";

/** A moderator confirms a suspected fake review, or clears it (it then no longer fails the checklist). */
export async function decideFakeReview(params: { actor: UserActor; input: z.input<typeof decideFakeReviewInput>; now: Date }) {
  assertCan(params.actor, "fake-reviews:decide");
  const input = parseInput(decideFakeReviewInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const theCase = await lockCase(tx, input.caseId);
    assertCaseAction(theCase, "decide_fake_review", now);
    // Only the case's own seller's signals: another seller's signal is not found from this case.
    const [signal] = await tx
      .select()
      .from(reviewSignals)
      .where(and(eq(reviewSignals.id, input.signalId), eq(reviewSignals.sellerId, theCase.sellerId)))
      .for("update");
    if (!signal) throw notFound(`Signal ${input.signalId}`);
    const [updated] = await tx
      .update(reviewSignals)
      .set({ status: input.decision, decidedBy: actor.userId, decidedAt: now })
      .where(eq(reviewSignals.id, signal.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: input.decision === "confirmed" ? "review-signal.confirmed" : "review-signal.cleared",
      entityType: "review-signal",
      entityId: signal.id,
      sellerId: theCase.sellerId,
      before: { status: signal.status, reviewId: signal.reviewId, kind: signal.kind },
      after: { status: input.decision, caseId: theCase.id },
      reason: input.reason ?? null,
      at: now,
    });
    return updated!;
  });
}
