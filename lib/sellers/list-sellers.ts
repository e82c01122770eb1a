import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { CaseStatus } from "@/db/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/search/escape-like";
import { offsetPage, offsetPaging } from "@/lib/search/offset-paging";
import { effectiveCaseStatus } from "@/lib/cases/case-machine";

export const SELLERS_PAGE_SIZE = 50;

export type SellerListRow = {
  id: number;
  externalId: string;
  name: string;
  /** From the latest evaluation; null when the seller was not in it (or there is none yet). */
  eligible: boolean | null;
  flagged: boolean | null;
  hasOpenFlag: boolean;
  activeCase: { id: number; status: CaseStatus; recheckAt: Date } | null;
};

type Row = {
  id: string | number;
  external_id: string;
  name: string;
  eligible: boolean | null;
  flagged: boolean | null;
  has_open_flag: boolean;
  case_id: string | number | null;
  case_status: CaseStatus | null;
  recheck_at: string | Date | null;
  total: number;
};

/**
 * One page of sellers by name, searchable by part of the name or the marketplace id, each with its
 * standing in the latest evaluation, whether a flag waits for triage and its active case.
 */
export async function listSellers(params: { actor: Actor; page: number; search?: string; now: Date }) {
  assertCan(params.actor, "sellers:view-all");
  const paging = offsetPaging(params.page, SELLERS_PAGE_SIZE);
  const search = params.search?.trim();
  const pattern = search ? `%${escapeLike(search)}%` : undefined;
  const where = pattern ? sql`where s.name ilike ${pattern} or s.external_id ilike ${pattern}` : sql``;

  const rows = await queryRows<Row>(
    db,
    sql`
      with latest as (
        select id from evaluations where status = 'completed' order by as_of desc, id desc limit 1
      ),
      matching as (
        select s.id, s.external_id, s.name, count(*) over ()::int as total
        from sellers s ${where}
        order by s.name, s.id
        limit ${paging.limit} offset ${paging.offset}
      )
      select m.id, m.external_id, m.name, m.total, es.eligible, es.flagged,
        exists (select 1 from flags f where f.seller_id = m.id and f.status = 'open') as has_open_flag,
        c.id as case_id, c.status as case_status, c.recheck_at
      from matching m
      left join latest l on true
      left join evaluation_sellers es on es.evaluation_id = l.id and es.seller_id = m.id
      left join cases c on c.seller_id = m.id and c.status <> 'REINSTATED'
      order by m.name, m.id`,
  );
  // A page past the end has no rows to carry the total: count apart then.
  const total = rows[0] ? Number(rows[0].total) : paging.page > 1 ? await countSellers(where) : 0;
  return offsetPage(
    rows.map((row): SellerListRow => ({
      id: Number(row.id),
      externalId: row.external_id,
      name: row.name,
      eligible: row.eligible,
      flagged: row.flagged,
      hasOpenFlag: row.has_open_flag,
      activeCase:
        row.case_id === null || row.case_status === null || row.recheck_at === null
          ? null
          : {
              id: Number(row.case_id),
              // Due once its re-check date has come, as on the case list, whether or not the job has marked it yet.
              status: effectiveCaseStatus({ status: row.case_status, recheckAt: new Date(row.recheck_at) }, params.now),
              recheckAt: new Date(row.recheck_at),
            },
    })),
    total,
    paging,
  );
}

async function countSellers(where: SQL): Promise<number> {
  const [row] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from sellers s ${where}`);
  return Number(row?.total ?? 0);
}
