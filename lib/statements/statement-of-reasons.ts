import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Executor } from "@/db";
import type { Role } from "@/db/enums";
import { addDays, minimumExclusionDays } from "@/lib/cases/case-machine";
import type { CaseEvidence } from "@/lib/cases/open-case";
import { policyParamsSchema, type PolicyParams } from "@/lib/quality/policy";
import type { StoredFlagReason } from "@/lib/sellers/flag-reason-details";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/**
 * A statement of reasons (DSA Art. 17; SPEC "Explaining and contesting a decision") for one
 * decision on a case: `exclusion` for the case's opening, `decision-<id>` for an extension or the
 * reinstatement (a case_decisions row). Words are the reader's: this is the facts and dates only.
 */
export type StatementKey = "exclusion" | `decision-${number}`;
export type StatementKind = "exclusion" | "extend" | "reinstate";

export type StatementOfReasons = {
  key: StatementKey;
  /** Stable and unique per statement: the Transparency Database's `puid`. */
  puid: string;
  kind: StatementKind;
  caseId: number;
  sellerId: number;
  sellerName: string;
  decidedAt: Date;
  /** The moderator who decided (the decision is never automated). Sellers are told only "a moderator". */
  decidedBy: { name: string; role: Role };
  /** The facts frozen at the exclusion: the reasons with their numbers, the evaluation that detected them. */
  facts: {
    reasons: StoredFlagReason[];
    evaluationId: number | null;
    asOf: Date | null;
    /** The moment of the evaluation's one database snapshot: the data as committed by then (null before it was recorded). */
    snapshotAt: Date | null;
    /** The moderator's own words at the opening. */
    openReason: string | null;
  };
  /** The rule's numbers: the policy version the case was opened under (null for a case older than versioning). */
  policy: { version: number | null; params: PolicyParams | null };
  /** Extension: the reasons (catalog keys or the moderator's words) and the message; reinstatement: the message (an overturned appeal's reasons). */
  extendReasons: string[];
  message: string | null;
  /** All the seller's products hidden from the catalog: a partial suspension of the service. */
  restriction: { startAt: Date; earliestEndAt: Date | null; endAt: Date | null };
  /** How to contest it: once per decision, until the deadline; null for a reinstatement. */
  appeal: { path: string; deadline: Date } | null;
  /** The appeal made against this decision (once per decision), with its outcome once decided; null: none yet. */
  appealMade: {
    status: "waiting" | "upheld" | "overturned";
    submittedAt: Date;
    decidedAt: Date | null;
    decisionReason: string | null;
  } | null;
};

const DECISION_KEY = /^decision-([1-9][0-9]{0,17})$/;

/** The key in a URL, or null when it names no statement. */
export function parseStatementKey(raw: string): StatementKey | null {
  if (raw === "exclusion") return raw;
  return DECISION_KEY.test(raw) ? (raw as StatementKey) : null;
}

export const statementPuid = (caseId: number, key: StatementKey) =>
  key === "exclusion" ? `cg-case-${caseId}-exclusion` : `cg-${key}`;

/** `months` calendar months after `date` (UTC), as the appeal period counts them. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

type StatementRow = {
  kind: StatementKind;
  case_id: string | number;
  decision_id: string | number | null;
  decided_at: string | Date;
  extend_reasons: string[] | null;
  new_recheck_at: string | Date | null;
  message: string | null;
  seller_id: string | number;
  seller_name: string;
  excluded_at: string | Date;
  reinstated_at: string | Date | null;
  evidence: CaseEvidence;
  policy_version: number | null;
  policy_params: unknown;
  decider_name: string;
  decider_role: Role;
  snapshot_at: string | Date | null;
  appeal_status: "waiting" | "upheld" | "overturned" | null;
  appeal_submitted_at: string | Date | null;
  appeal_decided_at: string | Date | null;
  appeal_decision_reason: string | null;
  earlier_cases: number;
  recheck_before: string | Date | null;
};

const date = (value: string | Date) => new Date(value);
const maybeDate = (value: string | Date | null) => (value == null ? null : new Date(value));

/**
 * The statements chosen by `cases` (a condition on `c`, the case: every exclusion) and `decisions`
 * (a condition on `d`, a case_decisions row), in one query, oldest decision first.
 * `appealPeriodMonths`: the policy in force's appeal period.
 */
