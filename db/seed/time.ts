/**
 * Time arithmetic for the seed, on epoch milliseconds. The portal's sellers work Monday–Friday in
 * Europe/Kyiv; its offset is computed with the EU daylight-saving rule, so the seed needs no
 * time-zone database and gives the same instants everywhere.
 */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const WORKDAY_START_HOUR = 9;
const WORKDAY_END_HOUR = 18;

/** Europe/Kyiv: UTC+3 from the last Sunday of March to the last Sunday of October (01:00 UTC), else UTC+2. */
function getKyivOffsetMs(at: number): number {
  const year = new Date(at).getUTCFullYear();
  const isSummer = at >= getLastSundayAt0100Utc(year, 2) && at < getLastSundayAt0100Utc(year, 9);
  return (isSummer ? 3 : 2) * HOUR_MS;
}

function getLastSundayAt0100Utc(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * DAY_MS;
}

/** The Kyiv wall clock of an instant, as milliseconds to be read with UTC getters. */
function toWallClock(at: number): number {
  return at + getKyivOffsetMs(at);
}

function fromWallClock(wall: number): number {
  return wall - getKyivOffsetMs(wall - 3 * HOUR_MS);
}

function startOfDay(wall: number): number {
  return wall - (((wall % DAY_MS) + DAY_MS) % DAY_MS);
}

/** The same Kyiv day as `at`, at the given local hour and minute. */
export function setKyivTimeOfDay(at: number, hour: number, minute: number): number {
  const wall = toWallClock(at);
  return fromWallClock(startOfDay(wall) + hour * HOUR_MS + minute * MINUTE_MS);
}

/** The first moment at or after `wall` that lies in working time (Mon–Fri 9:00–18:00). */
function getNextWorkingWallClock(wall: number): number {
  for (let day = startOfDay(wall); ; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    const opens = day + WORKDAY_START_HOUR * HOUR_MS;
    const closes = day + WORKDAY_END_HOUR * HOUR_MS;
    if (weekday >= 1 && weekday <= 5 && wall < closes) return Math.max(wall, opens);
  }
}

/** `at` plus `hours` of a seller's working time (Mon–Fri 9:00–18:00 Kyiv): how a diligent seller answers. */
export function addWorkingHours(at: number, hours: number): number {
  let wall = toWallClock(at);
  let remaining = hours * HOUR_MS;
  for (;;) {
    wall = getNextWorkingWallClock(wall);
    const closes = startOfDay(wall) + WORKDAY_END_HOUR * HOUR_MS;
    const step = Math.min(remaining, closes - wall);
    wall += step;
    remaining -= step;
    if (remaining <= 0) return fromWallClock(wall);
  }
}
