import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { CaseStatus } from "@/db/enums";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { instant } from "@/lib/quality/sql-literals";
import { escapeLike } from "@/lib/search/escape-like";
import { daysSince, effectiveCaseStatus } from "./case-machine";
import { countMatches, queuePaging, toQueuePage, type QueuePage } from "./list-queue-page";

/** `active`: excluded or due; `due`: the re-check date has come (whether or not the job marked it). */
export const CASE_QUEUES = ["active", "due", "excluded", "reinstated", "all"] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];
export const CASE_HOLDERS = ["any", "me", "unassigned"] as const;
export type CaseHolder = (typeof CASE_HOLDERS)[number];
export const CASE_SORTS = ["recheck", "newest", "oldest"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export type CaseRow = {
  caseId: number;
  sellerId: number;
  sellerExternalId: string;
  sellerName: string;
  status: CaseStatus;
  excludedAt: Date;
  recheckAt: Date;
  reinstatedAt: Date | null;
  day: number;
  holder: string | null;
  isHeldByMe: boolean;
  lettersAwaitingAnswer: number;
  reviewsInScope: number;
};

type Row = {
  id: string | number;
  seller_id: string | number;
  external_id: string;
  name: string;
  status: CaseStatus;
  excluded_at: string | Date;
  recheck_at: string | Date;
  reinstated_at: string | Date | null;
  assigned_to: string | null;
  holder: string | null;
  letters_awaiting: number;
  reviews_in_scope: number;
};

const ORDER: Record<CaseSort, SQL> = {
  recheck: sql`c.recheck_at asc, c.id asc`,
  newest: sql`c.excluded_at desc, c.id desc`,
  oldest: sql`c.excluded_at asc, c.id asc`,
};

/** Cases, filtered by queue, holder and seller, sorted and paged in SQL. */
export async function listCases(params: {
  actor: UserActor;
  filters: { queue?: CaseQueue; holder?: CaseHolder; q?: string };
  sort?: CaseSort;
  page?: number;
  now: Date;
}): Promise<QueuePage<CaseRow>> {
  assertCan(params.actor, "cases:view-all");
  const { page, limit, offset } = queuePaging(params.page ?? 1);
  const now = instant(params.now);
  const queue: Record<CaseQueue, SQL | null> = {
    active: sql`c.status <> 'REINSTATED'`,
    due: sql`c.status <> 'REINSTATED' and c.recheck_at <= ${now}`,
    excluded: sql`c.status = 'EXCLUDED' and c.recheck_at > ${now}`,
    reinstated: sql`c.status = 'REINSTATED'`,
    all: null,
  };
  const conditions = [queue[params.filters.queue ?? "active"]].filter((condition): condition is SQL => condition !== null);
  if (params.filters.holder === "me") conditions.push(sql`c.assigned_to = ${params.actor.userId}`);
  if (params.filters.holder === "unassigned") conditions.push(sql`c.assigned_to is null`);
  const q = params.filters.q?.trim();
  if (q) conditions.push(sql`(s.name ilike ${`%${escapeLike(q)}%`} or s.external_id = ${q})`);

  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  // The page and the count as two queries, so the page stops at its limit instead of reading every match.
  const [rows, total] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select c.id, c.seller_id, s.external_id, s.name, c.status, c.excluded_at, c.recheck_at, c.reinstated_at, c.assigned_to,
                 u.email as holder,
                 (select count(*)::int from letters l
                   where l.case_id = c.id and l.status = 'submitted'
                     and not exists (select 1 from letter_replies lr where lr.letter_id = l.id)) as letters_awaiting,
                 (select count(*)::int from case_reviews cr where cr.case_id = c.id) as reviews_in_scope
          from cases c
          join sellers s on s.id = c.seller_id
          left join users u on u.id = c.assigned_to
          ${where}
          order by ${ORDER[params.sort ?? "recheck"]}
          limit ${limit} offset ${offset}`,
    ),
    countMatches(sql`select count(*)::int as n from cases c ${q ? sql`join sellers s on s.id = c.seller_id` : sql``} ${where}`),
  ]);
  return toQueuePage(
    rows.map((row) => {
      const recheckAt = new Date(row.recheck_at);
      const excludedAt = new Date(row.excluded_at);
      return {
        caseId: Number(row.id),
        sellerId: Number(row.seller_id),
        sellerExternalId: row.external_id,
        sellerName: row.name,
        status: effectiveCaseStatus({ status: row.status, recheckAt }, params.now),
        excludedAt,
        recheckAt,
        reinstatedAt: row.reinstated_at ? new Date(row.reinstated_at) : null,
        day: daysSince(excludedAt, params.now),
        holder: row.holder,
        isHeldByMe: row.assigned_to === params.actor.userId,
        lettersAwaitingAnswer: row.letters_awaiting,
        reviewsInScope: row.reviews_in_scope,
      };
    }),
    total,
    page,
  );
}
