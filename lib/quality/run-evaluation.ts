import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, queryRows, type Transaction } from "@/db";
import { evaluations, type Evaluation } from "@/db/schema";
import { recordAuditEntries, type AuditInput } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { computeFlags } from "./compute-flags";
import type { FlagDecision } from "./decide-flags";
import * as evaluationSql from "./evaluation-sql";
import { ensureDefaultPolicy, getCurrentPolicy } from "./get-current-policy";
import { getEvaluationSummary } from "./get-evaluation-summary";
import type { EvaluationSummary } from "./quality-schemas";
import type { Policy } from "./policy";
import {
  prepareEvaluationTransaction,
  runEvaluationPasses,
  takeEvaluationSnapshot,
  type EvaluationSnapshot,
} from "./run-evaluation-passes";
import { runSqlSteps, timedStep } from "./run-sql-steps";
import { defaultAsOf, evaluationWindows } from "./windows";

/**
 * Runs an evaluation as of `asOf` (default: the most recent Monday 00:00 in the portal's time
 * zone) under the current policy. Atomic: everything, from the metrics to the flags and their
 * audit entries, commits together or not at all, so a run killed half way leaves the previous
 * evaluation as the latest. Idempotent: the same asOf and policy version returns the evaluation
 * made before. Serialised by a table lock (see below). Every pass reads one database snapshot
 * (REPEATABLE READ, shared with the side connection): an event ingested during the run is counted
 * by every pass or by none, and the evaluation records the snapshot's moment. The fake-review
 * signals are a separate step after it (computeReviewSignals).
 */
export async function runEvaluation(params: {
  actor: Actor;
  asOf?: Date;
  now: Date;
  /** False: every pass in the evaluation's own transaction, as on PGlite (default true; see runEvaluationPasses). */
  sideConnection?: boolean;
}): Promise<EvaluationSummary> {
  const { actor, now } = params;
  if (actor.kind === "user") assertCan(actor, "evaluations:run");
  const timeZone = env.PORTAL_TIME_ZONE;
  const asOf = params.asOf ?? defaultAsOf(now, timeZone);
  if (asOf > now) throw invalid("asOf must not be in the future", [{ path: "asOf", message: "asOf must not be in the future" }]);

  await ensureDefaultPolicy(now);
  const started = performance.now();
  const sideConnection = params.sideConnection ?? true;
  const result = await db.transaction(
    async (tx) => {
      // Taken before the snapshot (a LOCK takes none; the first query does). Only one evaluation
      // runs at a time (a second waits, then finds the first's result in its own snapshot), and
      // no audited change commits while one runs: under REPEATABLE READ the audit chain's trigger
      // reads the chain's end as of the snapshot, so an entry committed after it would be forked.
      await tx.execute(sql`lock table audit_log in share row exclusive mode`);
      const snapshot = await takeEvaluationSnapshot(tx, { exported: sideConnection });
      const policy = await getCurrentPolicy(tx);
      const [done] = await tx
        .select({ id: evaluations.id })
        .from(evaluations)
        .where(
          and(eq(evaluations.asOf, asOf), eq(evaluations.policyVersion, policy.version), eq(evaluations.status, "completed")),
        );
      if (done) return { evaluationId: done.id, reused: true };
      return { evaluationId: await evaluate(tx, { actor, asOf, now, timeZone, policy, snapshot }), reused: false };
    },
    { isolationLevel: "repeatable read" },
  );
  logger.info(
    { evaluationId: result.evaluationId, asOf, reused: result.reused, seconds: (performance.now() - started) / 1000 },
    "evaluation finished",
  );
  const summary = await getEvaluationSummary(db, result.evaluationId);
  if (!summary) throw new Error(`Evaluation ${result.evaluationId} vanished after it was made`);
  return summary;
}

type RunContext = { actor: Actor; asOf: Date; now: Date; timeZone: string; policy: Policy; snapshot: EvaluationSnapshot };

