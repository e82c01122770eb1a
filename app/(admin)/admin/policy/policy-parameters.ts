import type { PolicyParams } from "@/lib/quality/policy";

/**
 * Every parameter of the policy, in the order the page lists them and the form asks for them,
 * as [group, name] of PolicyParams. Client-safe.
 */
export const POLICY_PARAMETERS = [
  ["windows", "yearDays"],
  ["windows", "recentDays"],
  ["windows", "monthDays"],
  ["windows", "messagesDays"],
  ["windows", "messagesGraceDays"],
  ["reviews", "uniqueRatingDays"],
  ["reviews", "negativeMaxRating"],
  ["reviews", "positiveMinRating"],
  ["eligibility", "minOrders"],
  ["eligibility", "minUniqueReviews"],
  ["lowYear", "confidence"],
  ["lowYear", "multiplier"],
  ["lowYear", "margin"],
  ["worsened", "minRecentReviews"],
  ["worsened", "minZ"],
  ["response", "onTimeBusinessHours"],
  ["response", "holidays"],
  ["fakeReviews", "burstMinReviews"],
  ["fakeReviews", "burstMultiplier"],
  ["fakeReviews", "burstBaselineDays"],
  ["fakeReviews", "repeatBuyerMinReviews"],
  ["fakeReviews", "repeatBuyerDays"],
  ["exclusion", "minDays"],
  ["exclusion", "repeatMinDays"],
  ["exclusion", "letterAnswerDays"],
  ["fdr", "q"],
  ["appeals", "periodMonths"],
] as const;

export type PolicyGroup = (typeof POLICY_PARAMETERS)[number][0];
export const POLICY_GROUPS = [...new Set(POLICY_PARAMETERS.map(([group]) => group))] as PolicyGroup[];

/** A parameter's value: a number, the holidays, or null (FDR control off). */
export function parameterValue(params: PolicyParams, group: string, name: string): number | string[] | null {
  const value = (params as unknown as Record<string, Record<string, number | string[] | null>>)[group]?.[name];
  return value === undefined ? null : value;
}

/** The parameters whose values differ between two versions. */
export function changedParameters(before: PolicyParams, after: PolicyParams) {
  return POLICY_PARAMETERS.filter(
    ([group, name]) => JSON.stringify(parameterValue(before, group, name)) !== JSON.stringify(parameterValue(after, group, name)),
  );
}
