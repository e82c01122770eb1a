import "server-only";
import type { Transaction } from "@/db";
import { caseDecisions, checklistSnapshots, type Case } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { getCurrentPolicy } from "@/lib/quality/get-current-policy";
import type { Policy } from "@/lib/quality/policy";
import type { CaseAction } from "./case-machine";
import { assertCaseAction, assertCaseVersion, lockCase } from "./case-records";
import { computeChecklist, type Checklist } from "./checklist";
import { getChecklistFacts } from "./get-checklist-facts";

export type DecisionContext = { theCase: Case; policy: Policy; checklist: Checklist; checklistSnapshotId: number };

/**
 * The start of a decision (reinstate or extend), in its transaction: the case locked, the version
 * the moderator saw checked, the action checked against the state at `now`, and the checklist
 * computed from the data as it is at this moment and kept with the decision.
 */
export async function beginDecision(
  tx: Transaction,
  params: { caseId: number; expectedVersion: number; action: Extract<CaseAction, "reinstate" | "extend">; now: Date },
): Promise<DecisionContext> {
  const theCase = await lockCase(tx, params.caseId);
  await assertCaseVersion(tx, theCase, params.expectedVersion);
  assertCaseAction(theCase, params.action, params.now);
  const policy = await getCurrentPolicy(tx);
  const checklist = computeChecklist(await getChecklistFacts(tx, { caseId: theCase.id, policy: policy.params, now: params.now }));
  const [snapshot] = await tx
    .insert(checklistSnapshots)
    .values({
      caseId: theCase.id,
      sellerId: theCase.sellerId,
      computedAt: params.now,
      items: checklist.items,
      allPassed: checklist.isAllPassed,
    })
    .returning({ id: checklistSnapshots.id });
  return { theCase, policy, checklist, checklistSnapshotId: snapshot!.id };
}

/**
 * One decision per case version: the unique index is the last guard against a double decision. A
 * reinstatement by an appeal has no checklist (`checklistSnapshotId` null): the exclusion itself was wrong.
 */
export async function insertDecision(
  tx: Transaction,
  context: Pick<DecisionContext, "theCase"> & { checklistSnapshotId: number | null },
  decision: Pick<
    typeof caseDecisions.$inferInsert,
    "kind" | "overrides" | "extendReasons" | "newRecheckAt" | "messageToSeller"
  > & {
    actor: UserActor;
    now: Date;
  },
) {
  const { actor, now, ...fields } = decision;
  const [inserted] = await tx
    .insert(caseDecisions)
    .values({
      ...fields,
      caseId: context.theCase.id,
      sellerId: context.theCase.sellerId,
      decidedBy: actor.userId,
      decidedAt: now,
      caseVersion: context.theCase.version,
      checklistSnapshotId: context.checklistSnapshotId,
    })
    .returning();
  return inserted!;
}
