import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db";
import { evaluations, flagReasons, flags, sellers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import type { StoredFlagReason } from "@/lib/sellers/flag-reason-details";
import { computeFlags } from "@/lib/quality/compute-flags";
import type { FlagDecision } from "@/lib/quality/decide-flags";
import { sellerMetricsTable, type EvaluationFrame } from "@/lib/quality/evaluation-sql";
import { getCurrentPolicy } from "@/lib/quality/get-current-policy";
import type { Policy } from "@/lib/quality/policy";
import { prepareEvaluationTransaction, runEvaluationPasses, takeEvaluationSnapshot } from "@/lib/quality/run-evaluation-passes";
import { runSqlSteps } from "@/lib/quality/run-sql-steps";
import { evaluationWindows } from "@/lib/quality/windows";
import { policyFingerprint, readDraft } from "./manage-policy";

export type PreviewSeller = { sellerId: number; sellerName: string; reasons: StoredFlagReason[] };

export type PolicyPreview = {
  draftVersion: number;
  /** What activating must match: the draft as this preview computed it. */
  fingerprint: string;
  /** The evaluation compared against: the latest completed one under the version in force. */
  evaluationId: number;
  activeVersion: number;
  asOf: Date;
  /** How many sellers the draft would flag, of whom `newly` were not flagged and `noLonger` would not be. */
  flagged: number;
  newly: PreviewSeller[];
  noLonger: PreviewSeller[];
};

/** Thrown to end the preview's transaction: nothing it did is kept. */
class PreviewDone extends Error {}

/**
 * The flags `policy` would raise on the data of `asOf`, in a transaction that is rolled back: the
 * evaluation's own passes recompute the metrics under the policy's windows, review rules and
 * eligibility (set-based, in PostgreSQL, into temporary tables), and computeFlags decides, as
 * the evaluation does. Nothing is written.
 */
export async function computePolicyFlags(params: {
  policy: Policy;
  asOf: Date;
  timeZone: string;
  /** Names the steps in the log (the evaluation compared against). */
  logId: number;
  sideConnection?: boolean;
}): Promise<FlagDecision[]> {
  let decisions: FlagDecision[] = [];
  try {
    await db.transaction(
      async (tx: Transaction) => {
        await prepareEvaluationTransaction(tx);
        const frame: EvaluationFrame = {
          asOf: params.asOf,
          windows: evaluationWindows(params.asOf, params.policy.params.windows),
          timeZone: params.timeZone,
          params: params.policy.params,
        };
        // One snapshot for every pass, as the evaluation reads (no audit lock: the preview writes nothing).
        const snapshot = await takeEvaluationSnapshot(tx, { exported: params.sideConnection ?? true });
        await runEvaluationPasses(tx, params.logId, frame, { snapshotId: snapshot.id });
        await runSqlSteps(tx, params.logId, [{ name: "metrics", statement: sellerMetricsTable(frame.params) }]);
        decisions = (await computeFlags(tx, frame.params)).decisions;
        throw new PreviewDone();
      },
      { isolationLevel: "repeatable read" },
    );
  } catch (error) {
    if (!(error instanceof PreviewDone)) throw error;
  }
  return decisions;
}

/**
 * The draft's preview for an admin: on the data of the latest completed evaluation under the
 * version in force (its asOf and time zone), which sellers the draft would flag, newly and no
 * longer, each with its reasons. Takes about as long as an evaluation; writes nothing.
 */
export async function previewPolicyDraft(params: {
  actor: Actor;
  version: number;
  sideConnection?: boolean;
}): Promise<PolicyPreview> {
  assertCan(params.actor, "policy:edit");
  const draft = await readDraft(db);
  if (!draft || draft.version !== params.version)
    throw conflict("There is no draft of this version any more", { reason: "no_policy_draft" });
  const active = await getCurrentPolicy(db);
  const [evaluation] = await db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.policyVersion, active.version), eq(evaluations.status, "completed")))
    .orderBy(desc(evaluations.asOf), desc(evaluations.id))
    .limit(1);
  if (!evaluation) throw notFound("A completed evaluation under the version in force");

  const decisions = await computePolicyFlags({
    policy: draft,
    asOf: evaluation.asOf,
    timeZone: evaluation.timeZone,
    logId: evaluation.id,
    sideConnection: params.sideConnection,
  });
  const before = await db
    .select({ sellerId: flags.sellerId, reason: flagReasons })
    .from(flags)
    .innerJoin(flagReasons, eq(flagReasons.flagId, flags.id))
    .where(eq(flags.evaluationId, evaluation.id))
    .orderBy(flags.sellerId, flagReasons.id);
  const flaggedBefore = new Set(before.map((row) => row.sellerId));
  const flaggedNow = new Set(decisions.map((decision) => decision.sellerId));
  const newly = decisions.filter((decision) => !flaggedBefore.has(decision.sellerId));
  const noLonger = new Map<number, StoredFlagReason[]>();
  for (const row of before)
    if (!flaggedNow.has(row.sellerId)) noLonger.set(row.sellerId, [...(noLonger.get(row.sellerId) ?? []), row.reason]);

  const ids = [...newly.map((decision) => decision.sellerId), ...noLonger.keys()];
  const names = new Map(
    (ids.length === 0
      ? []
      : await db.select({ id: sellers.id, name: sellers.name }).from(sellers).where(inArray(sellers.id, ids))
    ).map((row) => [row.id, row.name]),
  );
  const nameOf = (sellerId: number) => names.get(sellerId) ?? String(sellerId);
  return {
    draftVersion: draft.version,
    fingerprint: policyFingerprint(draft),
    evaluationId: evaluation.id,
    activeVersion: active.version,
    asOf: evaluation.asOf,
    flagged: decisions.length,
    newly: newly.map((decision) => ({
      sellerId: decision.sellerId,
      sellerName: nameOf(decision.sellerId),
      reasons: decision.reasons,
    })),
    noLonger: [...noLonger].map(([sellerId, reasons]) => ({ sellerId, sellerName: nameOf(sellerId), reasons })),
  };
}
