import "server-only";
import { sql } from "drizzle-orm";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { getDatabaseHandle, openExtraConnection, postgresClientOf, queryRows, type Transaction } from "@/db";
import {
  correctionSteps,
  createPassTable,
  independentPasses,
  passStep,
  passSteps,
  scanSteps,
  type EvaluationFrame,
  type TablePass,
} from "./evaluation-sql";
import { runSqlSteps, timedStep } from "./run-sql-steps";

/** PGlite has no JIT setting; PostgreSQL built without LLVM has it but ignores it. */
async function supportsJit(tx: Transaction): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    tx,
    sql`select exists (select 1 from pg_settings where name = 'jit') as found`,
  );
  return rows[0]?.found === true;
}

/**
 * Settings for a transaction that runs evaluation passes: sorting and hashing a whole portal's
 * reviews wants more memory than a web request, and compiling these wide aggregates to machine
 * code (JIT) costs more than it saves.
 */
export async function prepareEvaluationTransaction(tx: Transaction): Promise<void> {
  await tx.execute(sql`set local work_mem = '256MB'`);
  if (await supportsJit(tx)) await tx.execute(sql`set local jit = off`);
}

/** The one snapshot an evaluation reads: its moment, and its id for a second connection (null: none). */
export type EvaluationSnapshot = { at: Date; id: string | null };

/** What pg_export_snapshot answers, e.g. 00000003-0000001B-1: checked before it is spliced into SET TRANSACTION SNAPSHOT. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+(-[0-9]+)?$/i;

/**
 * Takes the evaluation transaction's snapshot (REPEATABLE READ: its first query fixes it for the
 * whole transaction) and its moment: what was committed by then is what the evaluation counts.
 * Exported for the side connection on PostgreSQL; PGlite has one connection, nothing to share with.
 */
export async function takeEvaluationSnapshot(tx: Transaction, options: { exported: boolean }): Promise<EvaluationSnapshot> {
  const exported = options.exported && getDatabaseHandle().kind === "postgres";
  const [row] = await queryRows<{ at: Date | string; id: string | null }>(
    tx,
    exported
      ? sql`select statement_timestamp() as at, pg_export_snapshot() as id`
      : sql`select statement_timestamp() as at, null::text as id`,
  );
  if (!row) throw new Error("The evaluation's snapshot was not taken");
  return { at: row.at instanceof Date ? row.at : new Date(row.at), id: row.id };
}

/**
 * Every pass of an evaluation, into the evaluation transaction's temporary tables. The scans use
 * both cores of a small server; the corrections after them, and the independent passes (threads,
 * refunds), are one process's work each. So on PostgreSQL the independent passes run beside the
 * corrections on a second connection, in a repeatable-read transaction that imports the evaluation's snapshot
 * (`snapshotId`), and their tables are then copied into the evaluation's transaction. Without a
 * snapshot id (PGlite, which has one connection) everything runs in turn in the one transaction.
 */
export async function runEvaluationPasses(
  tx: Transaction,
  evaluationId: number,
  frame: EvaluationFrame,
  options: { snapshotId: string | null },
): Promise<void> {
  const { snapshotId } = options;
  const extra = snapshotId ? openExtraConnection() : null;
  if (!snapshotId || !extra) {
    await runSqlSteps(tx, evaluationId, passSteps(frame));
    return;
  }
  const passes = independentPasses(frame);
  try {
    await runSqlSteps(tx, evaluationId, scanSteps(frame));
    const corrections = runSqlSteps(tx, evaluationId, correctionSteps(frame));
    const side = extra.db.transaction(
      async (sideTx) => {
        // First, before any query: the evaluation's own snapshot, so both connections count the same data.
        if (!SNAPSHOT_ID.test(snapshotId)) throw new Error(`Not a snapshot id: ${snapshotId}`);
        await sideTx.execute(sql.raw(`set transaction snapshot '${snapshotId}'`));
        await prepareEvaluationTransaction(sideTx);
        // Analyzed only where a later pass here joins it (the calendar): the others are analyzed
        // once copied, where the metrics join them.
        await runSqlSteps(
          sideTx,
          evaluationId,
          passes.map((pass) => ({ ...passStep(pass), table: pass.joinedByLaterPass ? pass.table : undefined })),
        );
        // The evaluation's connection takes the copies once its corrections are done; should they
        // fail, this transaction ends with them.
        await corrections;
        await timedStep(evaluationId, "copyPasses", () => copyPassTables(sideTx, tx, passes));
      },
      { isolationLevel: "repeatable read" },
    );
    // Both settle before anything is thrown, so neither connection is still busy when the
    // evaluation's transaction rolls back.
    const [correctionsResult, sideResult] = await Promise.allSettled([corrections, side]);
    if (correctionsResult.status === "rejected") throw correctionsResult.reason;
    if (sideResult.status === "rejected") throw sideResult.reason;
  } finally {
    await extra.close();
  }
}

/**
 * Each pass's table, moved from one transaction's session into the other's with binary COPY (the
 * same columns on both sides: the receiving table is made from the same select, without data).
 */
async function copyPassTables(from: Transaction, to: Transaction, passes: readonly TablePass[]): Promise<void> {
  const source = postgresClientOf(from);
  const target = postgresClientOf(to);
  for (const pass of passes) {
    await to.execute(createPassTable(pass, false));
    const table = `"${pass.table}"`;
    // Read whole, then written in one piece: piped, every row would be a write of its own.
    const rows = await source.unsafe(`copy ${table} to stdout (format binary)`).readable();
    const chunks: Buffer[] = [];
    for await (const chunk of rows) chunks.push(chunk as Buffer);
    // postgres.js pauses its socket when a COPY's stream buffer is full and resumes it when the
    // stream is read again; when the last rows and the end arrive together, nothing reads again
    // and the connection's next query would wait forever (porsager/postgres#499, fix unreleased).
    // The stream's own read resumes the socket.
    (rows as Readable)._read(0);
    const sink = await target.unsafe(`copy ${table} from stdin (format binary)`).writable();
    sink.end(Buffer.concat(chunks));
    await finished(sink);
    await to.execute(sql.raw(`analyze ${table}`));
  }
}
