import { describe, expect, test } from "vitest";
import { DEFAULT_POLICY } from "@/lib/quality/policy";
import { defaultAsOf, evaluationWindows } from "@/lib/quality/windows";

const KYIV = "Europe/Kyiv";
const at = (iso: string) => new Date(iso);

describe("the default asOf: the most recent Monday 00:00 in the portal's time zone", () => {
  test("on a winter Wednesday, the Monday before at 00:00 EET, which is Sunday 22:00 UTC", () => {
    // Wednesday 15 January 2025 → Monday 13 January 00:00 UTC+2 = 12 January 22:00Z.
    expect(defaultAsOf(at("2025-01-15T12:00:00Z"), KYIV)).toEqual(at("2025-01-12T22:00:00Z"));
  });

  test("on a summer Wednesday, the Monday before at 00:00 EEST, which is Sunday 21:00 UTC", () => {
    // Wednesday 16 July 2025 → Monday 14 July 00:00 UTC+3 = 13 July 21:00Z.
    expect(defaultAsOf(at("2025-07-16T12:00:00Z"), KYIV)).toEqual(at("2025-07-13T21:00:00Z"));
  });

  test("exactly at Monday 00:00 local, that very instant", () => {
    expect(defaultAsOf(at("2025-01-12T22:00:00Z"), KYIV)).toEqual(at("2025-01-12T22:00:00Z"));
  });

  test("one millisecond before Monday 00:00 local, the Monday a week earlier", () => {
    expect(defaultAsOf(at("2025-01-12T21:59:59.999Z"), KYIV)).toEqual(at("2025-01-05T22:00:00Z"));
  });

  test("on Sunday in UTC but already Monday in Kyiv, this Monday", () => {
    // Sunday 12 January 23:30Z is Monday 13 January 01:30 in Kyiv.
    expect(defaultAsOf(at("2025-01-12T23:30:00Z"), KYIV)).toEqual(at("2025-01-12T22:00:00Z"));
  });

  test("in the week the clocks went forward, the Monday after the change, in summer time", () => {
    // Wednesday 2 April 2025 → Monday 31 March 00:00 EEST = 30 March 21:00Z.
    expect(defaultAsOf(at("2025-04-02T12:00:00Z"), KYIV)).toEqual(at("2025-03-30T21:00:00Z"));
  });
});

describe("the evaluation windows under the default policy", () => {
  // asOf = Monday 13 January 2025 00:00 Kyiv. Days are exact 24-hour days, so every bound stays at
  // 22:00Z even where Kyiv changed its clocks in between (27 October 2024).
  const windows = evaluationWindows(at("2025-01-12T22:00:00Z"), DEFAULT_POLICY.windows);

  test("year: the last 365 days, which is not a calendar year because 2024 had 29 February", () => {
    expect(windows.year).toEqual({ start: at("2024-01-13T22:00:00Z"), end: at("2025-01-12T22:00:00Z") });
  });

  test("recent: the last 90 days; month: the last 30 days", () => {
    // 12 January − 90 days: back 29 days to 14 December, 30 more to 14 November, 31 more to 14 October.
    expect(windows.recent).toEqual({ start: at("2024-10-14T22:00:00Z"), end: at("2025-01-12T22:00:00Z") });
    expect(windows.month).toEqual({ start: at("2024-12-13T22:00:00Z"), end: at("2025-01-12T22:00:00Z") });
  });

  test("baseline: the year without the recent 90 days, so the two never overlap", () => {
    expect(windows.baseline).toEqual({ start: at("2024-01-13T22:00:00Z"), end: at("2024-10-14T22:00:00Z") });
    expect(windows.baseline.end).toEqual(windows.recent.start);
  });

  test("messages: the last 182 days except the 7 right before asOf", () => {
    // 12 January − 182 days = 14 July 2024; − 7 days = 5 January 2025.
    expect(windows.messages).toEqual({ start: at("2024-07-14T22:00:00Z"), end: at("2025-01-05T22:00:00Z") });
  });
});
