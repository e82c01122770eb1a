/**
 * Business hours in the portal's time zone: Monday–Friday, minus configured holidays. A business day
 * counts whole, from local midnight to the next local midnight, so a day with a DST change is 23 or
 * 25 real hours long. Time-zone conversion uses Intl (the ICU time-zone data), nothing else.
 */

export type BusinessCalendar = {
  /** An IANA time zone, e.g. "Europe/Kyiv". */
  timeZone: string;
  /** Whole days off, as local dates "YYYY-MM-DD", on top of Saturdays and Sundays. */
  holidays: readonly string[];
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Every UTC offset in use lies within ±18 hours. */
const MAX_OFFSET_MS = 18 * HOUR_MS;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown time zone.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds since the epoch of a calendar date and time read as UTC (years below 100 included). */
function utcMillis(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The local wall-clock time at an instant, written as if it were UTC (milliseconds). */
function wallClockMillis(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) {
    if (type !== "literal") parts[type] = Number(value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  const milliseconds = ((instant % 1000) + 1000) % 1000;
  return utcMillis(year, month, day, hour, minute, second) + milliseconds;
}

function assertInstant(instant: Date, what: string): number {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError(`${what} is not a valid date`);
  return time;
}

function parseLocalDate(localDate: string): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(localDate);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || formatUtcDate(utcMillis(year, month, day)) !== localDate) {
    throw new RangeError(`"${localDate}" is not a date written YYYY-MM-DD`);
  }
  return { year, month, day };
}

function formatUtcDate(millis: number): string {
  const date = new Date(millis);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The local date ("YYYY-MM-DD") of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return formatUtcDate(wallClockMillis(assertInstant(instant, "The instant"), timeZone));
}

/** The local date `days` calendar days after (or, negative, before) this one. */
export function addLocalDays(localDate: string, days: number): string {
  const { year, month, day } = parseLocalDate(localDate);
  return formatUtcDate(utcMillis(year, month, day + days));
}

/** The day of the week of a local date: 0 Sunday, 1 Monday … 6 Saturday. */
export function localWeekday(localDate: string): number {
  const { year, month, day } = parseLocalDate(localDate);
  return new Date(utcMillis(year, month, day)).getUTCDay();
}

/**
 * The instant a local date begins: its local midnight. Where midnight does not exist (a DST change
 * at 00:00, as in Cairo), the first instant of that date, i.e. the moment the clocks jump. Where
 * midnight happens twice, the first of the two.
 */
export function startOfLocalDay(localDate: string, timeZone: string): Date {
  return new Date(localDayStartMillis(localDate, timeZone));
}

// Day starts are asked for again and again (every thread of a seller spans the same days), and each
// costs a handful of Intl calls; remember a bounded number of them.
const dayStarts = new Map<string, number>();
const MAX_REMEMBERED_DAY_STARTS = 20_000;

function localDayStartMillis(localDate: string, timeZone: string): number {
  const key = `${timeZone} ${localDate}`;
  const remembered = dayStarts.get(key);
  if (remembered !== undefined) return remembered;
  const start = computeLocalDayStart(localDate, timeZone);
  if (dayStarts.size >= MAX_REMEMBERED_DAY_STARTS) dayStarts.clear();
  dayStarts.set(key, start);
  return start;
}

function computeLocalDayStart(localDate: string, timeZone: string): number {
  const { year, month, day } = parseLocalDate(localDate);
  const midnight = utcMillis(year, month, day);
  // The offsets in force a day either side cover every offset the midnight can have.
  const offsetBefore = wallClockMillis(midnight - DAY_MS, timeZone) - (midnight - DAY_MS);
  const offsetAfter = wallClockMillis(midnight + DAY_MS, timeZone) - (midnight + DAY_MS);
  const candidates = [midnight - offsetBefore, midnight - offsetAfter]
    .filter((instant) => wallClockMillis(instant, timeZone) === midnight)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];

  // Midnight falls in a gap: search for the first instant whose wall clock is at or past it.
  let low = midnight - MAX_OFFSET_MS;
  let high = midnight + MAX_OFFSET_MS;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (wallClockMillis(mid, timeZone) >= midnight) high = mid;
    else low = mid;
  }
  return high;
}

const holidaySets = new WeakMap<readonly string[], ReadonlySet<string>>();

function holidaySet(holidays: readonly string[]): ReadonlySet<string> {
  let set = holidaySets.get(holidays);
  if (!set) {
    set = new Set(holidays);
    holidaySets.set(holidays, set);
  }
  return set;
}

/** Monday to Friday and not a configured holiday. */
export function isBusinessDay(localDate: string, calendar: BusinessCalendar): boolean {
  const weekday = localWeekday(localDate);
  return weekday >= 1 && weekday <= 5 && !holidaySet(calendar.holidays).has(localDate);
}

/**
 * The real time between two instants that falls on business days, in (fractional) hours; 0 when `to`
 * is not after `from`. Walks day by day (a span of months is a few hundred steps), never hour by hour.
 */
export function businessHoursBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const start = assertInstant(from, "The start");
  const end = assertInstant(to, "The end");
  if (end <= start) return 0;

  // Only business days need their bounds; local dates written YYYY-MM-DD sort as text.
  const lastDay = localDate(to, calendar.timeZone);
  let businessMs = 0;
  for (let day = localDate(from, calendar.timeZone); day <= lastDay; day = addLocalDays(day, 1)) {
    if (!isBusinessDay(day, calendar)) continue;
    const dayStart = localDayStartMillis(day, calendar.timeZone);
    const nextDayStart = localDayStartMillis(addLocalDays(day, 1), calendar.timeZone);
    businessMs += Math.max(0, Math.min(end, nextDayStart) - Math.max(start, dayStart));
  }
  return businessMs / HOUR_MS;
}
