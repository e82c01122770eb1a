import "server-only";
import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import { db } from "@/db";
import { evaluations } from "@/db/schema";
import { recordAuditEntries } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { getPolicyVersion } from "./get-current-policy";
import { reviewSignalSteps } from "./review-signals-sql";
import { runSqlSteps } from "./run-sql-steps";

const DAY_MS = 86_400_000;
/** Reviews this long before the previous signals run are looked at again (a late-arriving review). */
const OVERLAP_MS = 7 * DAY_MS;

export type ReviewSignalsRun = {
  evaluationId: number;
  /** False when this evaluation's signals had been computed before: nothing was done. */
  computed: boolean;
  from: Date | null;
  asOf: Date;
  raised: number;
};

/**
 * Fake-review signals (SPEC, "Suspected fake reviews") for the reviews posted since shortly before
 * the previous evaluation whose signals were computed (at most the recent window back), up to
 * this evaluation's asOf — so a weekly run looks at about two weeks of reviews, and a run that was
 * lost is made up by the next one.
 *
 * Not part of the evaluation's atomic unit: the flags do not depend on it, it must not hold up the
 * evaluation's answer, and its failure must not undo the evaluation. Callers run it right after
 * the evaluation (the CLI and the weekly job in line, the API after its response). Its own
 * transaction, with its audit entry; once per evaluation (the evaluation row is locked and marked).
 */
export async function computeReviewSignals(params: { actor: Actor; evaluationId: number; now: Date }): Promise<ReviewSignalsRun> {
  const { actor, evaluationId, now } = params;
  const started = performance.now();
  const run = await db.transaction(async (tx) => {
    const [evaluation] = await tx.select().from(evaluations).where(eq(evaluations.id, evaluationId)).for("update");
    if (!evaluation || evaluation.status !== "completed")
      throw new Error(`Evaluation ${evaluationId} is not a completed evaluation`);
    const { asOf } = evaluation;
    if (evaluation.signalsComputedAt) return { evaluationId, computed: false, from: null, asOf, raised: 0 };

    const policy = await getPolicyVersion(tx, evaluation.policyVersion);
    const [previous] = await tx
      .select({ asOf: evaluations.asOf })
      .from(evaluations)
      .where(and(eq(evaluations.status, "completed"), isNotNull(evaluations.signalsComputedAt), lt(evaluations.asOf, asOf)))
      .orderBy(desc(evaluations.asOf))
      .limit(1);
    const earliest = asOf.getTime() - policy.params.windows.recentDays * DAY_MS;
    const from = new Date(Math.max(earliest, previous ? previous.asOf.getTime() - OVERLAP_MS : earliest));

    const steps = reviewSignalSteps({ from, asOf, now, timeZone: evaluation.timeZone, params: policy.params.fakeReviews });
    // Each insert step answers how many signals were new (`inserted`).
    const results = await runSqlSteps(tx, evaluationId, steps);
    const raised = results.reduce((sum, rows) => sum + Number(rows[0]?.inserted ?? 0), 0);
    await tx.update(evaluations).set({ signalsComputedAt: now }).where(eq(evaluations.id, evaluationId));
    await recordAuditEntries(tx, [
      {
        actor,
        action: "review-signals.computed",
        entityType: "evaluation",
        entityId: evaluationId,
        after: { from: from.toISOString(), asOf: asOf.toISOString(), raised },
        at: now,
      },
    ]);
    return { evaluationId, computed: true, from, asOf, raised };
  });
  logger.info({ ...run, seconds: (performance.now() - started) / 1000 }, "review signals computed");
  return run;
}
