import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";

/** The weeks the chart of exclusions and reinstatements covers, this week included. */
export const OVERVIEW_WEEKS = 12;
/** The reinstatements the median time to reinstatement is taken over. */
export const REINSTATEMENT_MEDIAN_DAYS = 90;

export type AdminOverview = {
  /** Excluded or due for re-check: every case not yet reinstated. */
  openCases: number;
  /** Re-check date reached, whether or not the scheduled job has moved the case on yet. */
  casesDue: number;
  /** Submitted letters still unanswered past their answer-by date. */
  lettersOverdue: number;
  appealsWaiting: number;
  /** Median days from exclusion to reinstatement over the last 90 days' reinstatements; null without any. */
  medianDaysToReinstatement: number | null;
  reinstatementsInMedian: number;
  /** The open flags of the latest completed evaluation. */
  flagsThisWeek: number;
  /** Catalog events not delivered, with at least one failed attempt. */
  outboxFailures: number;
  /** Oldest week first; `weekStart` is the Monday (yyyy-mm-dd) in the portal's time zone. */
  weeks: { weekStart: string; exclusions: number; reinstatements: number }[];
};

type CountsRow = {
  open_cases: number;
  cases_due: number;
  letters_overdue: number;
  appeals_waiting: number;
  median_days: string | null;
  reinstatements: number;
  flags_this_week: number;
  outbox_failures: number;
};

type WeekRow = { week_start: string; exclusions: number; reinstatements: number };

/**
 * The admin's overview in two queries whatever the data's size: the counts in one round trip, and
 * the weekly exclusions and reinstatements in another. Weeks are counted in the portal's time zone.
 */
export async function getAdminOverview(params: { actor: Actor; now: Date; timeZone: string }): Promise<AdminOverview> {
  assertCan(params.actor, "users:manage");
  const now = params.now.toISOString();
  const answerDeadline = `${(await getPolicyInForce(db)).exclusion.letterAnswerDays} days`;
  const medianSince = `${REINSTATEMENT_MEDIAN_DAYS} days`;
  const weeksBack = `${OVERVIEW_WEEKS - 1} weeks`;
  const zone = params.timeZone;

  const [[counts], weeks] = await Promise.all([
    queryRows<CountsRow>(
      db,
      sql`select
            (select count(*)::int from cases where status <> 'REINSTATED') as open_cases,
            (select count(*)::int from cases
              where status = 'DUE_FOR_RECHECK' or (status = 'EXCLUDED' and recheck_at <= ${now}::timestamptz)) as cases_due,
            (select count(*)::int from letters l
              where l.status = 'submitted'
                and l.submitted_at + ${answerDeadline}::interval < ${now}::timestamptz
                and not exists (select 1 from letter_replies lr where lr.letter_id = l.id)) as letters_overdue,
            (select count(*)::int from appeals where status = 'waiting') as appeals_waiting,
            r.median_days, r.reinstatements,
            (select count(*)::int from flags
              where status = 'open'
                and evaluation_id = (select id from evaluations where status = 'completed'
                                     order by as_of desc, id desc limit 1)) as flags_this_week,
            (select count(*)::int from outbox_events where delivered_at is null and attempts > 0) as outbox_failures
          from (
            select (percentile_cont(0.5) within group (
                     order by extract(epoch from reinstated_at - excluded_at) / 86400))::text as median_days,
                   count(*)::int as reinstatements
            -- reinstated_at is set exactly when a case is reinstated (liftExclusion), and
            -- cases_reinstated_idx holds both dates: the last 90 days are read from the index alone.
            from cases
            where reinstated_at > ${now}::timestamptz - ${medianSince}::interval
              and reinstated_at <= ${now}::timestamptz
          ) r`,
    ),
    queryRows<WeekRow>(
      db,
      sql`with weeks as (
            select generate_series(
                     date_trunc('week', (${now}::timestamptz at time zone ${zone}) - ${weeksBack}::interval),
                     date_trunc('week', ${now}::timestamptz at time zone ${zone}),
                     interval '1 week') as week_start
          ),
          bounds as (select min(week_start) at time zone ${zone} as since from weeks),
          exclusions as (
            select date_trunc('week', excluded_at at time zone ${zone}) as week_start, count(*)::int as total
            from cases, bounds where excluded_at >= bounds.since and excluded_at <= ${now}::timestamptz group by 1
          ),
          reinstatements as (
            select date_trunc('week', reinstated_at at time zone ${zone}) as week_start, count(*)::int as total
            from cases, bounds where reinstated_at >= bounds.since and reinstated_at <= ${now}::timestamptz group by 1
          )
          select to_char(w.week_start, 'YYYY-MM-DD') as week_start,
                 coalesce(e.total, 0) as exclusions, coalesce(r.total, 0) as reinstatements
          from weeks w
          left join exclusions e using (week_start)
          left join reinstatements r using (week_start)
          order by w.week_start`,
    ),
  ]);

  return {
    openCases: Number(counts?.open_cases ?? 0),
    casesDue: Number(counts?.cases_due ?? 0),
    lettersOverdue: Number(counts?.letters_overdue ?? 0),
    appealsWaiting: Number(counts?.appeals_waiting ?? 0),
    medianDaysToReinstatement: counts?.median_days == null ? null : Number(counts.median_days),
    reinstatementsInMedian: Number(counts?.reinstatements ?? 0),
    flagsThisWeek: Number(counts?.flags_this_week ?? 0),
    outboxFailures: Number(counts?.outbox_failures ?? 0),
    weeks: weeks.map((row) => ({
      weekStart: row.week_start,
      exclusions: Number(row.exclusions),
      reinstatements: Number(row.reinstatements),
    })),
  };
}
