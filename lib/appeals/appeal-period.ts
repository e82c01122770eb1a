/**
 * How long a decision can be contested: the policy's `appeals.periodMonths` from the decision's
 * moment. Pure, client-safe.
 */

/** `date` plus whole calendar months (UTC), on the last day of a shorter month: 31 Aug + 6 months = 28/29 Feb. */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

/** The last moment a decision made at `decidedAt` can be contested. */
export function appealDeadline(decidedAt: Date, periodMonths: number): Date {
  return addMonths(decidedAt, periodMonths);
}