export async function readStatements(
  executor: Executor,
  where: { cases: SQL; decisions: SQL },
  appealPeriodMonths: number,
): Promise<StatementOfReasons[]> {
  const rows = await queryRows<StatementRow>(
    executor,
    sql`
      with s as (
        select 'exclusion' as kind, c.id as case_id, null::bigint as decision_id, c.excluded_at as decided_at,
          c.opened_by as decided_by, null::text[] as extend_reasons, null::timestamptz as new_recheck_at, c.open_reason as message
        from cases c where ${where.cases}
        union all
        select d.kind::text, d.case_id, d.id, d.decided_at, d.decided_by, d.extend_reasons, d.new_recheck_at, d.message_to_seller
        from case_decisions d where ${where.decisions}
      )
      select s.kind, s.case_id, s.decision_id, s.decided_at, s.extend_reasons, s.new_recheck_at, s.message,
        c.seller_id, se.name as seller_name, c.excluded_at, c.reinstated_at, c.evidence, c.policy_version,
        p.params as policy_params, u.name as decider_name, u.role as decider_role, e.snapshot_at,
        ap.status as appeal_status, ap.submitted_at as appeal_submitted_at, ap.decided_at as appeal_decided_at,
        ap.decision_reason as appeal_decision_reason,
        (select count(*) from cases pc where pc.seller_id = c.seller_id and pc.excluded_at < c.excluded_at)::int as earlier_cases,
        (select d2.new_recheck_at from case_decisions d2
          where d2.case_id = c.id and d2.kind = 'extend' and d2.decided_at < s.decided_at
          order by d2.decided_at desc limit 1) as recheck_before
      from s
      join cases c on c.id = s.case_id
      join sellers se on se.id = c.seller_id
      join users u on u.id = s.decided_by
      left join scoring_policies p on p.version = c.policy_version
      left join evaluations e on e.id = (c.evidence ->> 'evaluationId')::bigint
      -- The appeal of this decision, by appeals_once_per_decision_idx (the exclusion's has no decision_id).
      left join appeals ap on ap.case_id = s.case_id and coalesce(ap.decision_id, 0) = coalesce(s.decision_id, 0)
      order by s.decided_at, s.case_id, s.decision_id nulls first`,
  );
  return rows.map((row) => toStatement(row, appealPeriodMonths));
}

function toStatement(row: StatementRow, appealPeriodMonths: number): StatementOfReasons {
  const caseId = Number(row.case_id);
  const key: StatementKey = row.decision_id == null ? "exclusion" : `decision-${Number(row.decision_id)}`;
  const parsedPolicy = policyParamsSchema.safeParse(row.policy_params);
  const params = parsedPolicy.success ? parsedPolicy.data : null;
  const excludedAt = date(row.excluded_at);
  const decidedAt = date(row.decided_at);
  const evidence = row.evidence;
  // The re-check date set at the opening: the policy's minimum (longer for a repeat exclusion), never under 14 days.
  const firstRecheck = addDays(
    excludedAt,
    minimumExclusionDays(params?.exclusion ?? { minDays: 14, repeatMinDays: 14 }, row.earlier_cases > 0),
  );
  const restriction =
    row.kind === "exclusion"
      ? { startAt: excludedAt, earliestEndAt: firstRecheck, endAt: null }
      : row.kind === "extend"
        ? { startAt: excludedAt, earliestEndAt: maybeDate(row.new_recheck_at), endAt: null }
        : { startAt: excludedAt, earliestEndAt: maybeDate(row.recheck_before) ?? firstRecheck, endAt: decidedAt };
  return {
    key,
    puid: statementPuid(caseId, key),
    kind: row.kind,
    caseId,
    sellerId: Number(row.seller_id),
    sellerName: row.seller_name,
    decidedAt,
    decidedBy: { name: row.decider_name, role: row.decider_role },
    facts: {
      reasons: evidence?.reasons ?? [],
      evaluationId: evidence?.evaluationId ?? null,
      asOf: evidence?.asOf ? date(evidence.asOf) : null,
      snapshotAt: maybeDate(row.snapshot_at),
      openReason: evidence?.openReason ?? null,
    },
    policy: { version: row.policy_version, params },
    extendReasons: row.extend_reasons ?? [],
    message: row.kind === "exclusion" ? null : row.message,
    restriction,
    appeal:
      row.kind === "reinstate" ? null : { path: SELLER_PATHS.appeal(caseId), deadline: addMonths(decidedAt, appealPeriodMonths) },
    appealMade:
      row.appeal_status === null || row.appeal_submitted_at === null
        ? null
        : {
            status: row.appeal_status,
            submittedAt: date(row.appeal_submitted_at),
            decidedAt: maybeDate(row.appeal_decided_at),
            decisionReason: row.appeal_decision_reason,
          },
  };
}
