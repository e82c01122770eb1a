/**
 * `DATABASE_URL=… npm run bench:explain -- [--as-of ISO] [--step name …] [--jit] [--print]`
 *
 * EXPLAIN (ANALYZE, BUFFERS) of each statement of an evaluation (or only the named steps), in one
 * transaction that is rolled back, one after another (the side connection's passes too): for finding where a slow evaluation spends its time, on a
 * database kept by `npm run bench:evaluate -- --keep`. Prints each step's plan to stdout (a step
 * not named is run, not explained, and its time printed); --print adds each step's SQL, --jit runs
 * with PostgreSQL's JIT on. The fake-review signal steps follow the evaluation's.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as evaluationSql from "@/lib/quality/evaluation-sql";
import { DEFAULT_POLICY } from "@/lib/quality/policy";
import { reviewSignalSteps } from "@/lib/quality/review-signals-sql";
import { withStepSettings } from "@/lib/quality/run-sql-steps";
import { evaluationWindows } from "@/lib/quality/windows";

async function main() {
  const { values } = parseArgs({
    options: {
      "as-of": { type: "string", default: "2026-11-23T00:00:00+02:00" },
      step: { type: "string", multiple: true },
      jit: { type: "boolean", default: false },
      print: { type: "boolean", default: false },
    },
    strict: true,
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const asOf = new Date(values["as-of"]);
  const timeZone = process.env.PORTAL_TIME_ZONE ?? "Europe/Kyiv";
  const frame: evaluationSql.EvaluationFrame = {
    asOf,
    windows: evaluationWindows(asOf, DEFAULT_POLICY.windows),
    timeZone,
    params: DEFAULT_POLICY,
  };
  // One connection, so the explicit transaction below holds every statement.
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: "UTC" } });
  const db = drizzle(client);
  const rows = async (statement: ReturnType<typeof sql>) => (await db.execute(statement)) as unknown as Record<string, unknown>[];
  try {
    await db.execute(sql`begin`);
    await db.execute(sql`set local work_mem = '256MB'`);
    await db.execute(sql.raw(`set local jit = ${values.jit ? "on" : "off"}`));
    const [evaluation] = await rows(sql`
      insert into evaluations (as_of, policy_version, status, started_at, time_zone, requested_by)
      values (now(), 1, 'running', now(), 'UTC', 'explain') returning id`);
    const signalsFrom = new Date(asOf.getTime() - DEFAULT_POLICY.windows.recentDays * 86_400_000);
    const signalFrame = { from: signalsFrom, asOf, now: new Date(), timeZone, params: DEFAULT_POLICY.fakeReviews };
    const steps = [...evaluationSql.evaluationSteps(frame, Number(evaluation!.id)), ...reviewSignalSteps(signalFrame)];
    for (const step of steps) {
      const wanted = !values.step || values.step.includes(step.name);
      if (wanted && values.print) {
        const query = new PgDialect().sqlToQuery(step.statement);
        process.stdout.write(`\n-- ${step.name} ${JSON.stringify(query.params)}\n${query.sql};\n`);
      }
      const started = performance.now();
      const plan = await withStepSettings(db, step, () =>
        rows(wanted ? sql`explain (analyze, buffers, verbose) ${step.statement}` : step.statement),
      );
      const ms = Math.round(performance.now() - started);
      if (step.table) await db.execute(sql.raw(`analyze ${step.table}`));
      if (!wanted) {
        process.stdout.write(`----- ${step.name} (${ms} ms, not explained)\n`);
        continue;
      }
      process.stdout.write(`\n===== ${step.name} (${ms} ms)\n${plan.map((row) => Object.values(row)[0]).join("\n")}\n`);
    }
  } finally {
    await db.execute(sql`rollback`).catch(() => {});
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
