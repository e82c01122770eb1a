import "server-only";
import { eq } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { appeals, caseDecisions, users, type Appeal, type Case } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { insertDecision } from "@/lib/cases/case-decision";
import { caseAuditView, liftExclusion, lockCase, queueSellerNotification } from "@/lib/cases/case-records";
import { conflict, notFound, refused } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { decideAppealInput, type DecideAppealInput } from "./appeal-input";

/**
 * A moderator (or admin) upholds or overturns a waiting appeal, with reasons the seller reads. The
 * moderator who made the contested decision cannot decide it. Overturning an open case reinstates
 * the seller at once — the one exception to the 14-day minimum (SPEC "The exclusion case") — with
 * the reinstatement's decision row (the appeal's reasons as its message), the catalog event and the
 * audit entries; overturning after the reinstatement records the finding only. Two moderators at
 * once: the case and then the appeal are locked, so one decides and the other is told who did.
 */
export async function decideAppeal(params: { actor: UserActor; input: DecideAppealInput; now: Date }) {
  assertCan(params.actor, "cases:decide");
  const input = parseInput(decideAppealInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ caseId: appeals.caseId }).from(appeals).where(eq(appeals.id, input.appealId));
    if (!found) throw notFound(`Appeal ${input.appealId}`);
    // The case first, as every decision on it locks it: one lock order, no deadlock with a reinstatement.
    const theCase = await lockCase(tx, found.caseId);
    const [appeal] = await tx.select().from(appeals).where(eq(appeals.id, input.appealId)).for("update");
    if (!appeal) throw notFound(`Appeal ${input.appealId}`);
    if (appeal.status !== "waiting") await refuseDecided(tx, appeal);
    if ((await contestedDecisionMaker(tx, appeal, theCase)) === actor.userId)
      throw refused("You made the decision this appeal contests: another moderator must decide it", {
        reason: "appeal_own_decision",
      });

    const [decided] = await tx
      .update(appeals)
      .set({ status: input.outcome, decidedBy: actor.userId, decidedAt: now, decisionReason: input.reason })
      .where(eq(appeals.id, appeal.id))
      .returning();
    const reinstated = input.outcome === "overturned" && theCase.status !== "REINSTATED";
    const reinstatement = reinstated ? await reinstateByAppeal(tx, { theCase, appeal: decided!, actor, now }) : null;
    await queueSellerNotification(tx, {
      sellerId: theCase.sellerId,
      caseId: theCase.id,
      payload: {
        kind: "appeal_decided",
        caseId: theCase.id,
        appealId: appeal.id,
        subject: appeal.subject,
        outcome: input.outcome,
        reason: input.reason,
        decidedAt: now.toISOString(),
        reinstatedAt: reinstatement ? now.toISOString() : null,
      },
      now,
    });
    await recordAudit(tx, {
      actor,
      action: input.outcome === "upheld" ? "appeal.upheld" : "appeal.overturned",
      entityType: "appeal",
      entityId: appeal.id,
      sellerId: theCase.sellerId,
      before: { caseId: theCase.id, status: appeal.status },
      after: {
        caseId: theCase.id,
        subject: appeal.subject,
        contestedDecisionId: appeal.decisionId,
        status: input.outcome,
        reinstatementDecisionId: reinstatement?.decision.id ?? null,
      },
      reason: input.reason,
      at: now,
    });
    return {
      appeal: decided!,
      case: reinstatement?.case ?? theCase,
      reinstatementDecisionId: reinstatement?.decision.id ?? null,
    };
  });
}

/** The loser of two moderators deciding at once (or a stale page) is told who decided, how and when. */
async function refuseDecided(tx: Transaction, appeal: Appeal): Promise<never> {
  const [by] = appeal.decidedBy ? await tx.select({ email: users.email }).from(users).where(eq(users.id, appeal.decidedBy)) : [];
  const outcome = appeal.status === "overturned" ? "overturned" : "upheld";
  const decidedAt = (appeal.decidedAt ?? new Date(0)).toISOString();
  throw conflict(`This appeal was just ${outcome} by ${by?.email ?? "another moderator"} at ${decidedAt}. Nothing was saved.`, {
    reason: "appeal_decided",
    outcome,
    decidedBy: by?.email ?? "",
    decidedAt,
  });
}

/** Who made the contested decision: the moderator who opened the case, or the one who extended it. */
async function contestedDecisionMaker(tx: Transaction, appeal: Appeal, theCase: Case): Promise<string> {
  if (appeal.decisionId == null) return theCase.openedBy;
  const [decision] = await tx
    .select({ decidedBy: caseDecisions.decidedBy })
    .from(caseDecisions)
    .where(eq(caseDecisions.id, appeal.decisionId));
  if (!decision) throw notFound(`Decision ${appeal.decisionId}`);
  return decision.decidedBy;
}

/**
 * The exclusion found wrong ends now, whatever the day: a reinstatement decision by the appeal's
 * moderator (its message to the seller is the appeal's reasons, no checklist), the case reinstated,
 * the catalog told, and the case's own audit entry beside the appeal's.
 */
async function reinstateByAppeal(tx: Transaction, params: { theCase: Case; appeal: Appeal; actor: UserActor; now: Date }) {
  const { theCase, appeal, actor, now } = params;
  const decision = await insertDecision(
    tx,
    { theCase, checklistSnapshotId: null },
    {
      kind: "reinstate",
      overrides: null,
      extendReasons: null,
      newRecheckAt: null,
      messageToSeller: appeal.decisionReason,
      actor,
      now,
    },
  );
  const updated = await liftExclusion(tx, theCase, now);
  await recordAudit(tx, {
    actor,
    action: "case.reinstated",
    entityType: "case",
    entityId: theCase.id,
    sellerId: theCase.sellerId,
    before: caseAuditView(theCase),
    after: { ...caseAuditView(updated), decisionId: decision.id, appealId: appeal.id },
    reason: `Appeal ${appeal.id} overturned: ${appeal.decisionReason}`,
    at: now,
  });
  return { case: updated, decision };
}
