import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db";

/** How many timeline entries the case page shows (newest first). */
export const TIMELINE_LIMIT = 200;

/**
 * One thing that happened to the case: its action (an audit action, lib/audit/audit-actions.ts),
 * who did it, and what they wrote: the message to the seller of a decision, a note's body, an
 * answer to a letter, a reason. A reinstatement's overridden checklist items and an extension's
 * reasons come as codes for the page to put in words.
 */
export type TimelineEntry = {
  at: Date;
  action: string;
  actorRole: string;
  actorLabel: string;
  message: string | null;
  letterVersion: number | null;
  overrides: { item: string; reason: string }[];
  extendReasons: string[];
};

type TimelineRow = {
  at: string | Date;
  action: string;
  actor_label: string;
  actor_role: string;
  message: string | null;
  letter_version: number | null;
  overrides: { item: string; reason: string }[] | null;
  extend_reasons: string[] | null;
};

/**
 * What happened to one case, newest first: the audit entries linked to it — the case's own (its
 * transitions, decisions, notes, holders) and every other entry whose `after` or `before` names
 * it by `caseId` (letters answered, fake reviews decided and, written the same way, the seller's
 * work on the case) — and each submitted letter that has no audit entry of its own. Not the
 * seller's other history (sign-ins, earlier flags and cases).
 */
export async function getCaseTimeline(
  executor: Executor,
  params: { caseId: number; sellerId: number },
): Promise<TimelineEntry[]> {
  const { sellerId } = params;
  const caseId = String(params.caseId);
  const rows = await queryRows<TimelineRow>(
    executor,
    sql`with linked as (
          select a.occurred_at, a.seq, a.action, a.actor_label, a.actor_role, a.reason, a.after, a.entity_type, a.entity_id
          from audit_log a
          where a.seller_id = ${sellerId}
            and ((a.entity_type = 'case' and a.entity_id = ${caseId})
                 or a.after ->> 'caseId' = ${caseId} or a.before ->> 'caseId' = ${caseId})
        )
        select * from (
          select l.occurred_at as at, l.seq, l.action, l.actor_label, l.actor_role,
                 case when d.id is not null then d.message_to_seller
                      when n.id is not null then n.body
                      else l.reason end as message,
                 lt.version as letter_version, d.overrides, d.extend_reasons
          from linked l
          left join case_decisions d on d.case_id = ${params.caseId} and d.id::text = l.after ->> 'decisionId'
          left join case_notes n on n.case_id = ${params.caseId} and l.action = 'case.note_added' and n.id::text = l.after ->> 'noteId'
          left join letters lt on lt.case_id = ${params.caseId} and l.entity_type = 'letter' and lt.id::text = l.entity_id
          union all
          select lt.submitted_at, null, 'letter.submitted', coalesce(u.email, s.name), 'seller', null, lt.version, null, null
          from letters lt
          join sellers s on s.id = lt.seller_id
          left join users u on u.id = lt.submitted_by
          where lt.case_id = ${params.caseId} and lt.status = 'submitted' and lt.submitted_at is not null
            and not exists (select 1 from audit_log a
                            where a.entity_type = 'letter' and a.entity_id = lt.id::text and a.action = 'letter.submitted')
        ) entries
        order by at desc, seq desc nulls last
        limit ${TIMELINE_LIMIT}`,
  );
  return rows.map((row) => ({
    at: new Date(row.at),
    action: row.action,
    actorRole: row.actor_role,
    actorLabel: row.actor_label,
    message: row.message,
    letterVersion: row.letter_version === null ? null : Number(row.letter_version),
    overrides: Array.isArray(row.overrides) ? row.overrides : [],
    extendReasons: row.extend_reasons ?? [],
  }));
}
