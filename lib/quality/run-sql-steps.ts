import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Transaction } from "@/db";
import { logger } from "@/lib/logger";
import type { SqlStep } from "./evaluation-sql";

/**
 * Runs `work` and logs how long it took as an "evaluation step" (debug level): the lines the
 * benchmark collects to say where an evaluation's time went.
 */
export async function timedStep<T>(evaluationId: number, step: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  logger.debug({ evaluationId, step, ms: Math.round(performance.now() - started) }, "evaluation step");
  return result;
}

/** Runs `work` under the step's planner settings (`set local`), then sets them back. */
export async function withStepSettings<T>(
  tx: { execute(query: SQL): Promise<unknown> },
  step: SqlStep,
  work: () => Promise<T>,
): Promise<T> {
  const settings = Object.entries(step.settings ?? {});
  for (const [name, value] of settings) await tx.execute(sql.raw(`set local ${name} = '${value}'`));
  const result = await work();
  for (const [name] of settings) await tx.execute(sql.raw(`set local ${name} to default`));
  return result;
}

/** Runs the steps in order, each timed; answers each step's rows. */
export async function runSqlSteps(
  tx: Transaction,
  evaluationId: number,
  steps: readonly SqlStep[],
): Promise<Record<string, unknown>[][]> {
  const results: Record<string, unknown>[][] = [];
  for (const step of steps) {
    const rows = await timedStep(evaluationId, step.name, async () => {
      const stepRows = await withStepSettings(tx, step, () => queryRows(tx, step.statement));
      // Temporary tables get no statistics by themselves; the joins after them are planned on these.
      if (step.table) await tx.execute(sql.raw(`analyze ${step.table}`));
      return stepRows;
    });
    results.push(rows);
  }
  return results;
}
