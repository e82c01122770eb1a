import { describe, expect, test } from "vitest";
import { classifyResponse } from "@/lib/quality/response-time";

// Kyiv in January is UTC+2.
const KYIV = { timeZone: "Europe/Kyiv", holidays: [] };
const ON_TIME_HOURS = 24;
const AS_OF = new Date("2025-01-19T22:00:00Z"); // Monday 20 January 00:00 Kyiv
const at = (iso: string) => new Date(iso);

const buyerThread = (askedAt: Date | null, repliedAt: Date | null) => ({
  startedBy: "buyer" as const,
  firstBuyerMessageAt: askedAt,
  firstSellerReplyAt: repliedAt,
});
const classify = (thread: Parameters<typeof classifyResponse>[0]) => classifyResponse(thread, AS_OF, KYIV, ON_TIME_HOURS);

const NOT_COUNTED = { counted: false, onTime: false, responseHours: null };
const UNANSWERED = { counted: true, onTime: false, responseHours: null };

describe("how a thread enters the response metrics", () => {
  test("a thread the seller started is not counted", () => {
    const thread = { ...buyerThread(at("2025-01-13T08:00:00Z"), at("2025-01-13T07:00:00Z")), startedBy: "seller" as const };
    expect(classify(thread)).toEqual(NOT_COUNTED);
  });

  test("a buyer's question never answered counts, late, with no response time", () => {
    expect(classify(buyerThread(at("2025-01-13T07:00:00Z"), null))).toEqual(UNANSWERED);
  });

  test("a reply at or after asOf is not known yet: the thread is unanswered", () => {
    // Wednesday 09:00 Kyiv to Monday 00:00: 15 + 24 + 24 = 63 business hours, past the limit.
    expect(classify(buyerThread(at("2025-01-15T07:00:00Z"), AS_OF))).toEqual(UNANSWERED);
    expect(classify(buyerThread(at("2025-01-15T07:00:00Z"), at("2025-01-21T07:00:00Z")))).toEqual(UNANSWERED);
  });

  test("an unanswered question still within its 24 business hours is not judged yet", () => {
    // Friday 09:00 Kyiv to Monday 00:00: 15 business hours; the weekend does not count.
    expect(classify(buyerThread(at("2025-01-17T07:00:00Z"), null))).toEqual(NOT_COUNTED);
    // Thursday 23:00 Kyiv: 1 + 24 = 25 business hours by Monday 00:00, one past the limit.
    expect(classify(buyerThread(at("2025-01-16T21:00:00Z"), null))).toEqual(UNANSWERED);
  });

  test("a Friday 20:00 question answered Monday 09:00 took 13 business hours: on time", () => {
    // Friday 20:00 → 24:00 is 4 hours, Monday 00:00 → 09:00 is 9 hours.
    expect(classify(buyerThread(at("2025-01-10T18:00:00Z"), at("2025-01-13T07:00:00Z")))).toEqual({
      counted: true,
      onTime: true,
      responseHours: 13,
    });
  });

  test("exactly 24 business hours is still on time", () => {
    // Monday 09:00 → Tuesday 09:00 Kyiv.
    expect(classify(buyerThread(at("2025-01-13T07:00:00Z"), at("2025-01-14T07:00:00Z")))).toEqual({
      counted: true,
      onTime: true,
      responseHours: 24,
    });
  });

  test("a Monday 09:00 question answered Tuesday 10:00 took 25 business hours: late", () => {
    expect(classify(buyerThread(at("2025-01-13T07:00:00Z"), at("2025-01-14T08:00:00Z")))).toEqual({
      counted: true,
      onTime: false,
      responseHours: 25,
    });
  });

  test("a Friday 09:00 question answered Monday 10:00 took 25 business hours, not 73 real ones: late", () => {
    // Friday 09:00 → 24:00 is 15 hours, Monday 00:00 → 10:00 is 10 hours.
    expect(classify(buyerThread(at("2025-01-10T07:00:00Z"), at("2025-01-13T08:00:00Z")))).toEqual({
      counted: true,
      onTime: false,
      responseHours: 25,
    });
  });

  test("a buyer-started thread with no buyer message before asOf does not exist yet", () => {
    expect(classify(buyerThread(AS_OF, null))).toEqual(NOT_COUNTED);
    expect(classify(buyerThread(null, null))).toEqual(NOT_COUNTED);
  });
});
