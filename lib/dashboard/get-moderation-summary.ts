import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";

export type ModerationSummary = {
  openFlags: number;
  /** Excluded and still inside the exclusion period. */
  excludedCases: number;
  /** Re-check date reached, whether or not the scheduled job has moved the case on yet. */
  casesDueForRecheck: number;
  lettersAwaitingAnswer: number;
  /** Of those, the ones past the 14-day answer deadline. */
  lettersOverdue: number;
  /** Sellers' appeals not yet decided. */
  appealsWaiting: number;
};

type Row = {
  open_flags: number;
  excluded_cases: number;
  cases_due_for_recheck: number;
  letters_awaiting_answer: number;
  letters_overdue: number;
  appeals_waiting: number;
};

/** The moderation team's work queue in numbers (flags, cases, letters, appeals), in one round trip. */
export async function getModerationSummary(params: { actor: Actor; now: Date }): Promise<ModerationSummary> {
  assertCan(params.actor, "cases:view-all");
  const now = params.now.toISOString();
  // A moderator must answer a submitted letter within the policy's days (14 by default).
  const answerDeadlineDays = `${(await getPolicyInForce(db)).exclusion.letterAnswerDays} days`;

  const [row] = await queryRows<Row>(
    db,
    sql`select
          (select count(*)::int from flags where status = 'open') as open_flags,
          (select count(*)::int from cases
            where status = 'EXCLUDED' and recheck_at > ${now}::timestamptz) as excluded_cases,
          (select count(*)::int from cases
            where status = 'DUE_FOR_RECHECK'
               or (status = 'EXCLUDED' and recheck_at <= ${now}::timestamptz)) as cases_due_for_recheck,
          w.letters_awaiting_answer, w.letters_overdue,
          (select count(*)::int from appeals where status = 'waiting') as appeals_waiting
        from (
          select count(*)::int as letters_awaiting_answer,
                 (count(*) filter (
                   where l.submitted_at + ${answerDeadlineDays}::interval < ${now}::timestamptz))::int as letters_overdue
          from letters l
          where l.status = 'submitted'
            and not exists (select 1 from letter_replies lr where lr.letter_id = l.id)
        ) w`,
  );

  return {
    openFlags: Number(row?.open_flags ?? 0),
    excludedCases: Number(row?.excluded_cases ?? 0),
    casesDueForRecheck: Number(row?.cases_due_for_recheck ?? 0),
    lettersAwaitingAnswer: Number(row?.letters_awaiting_answer ?? 0),
    lettersOverdue: Number(row?.letters_overdue ?? 0),
    appealsWaiting: Number(row?.appeals_waiting ?? 0),
  };
}
