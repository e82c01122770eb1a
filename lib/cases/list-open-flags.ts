import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { FlagCode } from "@/db/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { FlagReasonInput } from "@/lib/quality/decide-flags";
import { escapeLike } from "@/lib/search/escape-like";
import { FLAG_REASON_JSON } from "./flag-reasons-sql";
import { countMatches, queuePaging, toQueuePage, type QueuePage } from "./list-queue-page";

export const FLAG_SORTS = ["oldest", "newest", "severity"] as const;
export type FlagSort = (typeof FLAG_SORTS)[number];

/**
 * A flag's reason as the queues and the case evidence show it: what the evaluation stored. The
 * details (lib/sellers/flag-reason-details.ts) are missing from evidence frozen before they were kept.
 */
export type FlagReasonView = Omit<FlagReasonInput, "details" | "metric"> & { metric: string; details?: unknown };

export type OpenFlagRow = {
  flagId: number;
  sellerId: number;
  sellerExternalId: string;
  sellerName: string;
  createdAt: Date;
  evaluationAsOf: Date;
  reasons: FlagReasonView[];
  /** How far the worst reason is past its threshold: the severity sort. */
  severity: number;
  earlierCases: number;
};

type Row = {
  id: string | number;
  seller_id: string | number;
  external_id: string;
  name: string;
  created_at: string | Date;
  as_of: string | Date;
  reasons: FlagReasonView[];
  severity: number | null;
  earlier_cases: number;
};

const ORDER: Record<FlagSort, SQL> = {
  oldest: sql`f.created_at asc, f.id asc`,
  newest: sql`f.created_at desc, f.id desc`,
  severity: sql`severity desc nulls last, f.id asc`,
};

/** Flags waiting for triage, with their reasons in numbers; filtered, sorted and paged in SQL. */
export async function listOpenFlags(params: {
  actor: Actor;
  filters: { code?: FlagCode; q?: string };
  sort?: FlagSort;
  page?: number;
}): Promise<QueuePage<OpenFlagRow>> {
  assertCan(params.actor, "flags:triage");
  const { page, limit, offset } = queuePaging(params.page ?? 1);
  const conditions: SQL[] = [sql`f.status = 'open'`];
  if (params.filters.code)
    conditions.push(sql`exists (select 1 from flag_reasons c where c.flag_id = f.id and c.code = ${params.filters.code})`);
  const q = params.filters.q?.trim();
  if (q) conditions.push(sql`(s.name ilike ${`%${escapeLike(q)}%`} or s.external_id = ${q})`);

  const where = sql.join(conditions, sql` and `);
  const [rows, total] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select f.id, f.seller_id, s.external_id, s.name, f.created_at, e.as_of, r.reasons, r.severity,
                 (select count(*)::int from cases c where c.seller_id = f.seller_id) as earlier_cases
          from flags f
          join sellers s on s.id = f.seller_id
          join evaluations e on e.id = f.evaluation_id
          cross join lateral (
            select json_agg(${FLAG_REASON_JSON} order by fr.id) as reasons,
                   max(coalesce(fr.interval_low, fr.value) - fr.threshold) as severity
            from flag_reasons fr where fr.flag_id = f.id
          ) r
          where ${where}
          order by ${ORDER[params.sort ?? "oldest"]}
          limit ${limit} offset ${offset}`,
    ),
    countMatches(
      sql`select count(*)::int as n from flags f ${q ? sql`join sellers s on s.id = f.seller_id` : sql``} where ${where}`,
    ),
  ]);
  return toQueuePage(
    rows.map((row) => ({
      flagId: Number(row.id),
      sellerId: Number(row.seller_id),
      sellerExternalId: row.external_id,
      sellerName: row.name,
      createdAt: new Date(row.created_at),
      evaluationAsOf: new Date(row.as_of),
      reasons: row.reasons ?? [],
      severity: Number(row.severity ?? 0),
      earlierCases: row.earlier_cases,
    })),
    total,
    page,
  );
}
