import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { appeals, caseDecisions } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { lockOwnCase, ownSellerId } from "@/lib/cases/seller-case-access";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { submitAppealInput, type SubmitAppealInput } from "./appeal-input";
import { appealDeadline } from "./appeal-period";
import { appealPeriodMonths } from "./appeal-policy";

/**
 * The seller contests the exclusion (`decisionId` null) or one extension of their own case, once
 * per decision, within the policy's period from the decision — while the case is open or after the
 * reinstatement. The appeal waits in the moderators' queue. Two tabs or a double click make one
 * appeal: the case is locked, and the unique index is the last guard.
 */
export async function submitAppeal(params: { actor: UserActor; input: SubmitAppealInput; now: Date }) {
  const { actor, now } = params;
  ownSellerId(actor);
  const input = parseInput(submitAppealInput, params.input);
  return db.transaction(async (tx) => {
    const theCase = await lockOwnCase(tx, actor, input.caseId);
    let decidedAt = theCase.excludedAt;
    if (input.decisionId != null) {
      const [decision] = await tx
        .select({ kind: caseDecisions.kind, decidedAt: caseDecisions.decidedAt })
        .from(caseDecisions)
        .where(and(eq(caseDecisions.id, input.decisionId), eq(caseDecisions.caseId, theCase.id)));
      if (!decision) throw notFound(`Decision ${input.decisionId}`);
      if (decision.kind !== "extend")
        throw conflict("Only the exclusion and its extensions can be contested", { reason: "nothing_to_appeal" });
      decidedAt = decision.decidedAt;
    }
    const endedAt = appealDeadline(decidedAt, await appealPeriodMonths(tx, theCase));
    if (now > endedAt)
      throw conflict(`The period to contest this decision ended on ${endedAt.toISOString()}`, {
        reason: "appeal_period_over",
        endedAt: endedAt.toISOString(),
      });

    const [appeal] = await tx
      .insert(appeals)
      .values({
        caseId: theCase.id,
        sellerId: theCase.sellerId,
        subject: input.decisionId == null ? "exclusion" : "extension",
        decisionId: input.decisionId,
        reason: input.reason,
        evidence: input.evidence || null,
        submittedBy: actor.userId,
        submittedAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!appeal) {
      const [existing] = await tx
        .select({ submittedAt: appeals.submittedAt })
        .from(appeals)
        .where(and(eq(appeals.caseId, theCase.id), sql`coalesce(${appeals.decisionId}, 0) = ${input.decisionId ?? 0}`));
      throw conflict("This decision was already contested: one appeal per decision", {
        reason: "appeal_already_made",
        submittedAt: (existing?.submittedAt ?? now).toISOString(),
      });
    }
    await recordAudit(tx, {
      actor,
      action: "appeal.submitted",
      entityType: "appeal",
      entityId: appeal.id,
      sellerId: theCase.sellerId,
      after: {
        caseId: theCase.id,
        subject: appeal.subject,
        contestedDecisionId: appeal.decisionId,
        status: appeal.status,
        evidence: appeal.evidence,
      },
      reason: appeal.reason,
      at: now,
    });
    return appeal;
  });
}
