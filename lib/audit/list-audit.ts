import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import {
  AUDIT_BY_OCCURRED_AT,
  AUDIT_WALK_LIMIT,
  auditOrderBy,
  auditPageQueries,
  isTimeRangeOnly,
  resolveAuditFilters,
  type AuditFilterField,
  type AuditFilterError,
  type AuditFilterInput,
} from "@/lib/audit/audit-filters";
import { keysetPage, keysetQuery, type KeysetPage, type ListCursor } from "@/lib/search/keyset";

export const AUDIT_PAGE_SIZE = 50;

export type AuditCursor = ListCursor;

export type AuditListEntry = {
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string;
  actorLabel: string;
  /** The acting user's name and e-mail now (null for the system, an API key or a removed user). */
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  sellerId: number | null;
  sellerName: string | null;
  /** The case the entry belongs to (the case itself or an entry carrying its caseId). */
  caseId: number | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

export type AuditListResult =
  | { status: "ok"; page: KeysetPage<AuditListEntry> }
  | { status: "invalid"; errors: Partial<Record<AuditFilterField, AuditFilterError>> };

type Row = {
  /** Null only in the walk's row of nulls (auditPageQueries), dropped before the page is made. */
  seq: string | number | null;
  occurred_at: Date | string;
  actor_user_id: string | null;
  actor_role: string;
  actor_label: string;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  seller_id: string | number | null;
  seller_name: string | null;
  case_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

function toEntry(row: Row): AuditListEntry {
  const caseId = row.case_id === null ? null : Number(row.case_id);
  return {
    seq: Number(row.seq),
    occurredAt: new Date(row.occurred_at),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    actorLabel: row.actor_label,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    sellerId: row.seller_id === null ? null : Number(row.seller_id),
    sellerName: row.seller_name,
    caseId: caseId !== null && Number.isSafeInteger(caseId) && caseId > 0 ? caseId : null,
    before: row.before,
    after: row.after,
    reason: row.reason,
  };
}

/**
 * One page of the audit trail under the filters, newest first, paged by `seq` (keyset): the trail
 * only grows, and a page deep in it costs the same as the first. Each filter has an index on
 * (its column, seq), so a page under one filter reads that index backwards and stops after a
 * page's worth; with only a time range the page is newest first by (occurred_at, seq) instead;
 * under several filters, the two ways of auditPageQueries. No total count: counting a long trail
 * on every view costs more than it tells. The acting user and the
 * seller are joined to the page's rows only. Bad filters come back named, in `errors`.
 */
export async function listAudit(params: {
  actor: Actor;
  cursor: AuditCursor;
  filters: AuditFilterInput;
  timeZone: string;
}): Promise<AuditListResult> {
  assertCan(params.actor, "audit:read");
  const resolved = await resolveAuditFilters(params.filters, params.timeZone);
  if (resolved.status === "invalid") return resolved;

  const { before, after } = params.cursor;
  const isGoingNewer = after !== undefined;
  const edge = isTimeRangeOnly(resolved.filters)
    ? keysetQuery(AUDIT_BY_OCCURRED_AT, params.cursor).condition
    : isGoingNewer
      ? sql`and a.seq > ${after}`
      : before !== undefined
        ? sql`and a.seq < ${before}`
        : sql``;
  const select = (entries: SQL) =>
    queryRows<Row & { walked?: number }>(
      db,
      sql`select a.seq, a.occurred_at, a.actor_user_id, a.actor_role, a.actor_label, u.name as actor_name, u.email as actor_email,
                 a.action, a.entity_type, a.entity_id, a.seller_id, s.name as seller_name,
                 coalesce(a.after ->> 'caseId', a.before ->> 'caseId', case when a.entity_type = 'case' then a.entity_id end) as case_id,
                 a.before, a.after, a.reason, a.walked
          from (${entries}) a
          left join users u on u.id = a.actor_user_id
          left join sellers s on s.id = a.seller_id
          order by ${auditOrderBy(resolved.filters, isGoingNewer)}`,
    );
  // One row more than a page, to know whether there is another page that way.
  const limit = AUDIT_PAGE_SIZE + 1;
  const queries = auditPageQueries(resolved.filters, edge, isGoingNewer, limit);
  let rows: Row[];
  if ("single" in queries) {
    rows = await select(queries.single);
  } else {
    const walked = await select(queries.walk);
    const matches = walked.filter((row) => row.seq !== null);
    const isExact = matches.length === limit || Number(walked[0]?.walked ?? AUDIT_WALK_LIMIT) < AUDIT_WALK_LIMIT;
    rows = isExact ? matches : await select(queries.everything);
  }
  return { status: "ok", page: keysetPage(rows.map(toEntry), AUDIT_PAGE_SIZE, params.cursor, (entry) => entry.seq) };
}
