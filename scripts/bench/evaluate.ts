/**
 * `npm run bench:evaluate -- [--sellers 100000] [--seed 1] [--as-of 2026-11-23T00:00:00+02:00] [--keep] [--skip-checks]`
 *
 * Generates a portal inside PostgreSQL (per 100k sellers: ≈10M orders, 3M reviews, 5M messages in
 * 2M threads, 13 months before asOf), then measures the evaluation against the *floor*: one plain
 * `group by seller_id` pass over each table the evaluation reads. Both are measured warm: the floor
 * on its second pass, the evaluation after an uncounted warm-up run. Prints one JSON object.
 * Run through scripts/bench/with-postgres.sh, which provides a fresh, migrated DATABASE_URL. The
 * portal is generate-portal.ts's; the checks after loading verify what ingestion would maintain.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import pino from "pino";
import postgres from "postgres";
import { closeDatabase, db } from "@/db";
import { logger } from "@/lib/logger";
import { computePolicyFlags } from "@/lib/policy/preview-policy";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { getPolicyVersion } from "@/lib/quality/get-current-policy";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { checkInvariants, generatePortal } from "./generate-portal";
import { describePostgres, openBenchDatabase, PORTAL_OPTIONS, readPortalOptions, seconds, timed } from "./measure";
import { findPostmaster, withPostgresCpu } from "./process-cpu";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The evaluation's own `set local work_mem` (run-evaluation.ts): the floor runs with the same. */
const EVALUATION_WORK_MEM = "256MB";
/** A statement running longer than this is cancelled, so a plan gone quadratic ends the run instead of hanging it. */
const STATEMENT_TIMEOUT = "5min";
/** The tables the evaluation reads in full (status and rating changes only for rows changed after asOf). */
const FLOOR_TABLES = ["orders", "reviews", "complaints", "message_threads", "refunds"] as const;

type Options = { sellers: number; seed: number; asOf: Date; keep: boolean; skipChecks: boolean };
type Sql = postgres.Sql;

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      ...PORTAL_OPTIONS,
      keep: { type: "boolean", default: false },
      "skip-checks": { type: "boolean", default: false },
    },
    strict: true,
  });
  return { ...readPortalOptions(values), keep: values.keep, skipChecks: values["skip-checks"] };
}

// ---------------------------------------------------------------- measuring

/** One `group by seller_id` pass per table, run twice; the second (warm) time counts, and the server's CPU then. */
async function measureFloor(sql: Sql, tables: readonly string[], postmaster: number | null) {
  const byTable: Record<string, number> = {};
  let postgresCpuSeconds: number | null = 0;
  await sql.begin(async (tx) => {
    await tx.unsafe(`set local work_mem = '${EVALUATION_WORK_MEM}'`);
    for (const table of tables) {
      const pass = `select seller_id, count(*) from ${table} group by seller_id`;
      await tx.unsafe(pass);
      const { result, postgresCpuSeconds: cpu } = await withPostgresCpu(postmaster, () => timed(() => tx.unsafe(pass)));
      byTable[table] = seconds(result.ms);
      postgresCpuSeconds = postgresCpuSeconds === null || cpu === null ? null : postgresCpuSeconds + cpu;
    }
  });
  const total = seconds(Object.values(byTable).reduce((sum, value) => sum + value * 1000, 0));
  return {
    seconds: total,
    byTable,
    postgresCpuSeconds: postgresCpuSeconds === null ? null : Math.round(postgresCpuSeconds * 100) / 100,
  };
}

type StepTimings = Record<string, number>;

/** The evaluation's own "evaluation step" debug lines, collected (and passed on to stderr). */
function collectEvaluationSteps(): { take: () => StepTimings } {
  let current: StepTimings = {};
  logger.level = "debug";
  const stream = {
    write(line: string) {
      process.stderr.write(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; step?: string; ms?: number };
        if (entry.msg === "evaluation step" && entry.step && typeof entry.ms === "number") current[entry.step] = entry.ms;
      } catch {
        // not JSON: nothing to collect
      }
    },
  };
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = stream;
  return {
    take: () => {
      const taken = current;
      current = {};
      return taken;
    },
  };
}

