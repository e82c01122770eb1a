import type { FlagCandidate, PortalValues } from "./decide-flags";
import { evaluateLowYear, evaluateWorsened } from "./flag-rules";
import type { PolicyParams } from "./policy";

/**
 * How far a seller is from each flag rule, in the seller's own units: the smallest number of
 * additional negative reviews (or complaints) that would make the rule trip. Computed by running
 * the very rule functions that flag (lib/quality/flag-rules.ts) on the counts with k more, so what
 * a seller is told and what flags them cannot drift apart. No database here.
 */

/** Past this many, a seller is simply "far" from the rule; the search stops there. */
export const DISTANCE_SEARCH_LIMIT = 1000;

/** Within this many more negative reviews or complaints, a rule is "close" and the seller is warned. */
export const CLOSE_DISTANCE = 3;

export type RuleDistance =
  /** `more` additional ones make the rule trip; 0: it trips already. */
  | { status: "reachable"; more: number }
  /** Not even DISTANCE_SEARCH_LIMIT more would make it trip. */
  | { status: "far" }
  /** The rule cannot judge the seller now: not eligible, no portal value yet, or no baseline to compare with. */
  | { status: "not_applicable"; because: "not_eligible" | "no_portal_value" | "no_baseline" };

export type FlagDistances = {
  /** LOW_YEAR on the negative-review rate over the year: more negative reviews. */
  lowYearNegativeReviews: RuleDistance;
  /** LOW_YEAR on the complaint rate over the year: more complaints. */
  lowYearComplaints: RuleDistance;
  /** WORSENED: more negative reviews in the recent window, against the seller's own baseline. */
  worsened: RuleDistance;
};

export type DistanceCounts = Omit<FlagCandidate, "sellerId">;

/** The smallest k in 0…limit for which `tripsWith(k)` holds, scanned in order so it is the smallest whatever the shape. */
function smallestTripping(tripsWith: (more: number) => boolean, limit = DISTANCE_SEARCH_LIMIT): RuleDistance {
  for (let more = 0; more <= limit; more += 1) {
    if (tripsWith(more)) return { status: "reachable", more };
  }
  return { status: "far" };
}

/**
 * LOW_YEAR on the negative-review rate: a new negative review is also a new unique review, so
 * both the successes and the trials grow by k.
 */
export function distanceToLowYearByReviews(
  year: { uniqueReviews: number; negativeReviews: number },
  portalValue: number | null,
  rule: PolicyParams["lowYear"],
): RuleDistance {
  if (portalValue === null) return { status: "not_applicable", because: "no_portal_value" };
  return smallestTripping(
    (more) =>
      evaluateLowYear({ successes: year.negativeReviews + more, trials: year.uniqueReviews + more, portalValue }, rule).flagged,
  );
}

/** LOW_YEAR on the complaint rate: a complaint adds to the complaints, not to the orders. */
export function distanceToLowYearByComplaints(
  year: { orders: number; complaints: number },
  portalValue: number | null,
  rule: PolicyParams["lowYear"],
): RuleDistance {
  if (portalValue === null) return { status: "not_applicable", because: "no_portal_value" };
  return smallestTripping(
    (more) => evaluateLowYear({ successes: year.complaints + more, trials: year.orders, portalValue }, rule).flagged,
  );
}

/**
 * WORSENED: k more negative reviews in the recent window (each also a recent unique review)
 * against the unchanged baseline; the rule also needs its minimum of recent reviews.
 */
export function distanceToWorsened(
  recent: { uniqueReviews: number; negativeReviews: number },
  baseline: { uniqueReviews: number; negativeReviews: number },
  recentPortalValue: number | null,
  rule: PolicyParams["worsened"],
): RuleDistance {
  if (recentPortalValue === null) return { status: "not_applicable", because: "no_portal_value" };
  if (baseline.uniqueReviews === 0) return { status: "not_applicable", because: "no_baseline" };
  const baselineProportion = { successes: baseline.negativeReviews, trials: baseline.uniqueReviews };
  return smallestTripping(
    (more) =>
      evaluateWorsened(
        {
          recent: { successes: recent.negativeReviews + more, trials: recent.uniqueReviews + more },
          baseline: baselineProportion,
          recentPortalValue,
        },
        rule,
      ).flagged,
  );
}

/** All three distances of an evaluated seller; a seller not eligible is not judged by any rule yet. */
export function distancesToFlagRules(
  counts: DistanceCounts,
  portal: PortalValues,
  policy: PolicyParams,
  eligible: boolean,
): FlagDistances {
  if (!eligible) {
    const notEligible: RuleDistance = { status: "not_applicable", because: "not_eligible" };
    return { lowYearNegativeReviews: notEligible, lowYearComplaints: notEligible, worsened: notEligible };
  }
  return {
    lowYearNegativeReviews: distanceToLowYearByReviews(counts.year, portal.year.negativeReviewRate, policy.lowYear),
    lowYearComplaints: distanceToLowYearByComplaints(counts.year, portal.year.complaintRate, policy.lowYear),
    worsened: distanceToWorsened(counts.recent, counts.baseline, portal.recent.negativeReviewRate, policy.worsened),
  };
}

/** A rule that trips with at most CLOSE_DISTANCE more, but does not trip now. */
export function isClose(distance: RuleDistance): boolean {
  return distance.status === "reachable" && distance.more > 0 && distance.more <= CLOSE_DISTANCE;
}
