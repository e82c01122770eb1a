import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { actionsOfFamily, familyOfFilter, isAuditAction } from "@/lib/audit/audit-actions";
import { startOfLocalDay } from "@/lib/quality/business-hours";
import type { KeysetKey } from "@/lib/search/keyset";

/** The audit viewer's filters as typed into its form (and carried by the export link): text, unchecked. */
export type AuditFilterInput = {
  /** An e-mail address or a name: one user. */
  actor?: string;
  role?: string;
  /** One action of AUDIT_ACTIONS, or a whole family of them (`case.*`). */
  action?: string;
  /** The seller's marketplace id or name. */
  seller?: string;
  caseId?: string;
  /** Local dates (YYYY-MM-DD) in the portal's time zone, both days included. */
  from?: string;
  to?: string;
};
export const AUDIT_FILTER_FIELDS = ["actor", "role", "action", "seller", "caseId", "from", "to"] as const;
export type AuditFilterField = (typeof AUDIT_FILTER_FIELDS)[number];

/** Who can act: the user roles, an API key and the system (scripts, scheduled jobs). */
export const AUDIT_ACTOR_ROLES = ["admin", "moderator", "seller", "api-key", "system"] as const;

/** Why a filter was refused, each a key of the catalogs' `audit.filterErrors`. */
export type AuditFilterError =
  | "actorUnknown"
  | "actorAmbiguous"
  | "roleUnknown"
  | "actionUnknown"
  | "sellerUnknown"
  | "sellerAmbiguous"
  | "caseInvalid"
  | "caseUnknown"
  | "dateInvalid"
  | "fromAfterTo";

/** The filters checked and looked up: ids and instants the query compares with its indexes. */
export type ResolvedAuditFilters = {
  actorUserId?: string;
  role?: string;
  /** The actions asked for: one, or a family's. */
  actions?: string[];
  sellerId?: number;
  caseId?: number;
  /** occurred_at ≥ from */
  from?: Date;
  /** occurred_at < until (the day after `to` begins) */
  until?: Date;
};

export type AuditFilterResolution =
  | { status: "ok"; filters: ResolvedAuditFilters }
  | { status: "invalid"; errors: Partial<Record<AuditFilterField, AuditFilterError>> };

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CASE_ID = 2 ** 53 - 1;