/**
 * One evaluation, timed; then its fake-review signals (a separate step after the evaluation, as
 * the CLI and the weekly job run it), timed apart. A failure (a statement timeout) is reported,
 * not thrown, with the steps that finished.
 */
async function evaluateOnce(asOf: Date, steps: { take: () => StepTimings }, postmaster: number | null) {
  const actor = { kind: "system", label: "bench" } as const;
  const started = performance.now();
  try {
    const { result, postgresCpuSeconds } = await withPostgresCpu(postmaster, () =>
      runEvaluation({ actor, asOf, now: new Date() }),
    );
    const evaluationSeconds = seconds(performance.now() - started);
    const stepsMs = steps.take();
    const signalsStarted = performance.now();
    const signals = await computeReviewSignals({ actor, evaluationId: result.evaluationId, now: new Date() });
    const signalSeconds = seconds(performance.now() - signalsStarted);
    return {
      summary: result,
      seconds: evaluationSeconds,
      postgresCpuSeconds,
      stepsMs,
      signals: {
        seconds: signalSeconds,
        from: signals.from?.toISOString() ?? null,
        raised: signals.raised,
        stepsMs: steps.take(),
      },
      error: null,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      summary: null,
      seconds: seconds(performance.now() - started),
      postgresCpuSeconds: null,
      stepsMs: steps.take(),
      signals: null,
      error: message,
    };
  }
}

async function describeFlags(sql: Sql, evaluationId: number) {
  const rows = await sql<{ kind: string; code: string; sellers: string }[]>`
    select coalesce(p.kind, 'unplanned') as kind, r.code, count(distinct f.seller_id) as sellers
    from flags f join flag_reasons r on r.flag_id = f.id left join bench.seller_plan p on p.seller_id = f.seller_id
    where f.evaluation_id = ${evaluationId}
    group by 1, 2 order by 1, 2`;
  const planted = await sql<{ kind: string; sellers: string; flagged: string }[]>`
    select p.kind, count(*) as sellers, count(f.id) as flagged
    from bench.seller_plan p left join flags f on f.seller_id = p.seller_id and f.evaluation_id = ${evaluationId}
    group by p.kind order by p.kind`;
  const [eligible] = await sql<{ eligible: string }[]>`
    select count(*) filter (where eligible) as eligible from evaluation_sellers where evaluation_id = ${evaluationId}`;
  return {
    eligibleSellers: Number(eligible?.eligible ?? 0),
    byKindAndCode: rows.map((row) => ({ plantedAs: row.kind, code: row.code, sellers: Number(row.sellers) })),
    flaggedOfPlanted: Object.fromEntries(planted.map((row) => [row.kind, `${row.flagged}/${row.sellers}`])),
  };
}

/** False discoveries under control: the FDR q the planted kinds are also flagged with. */
const FDR_Q = 0.05;

/**
 * Per planted kind, flagged / total under the evaluation's policy with FDR control at q: the
 * preview's computation (lib/policy/preview-policy.ts) on the evaluation's data, writing nothing.
 */
async function describeFlagsWithFdr(sql: Sql, evaluationId: number, q: number) {
  const [evaluation] = await sql<{ as_of: Date; time_zone: string; policy_version: number }[]>`
    select as_of, time_zone, policy_version from evaluations where id = ${evaluationId}`;
  const policy = await getPolicyVersion(db, evaluation!.policy_version);
  const started = performance.now();
  const decisions = await computePolicyFlags({
    policy: { version: policy.version, params: { ...policy.params, fdr: { q } } },
    asOf: evaluation!.as_of,
    timeZone: evaluation!.time_zone,
    logId: evaluationId,
  });
  const computeSeconds = seconds(performance.now() - started);
  const flagged = decisions.map((decision) => decision.sellerId);
  const planted = await sql<{ kind: string; sellers: string; flagged: string }[]>`
    select p.kind, count(*) as sellers, count(*) filter (where p.seller_id = any(${flagged}::bigint[])) as flagged
    from bench.seller_plan p group by p.kind order by p.kind`;
  return {
    q,
    seconds: computeSeconds,
    flagged: flagged.length,
    flaggedOfPlanted: Object.fromEntries(planted.map((row) => [row.kind, `${row.flagged}/${row.sellers}`])),
  };
}

