import { type BusinessCalendar, businessHoursBetween } from "@/lib/quality/business-hours";

export type ResponseThread = {
  startedBy: "buyer" | "seller";
  firstBuyerMessageAt: Date | null;
  /** The seller's first message after the buyer's first; later messages never count. */
  firstSellerReplyAt: Date | null;
};

export type ResponseClassification = {
  /** Whether the thread enters the on-time rate at all. */
  counted: boolean;
  onTime: boolean;
  /** Business hours to the first reply; null when unanswered (as of asOf) or not counted. */
  responseHours: number | null;
};

const NOT_COUNTED: ResponseClassification = { counted: false, onTime: false, responseHours: null };

/**
 * How one thread enters the response metrics as of `asOf`. Only threads a buyer starts count, and only
 * once the buyer has written before asOf. A reply at or after asOf is not known yet, so the thread is
 * unanswered: once more than `onTimeBusinessHours` business hours have passed by asOf it is counted,
 * not on time, with no response time; before that it is not judged yet (lib/quality/evaluation-sql.ts
 * threadStats counts the same way). Otherwise it is on time when the reply came
 * within `onTimeBusinessHours` business hours of the buyer's first message (inclusive).
 */
export function classifyResponse(
  thread: ResponseThread,
  asOf: Date,
  calendar: BusinessCalendar,
  onTimeBusinessHours: number,
): ResponseClassification {
  const askedAt = thread.firstBuyerMessageAt;
  if (thread.startedBy !== "buyer" || askedAt === null || askedAt >= asOf) return NOT_COUNTED;

  const repliedAt = thread.firstSellerReplyAt;
  if (repliedAt === null || repliedAt >= asOf) {
    // Unanswered: late once the limit has passed; until then the seller still has time.
    const waited = businessHoursBetween(askedAt, asOf, calendar);
    return waited > onTimeBusinessHours ? { counted: true, onTime: false, responseHours: null } : NOT_COUNTED;
  }

  const responseHours = businessHoursBetween(askedAt, repliedAt, calendar);
  return { counted: true, onTime: responseHours <= onTimeBusinessHours, responseHours };
}
