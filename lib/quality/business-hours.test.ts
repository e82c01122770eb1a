import { describe, expect, test } from "vitest";
import {
  addLocalDays,
  businessHoursBetween,
  isBusinessDay,
  localDate,
  localWeekday,
  startOfLocalDay,
} from "@/lib/quality/business-hours";

// Kyiv is UTC+2 in winter (EET) and UTC+3 in summer (EEST); the clocks change on the last Sunday of
// March (2025-03-30, 03:00 → 04:00) and of October (2025-10-26, 04:00 → 03:00).
const KYIV = { timeZone: "Europe/Kyiv", holidays: [] };
const at = (iso: string) => new Date(iso);

describe("business hours between two instants (Kyiv, Monday–Friday)", () => {
  test("a buyer's question on Friday 20:00 answered on Monday 09:00 took 13 business hours", () => {
    // Friday 20:00 → 24:00 is 4 hours, the weekend is free, Monday 00:00 → 09:00 is 9 hours.
    const friday20 = at("2025-01-10T18:00:00Z");
    const monday09 = at("2025-01-13T07:00:00Z");
    expect(businessHoursBetween(friday20, monday09, KYIV)).toBe(13);
  });

  test("a question on Saturday 10:00 answered on Monday 10:00 took 10 business hours", () => {
    expect(businessHoursBetween(at("2025-01-11T08:00:00Z"), at("2025-01-13T08:00:00Z"), KYIV)).toBe(10);
  });

  test("within one business day: Monday 09:00 → 17:30 is 8.5 hours", () => {
    expect(businessHoursBetween(at("2025-01-13T07:00:00Z"), at("2025-01-13T15:30:00Z"), KYIV)).toBe(8.5);
  });

  test("a configured holiday is a day off: Tuesday noon → Thursday noon over New Year's Day is 24 hours", () => {
    // Tuesday 12:00 → 24:00 (12 h) + Wednesday 1 January (a holiday, 0 h) + Thursday 00:00 → 12:00 (12 h).
    const tuesdayNoon = at("2024-12-31T10:00:00Z");
    const thursdayNoon = at("2025-01-02T10:00:00Z");
    expect(businessHoursBetween(tuesdayNoon, thursdayNoon, { ...KYIV, holidays: ["2025-01-01"] })).toBe(24);
    expect(businessHoursBetween(tuesdayNoon, thursdayNoon, KYIV)).toBe(48);
  });

  test("across the spring DST change, Friday noon → Monday noon is 24 business hours though 71 real hours pass", () => {
    // Friday 28 March 12:00 EET (10:00Z) → Monday 31 March 12:00 EEST (09:00Z): 71 real hours, because
    // the clocks jump an hour on Sunday 30 March. Sunday is not a business day, so the lost hour costs
    // the seller nothing: Friday 12:00 → 24:00 (12 h) + Monday 00:00 → 12:00 (12 h) = 24.
    const fridayNoon = at("2025-03-28T10:00:00Z");
    const mondayNoon = at("2025-03-31T09:00:00Z");
    expect((mondayNoon.getTime() - fridayNoon.getTime()) / 3_600_000).toBe(71);
    expect(businessHoursBetween(fridayNoon, mondayNoon, KYIV)).toBe(24);
  });

  test("across the autumn DST change, Friday noon → Monday noon is 24 business hours though 73 real hours pass", () => {
    // Friday 24 October 12:00 EEST (09:00Z) → Monday 27 October 12:00 EET (10:00Z); the extra hour is on Sunday.
    expect(businessHoursBetween(at("2025-10-24T09:00:00Z"), at("2025-10-27T10:00:00Z"), KYIV)).toBe(24);
  });

  test("four weeks from Monday midnight is 20 business days × 24 hours, also when they span a DST change", () => {
    // 3 February → 3 March 2025, all in winter time.
    expect(businessHoursBetween(at("2025-02-02T22:00:00Z"), at("2025-03-02T22:00:00Z"), KYIV)).toBe(480);
    // 17 March 00:00 EET (16 March 22:00Z) → 14 April 00:00 EEST (13 April 21:00Z): 671 real hours,
    // still 20 whole business days.
    expect(businessHoursBetween(at("2025-03-16T22:00:00Z"), at("2025-04-13T21:00:00Z"), KYIV)).toBe(480);
  });

  test("nothing elapses when the end is not after the start", () => {
    const monday09 = at("2025-01-13T07:00:00Z");
    expect(businessHoursBetween(monday09, monday09, KYIV)).toBe(0);
    expect(businessHoursBetween(monday09, at("2025-01-13T06:00:00Z"), KYIV)).toBe(0);
  });

  test("half a year, the length of the messages window, is 26 weeks × 5 days × 24 hours", () => {
    // Monday 6 January 00:00 EET → Monday 7 July 2025 00:00 EEST: 130 business days, one DST change on a Sunday.
    expect(businessHoursBetween(at("2025-01-05T22:00:00Z"), at("2025-07-06T21:00:00Z"), KYIV)).toBe(130 * 24);
  });
});