/** The server and its settings; the evaluation's own work_mem beside them. */
async function describeEvaluationPostgres(sql: Sql) {
  const described = await describePostgres(sql, [
    "shared_buffers",
    "work_mem",
    "maintenance_work_mem",
    "effective_cache_size",
    "max_parallel_workers_per_gather",
    "max_parallel_workers",
    "max_worker_processes",
    "wal_level",
    "fsync",
    "synchronous_commit",
    "full_page_writes",
    "max_wal_size",
    "checkpoint_timeout",
    "random_page_cost",
    "jit",
  ]);
  return { ...described, evaluationWorkMem: `${EVALUATION_WORK_MEM} (set local by runEvaluation; the floor uses the same)` };
}

async function main() {
  const options = parseOptions();
  const { sql } = openBenchDatabase("bench:evaluate");
  try {
    process.stderr.write(
      `==> generating ${options.sellers} sellers (seed ${options.seed}, asOf ${options.asOf.toISOString()})\n`,
    );
    const load = await timed(() => generatePortal(sql, options));
    const checks = options.skipChecks ? null : await timed(() => checkInvariants(sql));
    if (checks) process.stderr.write(`==> invariants ${JSON.stringify(checks.result)} (${seconds(checks.ms)} s)\n`);

    const postmaster = await findPostmaster(sql);
    await sql.unsafe(
      `alter database "${(await sql<{ name: string }[]>`select current_database() as name`)[0]!.name}" set statement_timeout = '${STATEMENT_TIMEOUT}'`,
    );
    // The load leaves gigabytes of dirty buffers; written out now, not by the checkpointer during
    // the passes being timed.
    await sql.unsafe("checkpoint");
    const steps = collectEvaluationSteps();
    // The floor counts its second pass over each table; likewise the evaluation is run once first,
    // not counted (asOf an hour earlier: the same work, no signals), so that the indexes it reads
    // are in memory as the tables are for the floor — as on a portal's server, where they serve
    // every day's queries.
    process.stderr.write("==> warm-up evaluation (not counted)\n");
    const warmUpAsOf = new Date(options.asOf.getTime() - HOUR_MS);
    const warmUp = await timed(() =>
      runEvaluation({ actor: { kind: "system", label: "bench warm-up" }, asOf: warmUpAsOf, now: new Date() }),
    );
    steps.take();
    process.stderr.write("==> floor: group by seller_id over each table, twice\n");
    const loadBefore = os.loadavg();
    const floor = await measureFloor(sql, FLOOR_TABLES, postmaster);
    const notRead = await measureFloor(sql, ["messages"], postmaster);

    process.stderr.write("==> evaluation\n");
    const first = await evaluateOnce(options.asOf, steps, postmaster);
    // What autovacuum would have done in the week between two runs: statistics that know the first evaluation.
    await sql.unsafe(
      "analyze evaluations, seller_metrics, evaluation_sellers, portal_metrics, flags, flag_reasons, review_signals",
    );
    const secondAsOf = new Date(options.asOf.getTime() - 7 * DAY_MS);
    process.stderr.write("==> second evaluation\n");
    const second = await evaluateOnce(secondAsOf, steps, postmaster);

    process.stderr.write(`==> the first evaluation's data under the same policy with FDR control at q = ${FDR_Q}\n`);
    const withFdr = first.summary ? await describeFlagsWithFdr(sql, first.summary.evaluationId, FDR_Q) : null;

    const loadAfter = os.loadavg();
    const signals = await sql<
      { kind: string; reviews: string }[]
    >`select kind, count(*) as reviews from review_signals group by kind order by kind`;
    const ratio = (value: number | null, of: number | null) =>
      value === null || of === null ? null : Math.round((value / of) * 100) / 100;
    const report = {
      sellers: options.sellers,
      seed: options.seed,
      asOf: options.asOf.toISOString(),
      rows: load.result.rows,
      loadSeconds: seconds(load.ms),
      loadStepsSeconds: load.result.steps,
      invariantViolations: checks ? checks.result : "skipped (--skip-checks)",
      caching:
        "warm: a warm-up evaluation (not counted) and the floor passes (each table read twice) run right before the evaluations, on a server with shared_buffers below; " +
        "both evaluation runs and the counted floor passes find the tables and indexes they read in shared_buffers / the OS page cache",
      warmUpEvaluation: {
        asOf: warmUpAsOf.toISOString(),
        seconds: seconds(warmUp.ms),
        note: "the same week's evaluation an hour earlier, right after loading: not counted",
      },
      evaluationSeconds: first.error ? null : first.seconds,
      evaluationError: first.error ?? undefined,
      evaluationPostgresCpuSeconds: first.postgresCpuSeconds,
      evaluationStepsMs: first.stepsMs,
      reviewSignals: first.signals,
      reviewSignalsNote:
        "fake-review signals, computed after the evaluation commits (not part of it, nor of its seconds): the first run has no earlier one, so it looks at the whole recent window (90 days) of reviews; a weekly run looks at about two weeks",
      evaluationSecondsSecondRun: second.error ? null : second.seconds,
      evaluationErrorSecondRun: second.error ? `${second.error} (after ${second.seconds} s)` : undefined,
      evaluationPostgresCpuSecondsSecondRun: second.postgresCpuSeconds,
      secondRun:
        `asOf ${secondAsOf.toISOString()}: a week earlier, so orders and reviews changed after it take the history path; ` +
        "run after ANALYZE of the evaluation tables (as autovacuum would have in a week); also warm",
      evaluationStepsMsSecondRun: second.stepsMs,
      reviewSignalsSecondRun: second.signals,
      floorSeconds: floor.seconds,
      floorByTable: floor.byTable,
      floorPostgresCpuSeconds: floor.postgresCpuSeconds,
      notReadByEvaluation: {
        messages: notRead.byTable.messages,
        note: "the same pass over messages, which the evaluation does not read (threads carry what it needs)",
      },
      ratio: ratio(first.error ? null : first.seconds, floor.seconds),
      ratioSecondRun: ratio(second.error ? null : second.seconds, floor.seconds),
      cpuRatio: ratio(first.postgresCpuSeconds, floor.postgresCpuSeconds),
      cpuRatioNote:
        "PostgreSQL CPU seconds of the evaluation / of the floor passes: unlike wall-clock, not inflated by other load on the machine",
      targets: {
        evaluationSeconds: 30,
        ratio: 3,
        met: !first.error && first.seconds <= 30 && (ratio(first.seconds, floor.seconds) ?? Infinity) <= 3,
      },
      sellersEvaluated: first.summary?.sellersEvaluated ?? null,
      flagged: first.summary?.flagged.length ?? null,
      flags: first.summary ? await describeFlags(sql, first.summary.evaluationId) : null,
      flaggedWithFdr: withFdr,
      flaggedSecondRun: second.summary?.flagged.length ?? null,
      signals: Object.fromEntries(signals.map((row) => [row.kind, Number(row.reviews)])),
      postgres: await describeEvaluationPostgres(sql),
      machine: {
        cpus: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        // Anything else running on the machine (tests, builds) competes for the same 2 cores.
        loadAverage1mBeforeFloor: Math.round(loadBefore[0]! * 100) / 100,
        loadAverage1mAfterEvaluations: Math.round(loadAfter[0]! * 100) / 100,
      },
    };
    console.log(JSON.stringify(report, null, 2));
    // Per planted kind, flagged / total: the policy in force, then the same with FDR control.
    const activeFlags = report.flags?.flaggedOfPlanted ?? {};
    for (const kind of Object.keys(activeFlags))
      process.stderr.write(
        `==> ${kind}: ${activeFlags[kind]} flagged (policy in force), ${withFdr?.flaggedOfPlanted[kind] ?? "—"} (FDR q = ${FDR_Q})\n`,
      );
  } finally {
    await sql.end({ timeout: 5 });
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
