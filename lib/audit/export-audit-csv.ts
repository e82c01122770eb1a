import "server-only";
import { Readable } from "node:stream";
import { stringify } from "csv-stringify";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { db, getDatabaseHandle, postgresClientOf, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { keysetQuery } from "@/lib/search/keyset";
import { assertCan } from "@/lib/auth/permissions";
import {
  AUDIT_BY_OCCURRED_AT,
  auditEntriesInOrder,
  isTimeRangeOnly,
  resolveAuditFilters,
  type AuditFilterError,
  type AuditFilterField,
  type AuditFilterInput,
  type ResolvedAuditFilters,
} from "@/lib/audit/audit-filters";

/** The export's columns, in order; the header row names them. */
export const AUDIT_CSV_COLUMNS = [
  "seq",
  "occurred_at",
  "actor_role",
  "actor_label",
  "actor_email",
  "action",
  "entity_type",
  "entity_id",
  "seller_id",
  "seller_marketplace_id",
  "case_id",
  "reason",
  "before",
  "after",
] as const;
type CsvRow = Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number | null>;

/** Rows read from the database at a time: a few hundred kilobytes, whatever the trail's length. */
const BATCH_SIZE = 1000;

export type AuditExport =
  | { status: "ok"; stream: ReadableStream<Uint8Array> }
  | { status: "invalid"; errors: Partial<Record<AuditFilterField, AuditFilterError>> };

/**
 * The export's rows in the page's order. The acting user and the seller are read per row
 * (scalar subqueries on their primary keys) rather than joined, so nothing can reorder the stream.
 */
function exportQuery(filters: ResolvedAuditFilters, edge: SQL, limit: SQL): SQL {
  return sql`select a.seq, to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
                    a.actor_role, a.actor_label, (select u.email from users u where u.id = a.actor_user_id) as actor_email,
                    a.action, a.entity_type, a.entity_id, a.seller_id,
                    (select s.external_id from sellers s where s.id = a.seller_id) as seller_marketplace_id,
                    coalesce(a.after ->> 'caseId', a.before ->> 'caseId', case when a.entity_type = 'case' then a.entity_id end) as case_id,
                    a.reason, a.before::text as before, a.after::text as after
             from (${auditEntriesInOrder(filters, edge)} ${limit}) a`;
}

/**
 * Every entry under the filters, newest first, handed to `onBatch` a batch at a time. On
 * PostgreSQL one read-only REPEATABLE READ transaction reads them through a server-side cursor
 * (postgres.js `.cursor()`), so the export is one consistent snapshot and never more than a batch
 * in memory; PGlite (one in-process connection, no cursors) pages by seq instead.
 */
async function forEachBatch(filters: ResolvedAuditFilters, onBatch: (rows: CsvRow[]) => Promise<void>): Promise<void> {
  if (getDatabaseHandle().kind === "postgres") {
    const query = new PgDialect().sqlToQuery(exportQuery(filters, sql``, sql``));
    await db.transaction(
      async (tx) => {
        const client = postgresClientOf(tx);
        for await (const rows of client.unsafe<CsvRow[]>(query.sql, query.params as never[]).cursor(BATCH_SIZE)) {
          await onBatch(rows);
        }
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    return;
  }
  let before: number | undefined;
  for (;;) {
    const edge: SQL = isTimeRangeOnly(filters)
      ? keysetQuery(AUDIT_BY_OCCURRED_AT, { before }).condition
      : before === undefined
        ? sql``
        : sql`and a.seq < ${before}`;
    const rows: CsvRow[] = await queryRows<CsvRow>(db, exportQuery(filters, edge, sql`limit ${BATCH_SIZE}`));
    if (rows.length > 0) await onBatch(rows);
    if (rows.length < BATCH_SIZE) return;
    before = Number(rows[rows.length - 1]!.seq);
  }
}

/**
 * The audit trail under the filters as CSV (a header row, then one row per entry, newest first as
 * on the page),
 * streamed: rows go from the database cursor through csv-stringify to the response as the reader
 * takes them, waiting whenever the reader is slower. Cells that a spreadsheet would run as a
 * formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe. Admins only.
 */
export async function exportAuditCsv(params: {
  actor: Actor;
  filters: AuditFilterInput;
  timeZone: string;
}): Promise<AuditExport> {
  assertCan(params.actor, "audit:read");
  const resolved = await resolveAuditFilters(params.filters, params.timeZone);
  if (resolved.status === "invalid") return resolved;

  const csv = stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS], escape_formulas: true, record_delimiter: "\r\n" });
  let isClosed = false;
  csv.on("close", () => {
    isClosed = true;
  });
  const waitForReader = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        csv.off("drain", done);
        csv.off("close", done);
        resolve();
      };
      csv.on("drain", done);
      csv.on("close", done);
    });

  void forEachBatch(resolved.filters, async (rows) => {
    for (const row of rows) {
      if (isClosed) throw new Error("the reader went away");
      if (!csv.write(row)) await waitForReader();
    }
  }).then(
    () => csv.end(),
    (error: unknown) => {
      // A reader that left ends the read; anything else ends the download broken, not silently short.
      if (!isClosed) csv.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return { status: "ok", stream: Readable.toWeb(csv) as ReadableStream<Uint8Array> };
}