describe("a business day that changes the clocks counts whole: 23 or 25 real hours (Cairo)", () => {
  // Egypt changes its clocks on weekdays: Friday 26 April 2024 begins at 01:00 (00:00 → 01:00), and
  // Thursday 31 October 2024 runs to 24:00 and then repeats 23:00 → 24:00.
  const CAIRO = { timeZone: "Africa/Cairo", holidays: [] };

  test("Thursday noon → Saturday noon over the spring change is 12 + 23 = 35 hours", () => {
    // Thursday 12:00 EET (10:00Z) → Saturday 12:00 EEST (09:00Z).
    expect(businessHoursBetween(at("2024-04-25T10:00:00Z"), at("2024-04-27T09:00:00Z"), CAIRO)).toBe(35);
  });

  test("Wednesday noon → Friday noon over the autumn change is 12 + 25 + 12 = 49 hours", () => {
    // Wednesday 12:00 EEST (09:00Z) → Friday 12:00 EET (10:00Z).
    expect(businessHoursBetween(at("2024-10-30T09:00:00Z"), at("2024-11-01T10:00:00Z"), CAIRO)).toBe(49);
  });
});

describe("local dates", () => {
  test("an instant's local date is the portal's, not UTC's", () => {
    // Sunday 22:30 UTC is already Monday 00:30 in Kyiv.
    expect(localDate(at("2025-01-12T22:30:00Z"), "Europe/Kyiv")).toBe("2025-01-13");
    expect(localDate(at("2025-01-12T21:59:59.999Z"), "Europe/Kyiv")).toBe("2025-01-12");
  });

  test("a local day starts at local midnight, in winter and in summer time", () => {
    // Sunday 30 March 2025 begins in winter time, Monday 31 March in summer time.
    expect(startOfLocalDay("2025-03-30", "Europe/Kyiv")).toEqual(at("2025-03-29T22:00:00Z"));
    expect(startOfLocalDay("2025-03-31", "Europe/Kyiv")).toEqual(at("2025-03-30T21:00:00Z"));
  });

  test("where the clocks skip midnight the day starts when they jump (Cairo, 26 April 2024 at 01:00)", () => {
    expect(startOfLocalDay("2024-04-26", "Africa/Cairo")).toEqual(at("2024-04-25T22:00:00Z"));
  });

  test("where midnight happens twice the day starts at the first (Havana, 3 November 2024)", () => {
    // Cuba turns 01:00 back to 00:00: midnight is at 04:00Z (UTC−4) and again at 05:00Z (UTC−5).
    expect(startOfLocalDay("2024-11-03", "America/Havana")).toEqual(at("2024-11-03T04:00:00Z"));
  });

  test("calendar arithmetic on local dates crosses months and leap days", () => {
    expect(addLocalDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addLocalDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(localWeekday("2025-01-13")).toBe(1);
  });

  test("weekends and holidays are not business days", () => {
    expect(isBusinessDay("2025-01-13", KYIV)).toBe(true);
    expect(isBusinessDay("2025-01-11", KYIV)).toBe(false);
    expect(isBusinessDay("2025-01-12", KYIV)).toBe(false);
    expect(isBusinessDay("2025-01-13", { ...KYIV, holidays: ["2025-01-13"] })).toBe(false);
  });

  test("malformed dates and unknown time zones are refused", () => {
    expect(() => startOfLocalDay("2025-02-30", "Europe/Kyiv")).toThrow(RangeError);
    expect(() => isBusinessDay("13.01.2025", KYIV)).toThrow(RangeError);
    expect(() => localDate(at("2025-01-13T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
