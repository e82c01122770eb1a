import type { QualityWindow } from "@/db/enums";
import { addLocalDays, localDate, localWeekday, startOfLocalDay } from "@/lib/quality/business-hours";
import type { PolicyParams } from "@/lib/quality/policy";

/** A span of time: `start` inclusive, `end` exclusive. */
export type TimeRange = { start: Date; end: Date };

const DAY_MS = 86_400_000;

/**
 * The default `asOf` of an evaluation: the most recent Monday 00:00 in the portal's time zone at or
 * before `now` (exactly `now` when it is that instant), so a week's evaluations all share one asOf.
 */
export function defaultAsOf(now: Date, timeZone: string): Date {
  const today = localDate(now, timeZone);
  const daysSinceMonday = (localWeekday(today) + 6) % 7;
  return startOfLocalDay(addLocalDays(today, -daysSinceMonday), timeZone);
}

/**
 * The evaluation's windows, all ending at or before `asOf`. Days are exact 24-hour days, as in
 * PostgreSQL's `asOf - interval 'N days'` with the session in UTC, so both sides cut at the same instant
 * even across a DST change.
 */
export function evaluationWindows(asOf: Date, windows: PolicyParams["windows"]): Record<QualityWindow, TimeRange> {
  const end = asOf.getTime();
  if (Number.isNaN(end)) throw new RangeError("asOf is not a valid date");
  const daysBefore = (days: number) => new Date(end - days * DAY_MS);
  return {
    year: { start: daysBefore(windows.yearDays), end: new Date(end) },
    recent: { start: daysBefore(windows.recentDays), end: new Date(end) },
    month: { start: daysBefore(windows.monthDays), end: new Date(end) },
    baseline: { start: daysBefore(windows.yearDays), end: daysBefore(windows.recentDays) },
    messages: { start: daysBefore(windows.messagesDays), end: daysBefore(windows.messagesGraceDays) },
  };
}