function isLocalDate(text: string): boolean {
  if (!LOCAL_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function nextLocalDate(text: string): string {
  const date = new Date(`${text}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Trimmed, empty as absent. */
export function cleanAuditFilterInput(input: AuditFilterInput): AuditFilterInput {
  const clean: AuditFilterInput = {};
  for (const field of AUDIT_FILTER_FIELDS) {
    const value = input[field]?.trim();
    if (value) clean[field] = value;
  }
  return clean;
}

/**
 * Checks the filters and looks up what they name (the user by e-mail or name, the seller by
 * marketplace id or name, the case), in at most three small indexed queries. Every field that is
 * wrong is named, none half-applied.
 */
export async function resolveAuditFilters(raw: AuditFilterInput, timeZone: string): Promise<AuditFilterResolution> {
  const input = cleanAuditFilterInput(raw);
  const errors: Partial<Record<AuditFilterField, AuditFilterError>> = {};
  const filters: ResolvedAuditFilters = {};

  if (input.role) {
    if ((AUDIT_ACTOR_ROLES as readonly string[]).includes(input.role)) filters.role = input.role;
    else errors.role = "roleUnknown";
  }
  if (input.action) {
    const family = familyOfFilter(input.action);
    if (isAuditAction(input.action)) filters.actions = [input.action];
    else if (family) filters.actions = actionsOfFamily(family);
    else errors.action = "actionUnknown";
  }
  if (input.from && !isLocalDate(input.from)) errors.from = "dateInvalid";
  if (input.to && !isLocalDate(input.to)) errors.to = "dateInvalid";
  if (input.from && input.to && !errors.from && !errors.to && input.from > input.to) errors.to = "fromAfterTo";
  if (input.from && !errors.from) filters.from = startOfLocalDay(input.from, timeZone);
  if (input.to && !errors.to) filters.until = startOfLocalDay(nextLocalDate(input.to), timeZone);

  let caseId: number | undefined;
  if (input.caseId) {
    const number = Number(input.caseId.replace(/^#/, ""));
    if (Number.isSafeInteger(number) && number > 0 && number <= MAX_CASE_ID) caseId = number;
    else errors.caseId = "caseInvalid";
  }

  const [users, sellers, cases] = await Promise.all([
    input.actor
      ? queryRows<{ id: string }>(
          db,
          input.actor.includes("@")
            ? sql`select id from users where email = lower(${input.actor}) limit 2`
            : sql`select id from users where lower(name) = lower(${input.actor}) limit 2`,
        )
      : null,
    input.seller
      ? queryRows<{ id: string | number }>(
          db,
          sql`(select id from sellers where external_id = ${input.seller} limit 1)
              union all
              (select id from sellers where lower(name) = lower(${input.seller})
                and not exists (select 1 from sellers where external_id = ${input.seller}) limit 2)`,
        )
      : null,
    caseId !== undefined ? queryRows<{ id: string | number }>(db, sql`select id from cases where id = ${caseId}`) : null,
  ]);

  if (users) {
    if (users.length === 1) filters.actorUserId = users[0]!.id;
    else errors.actor = users.length === 0 ? "actorUnknown" : "actorAmbiguous";
  }
  if (sellers) {
    if (sellers.length === 1) filters.sellerId = Number(sellers[0]!.id);
    else errors.seller = sellers.length === 0 ? "sellerUnknown" : "sellerAmbiguous";
  }
  if (cases) {
    if (cases.length === 1) filters.caseId = caseId;
    else errors.caseId = "caseUnknown";
  }

  return Object.keys(errors).length > 0 ? { status: "invalid", errors } : { status: "ok", filters };
}

/**
 * The case an entry belongs to, exactly as migration 0009's index `audit_log_case_seq_idx` is
 * written (and as the case timeline reads it), so the filter uses that index.
 */
const CASE_OF_ENTRY = sql`coalesce(a.after ->> 'caseId', a.before ->> 'caseId', case when a.entity_type = 'case' then a.entity_id end)`;

type Condition = { isTime: boolean; sql: SQL };

/** The filters' conditions on `audit_log a`. */
function auditConditions(filters: ResolvedAuditFilters): Condition[] {
  const parts: Condition[] = [];
  const equal = (condition: SQL) => parts.push({ isTime: false, sql: condition });
  if (filters.caseId !== undefined) equal(sql`${CASE_OF_ENTRY} = ${String(filters.caseId)}`);
  if (filters.sellerId !== undefined) equal(sql`a.seller_id = ${filters.sellerId}`);
  if (filters.actorUserId) equal(sql`a.actor_user_id = ${filters.actorUserId}`);
  if (filters.actions)
    equal(
      filters.actions.length === 1
        ? sql`a.action = ${filters.actions[0]}`
        : sql`a.action in (${sql.join(
            filters.actions.map((action) => sql`${action}`),
            sql`, `,
          )})`,
    );
  if (filters.role) equal(sql`a.actor_role = ${filters.role}`);
  if (filters.from) parts.push({ isTime: true, sql: sql`a.occurred_at >= ${filters.from.toISOString()}::timestamptz` });
  if (filters.until) parts.push({ isTime: true, sql: sql`a.occurred_at < ${filters.until.toISOString()}::timestamptz` });
  return parts;
}

const allOf = (parts: Condition[]) =>
  parts.length
    ? sql.join(
        parts.map((part) => part.sql),
        sql` and `,
      )
    : sql`true`;

/** Only a time range is set: the page is newest first by (occurred_at, seq), on their index. */
export function isTimeRangeOnly(filters: ResolvedAuditFilters): boolean {
  const parts = auditConditions(filters);
  return parts.length > 0 && parts.every((part) => part.isTime);
}

/** The ORDER BY of a page of the trail (aliased `a`), newest first or (`ascending`) oldest first. */
export function auditOrderBy(filters: ResolvedAuditFilters, ascending = false): SQL {
  const direction = ascending ? sql`asc` : sql`desc`;
  return isTimeRangeOnly(filters) ? sql`a.occurred_at ${direction}, a.seq ${direction}` : sql`a.seq ${direction}`;
}

/**
 * The filtered trail's rows (`a.*`) in a page's order, unlimited: the caller adds LIMIT or reads it
 * through a cursor (the export). `edge` is the keyset condition (`and …`). Each equality filter
 * has an index on (column, seq) that a page newest first walks backwards; with only a time range
 * the order is (occurred_at, seq) on their index, as walking seq backwards would pass every entry
 * newer than the range first. A page under several filters is read by auditPageQueries instead;
 * the export reads every match through this form, where filters that together match little may
 * walk one index through much of the trail (seconds on millions): slow for a page, bearable for a
 * download that reads everything it matches anyway.
 */
export function auditEntriesInOrder(filters: ResolvedAuditFilters, edge: SQL, ascending = false): SQL {
  return sql`select a.* from audit_log a where ${allOf(auditConditions(filters))} ${edge} order by ${auditOrderBy(filters, ascending)}`;
}

/** How many entries of the leading filter a page under several filters reads before it looks another way. */
export const AUDIT_WALK_LIMIT = 2000;

/**
 * The queries of one page (`limit` rows) of the filtered trail, in its order: `a.*` and `walked`.
 *
 * - One filter, or only a time range: `single`, a walk of that filter's index that stops after
 *   `limit` rows.
 * - Several: the planner guesses how many entries match all of them by multiplying each one's
 *   share, and a combination that matches far fewer (an actor who never takes that action) made it
 *   walk an index through most of the trail, seconds on a million entries. So first `walk`: the
 *   newest AUDIT_WALK_LIMIT entries of the leading equality filter's index (in a fixed order, the
 *   usually narrowest first: a case, a seller, an actor, an action, a role), the other filters
 *   applied to them; each row
 *   carries `walked`, how many entries the walk read (null from the other queries; with no match,
 *   one row of nulls carries it). That page is exact when it is full, or when the walk read fewer
 *   than AUDIT_WALK_LIMIT entries (it read all of that filter's entries). Else `everything`: every match found through the filters' indexes
 *   together (a bitmap of each, intersected), then the page's rows sorted out of them — work in
 *   proportion to the matches, not to the trail, and only for a combination that matches little.
 */
export function auditPageQueries(
  filters: ResolvedAuditFilters,
  edge: SQL,
  ascending: boolean,
  limit: number,
): { single: SQL } | { walk: SQL; everything: SQL } {
  const parts = auditConditions(filters);
  const [leading, ...others] = parts;
  if (!leading || leading.isTime || others.length === 0) {
    return {
      single: sql`select a.*, null::int as walked from (${auditEntriesInOrder(filters, edge, ascending)} limit ${limit}) a`,
    };
  }
  const direction = ascending ? sql`asc` : sql`desc`;
  return {
    // One row at least: with no match, a row of nulls still says how many entries the walk read.
    walk: sql`with walk as materialized (
                select a.* from audit_log a where ${leading.sql} ${edge} order by a.seq ${direction} limit ${AUDIT_WALK_LIMIT}),
              counted as (select count(*)::int as walked from walk)
              select a.*, counted.walked
              from counted left join lateral (
                select a.* from walk a where ${allOf(others)} order by a.seq ${direction} limit ${limit}) a on true`,
    // `seq + 0`: no index gives this order, so the planner reads the matches through the filters'
    // indexes rather than walking one in seq order.
    everything: sql`select a.*, null::int as walked from audit_log a where ${allOf(parts)} ${edge}
                    order by a.seq + 0 ${direction} limit ${limit}`,
  };
}

/** The audit trail (aliased `a`) newest first by time, for lib/search/keyset.ts; the cursor is a seq. */
export const AUDIT_BY_OCCURRED_AT: KeysetKey = {
  time: sql`a.occurred_at`,
  id: sql`a.seq`,
  cursorRow: (seq) => sql`select occurred_at, seq from audit_log where seq = ${seq}`,
};