async function evaluate(tx: Transaction, context: RunContext): Promise<number> {
  const { actor, asOf, now, timeZone, policy, snapshot } = context;
  await prepareEvaluationTransaction(tx);
  const [evaluation] = await tx
    .insert(evaluations)
    .values({
      asOf,
      policyVersion: policy.version,
      status: "running",
      startedAt: now,
      timeZone,
      requestedBy: actor.label,
      snapshotAt: snapshot.at,
    })
    .returning();
  if (!evaluation) throw new Error("The evaluation row was not created");

  const frame: evaluationSql.EvaluationFrame = {
    asOf,
    windows: evaluationWindows(asOf, policy.params.windows),
    timeZone,
    params: policy.params,
  };
  await runEvaluationPasses(tx, evaluation.id, frame, { snapshotId: snapshot.id });
  await runSqlSteps(tx, evaluation.id, evaluationSql.resultSteps(frame, evaluation.id));

  const { decisions, flagIds } = await timedStep(evaluation.id, "flags", async () => {
    const { decisions: decided } = await computeFlags(tx, policy.params);
    const ids = await storeFlags(tx, evaluation, decided, now);
    await tx.execute(
      evaluationSql.insertEvaluationSellers(
        evaluation.id,
        decided.map((decision) => decision.sellerId),
      ),
    );
    return { decisions: decided, flagIds: ids };
  });

  const [counts] = await queryRows<{ sellers: number }>(tx, sql`select count(*)::int as sellers from eval_metrics`);
  const sellersEvaluated = Number(counts?.sellers ?? 0);
  await tx
    .update(evaluations)
    .set({ status: "completed", completedAt: sql`clock_timestamp()`, sellersEvaluated, flaggedCount: decisions.length })
    .where(eq(evaluations.id, evaluation.id));

  // Last, so the audit trail's lock is held only for the commit.
  const entries: AuditInput[] = [
    {
      actor,
      action: "evaluation.completed",
      entityType: "evaluation",
      entityId: evaluation.id,
      after: { asOf: asOf.toISOString(), policyVersion: policy.version, timeZone, sellersEvaluated, flagged: decisions.length },
      at: now,
    },
    ...decisions.map((decision, i) => ({
      actor,
      action: "flag.raised",
      entityType: "flag",
      entityId: flagIds[i],
      sellerId: decision.sellerId,
      after: { evaluationId: evaluation.id, reasons: decision.reasons },
      at: now,
    })),
  ];
  await timedStep(evaluation.id, "audit", () => recordAuditEntries(tx, entries));
  return evaluation.id;
}

/** The flags and their reasons; an older untriaged flag of the same seller is superseded by the new one. */
async function storeFlags(
  tx: Transaction,
  evaluation: Evaluation,
  decisions: readonly FlagDecision[],
  now: Date,
): Promise<number[]> {
  if (decisions.length === 0) return [];
  const input = JSON.stringify(decisions);
  const inserted = await queryRows<{ id: number; seller_id: number }>(
    tx,
    sql`insert into flags (evaluation_id, seller_id, status, created_at)
        select ${evaluation.id}, j."sellerId", 'open', ${now.toISOString()}::timestamptz
        from json_to_recordset(${input}::json) as j("sellerId" bigint)
        returning id, seller_id`,
  );
  await tx.execute(sql`
    insert into flag_reasons (flag_id, seller_id, code, metric, "window", value, interval_low, interval_high, portal_value, rule, threshold, details)
    select f.id, f.seller_id, r.code::flag_code, r.metric, r."window"::quality_window, r.value, r."intervalLow", r."intervalHigh",
      r."portalValue", r.rule, r.threshold, r.details
    from json_to_recordset(${input}::json) as j("sellerId" bigint, reasons json)
    join flags f on f.evaluation_id = ${evaluation.id} and f.seller_id = j."sellerId"
    cross join lateral json_to_recordset(j.reasons) as r(code text, metric text, "window" text, value float8, "intervalLow" float8,
      "intervalHigh" float8, "portalValue" float8, rule text, threshold float8, details jsonb)`);
  // Untriaged flags of an earlier asOf give way to the new one; a back-filled evaluation (an asOf
  // before a seller's open flag) does not displace the newer evidence: its flag is superseded at once.
  await tx.execute(sql`
    update flags old set status = 'superseded', superseded_by = new.id
    from flags new, evaluations old_evaluation
    where new.evaluation_id = ${evaluation.id} and old.seller_id = new.seller_id and old.status = 'open' and old.id <> new.id
      and old_evaluation.id = old.evaluation_id and old_evaluation.as_of <= ${evaluation.asOf.toISOString()}::timestamptz`);
  await tx.execute(sql`
    update flags new set status = 'superseded', superseded_by = (
      select newer.id from flags newer join evaluations e on e.id = newer.evaluation_id
      where newer.seller_id = new.seller_id and newer.status = 'open' and e.as_of > ${evaluation.asOf.toISOString()}::timestamptz
      order by e.as_of desc limit 1)
    where new.evaluation_id = ${evaluation.id} and exists (
      select 1 from flags newer join evaluations e on e.id = newer.evaluation_id
      where newer.seller_id = new.seller_id and newer.status = 'open' and e.as_of > ${evaluation.asOf.toISOString()}::timestamptz)`);
  const idBySeller = new Map(inserted.map((row) => [Number(row.seller_id), Number(row.id)]));
  return decisions.map((decision) => idBySeller.get(decision.sellerId)!);
}
