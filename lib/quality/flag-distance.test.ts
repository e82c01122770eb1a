import { describe, expect, test } from "vitest";
import {
  DISTANCE_SEARCH_LIMIT,
  distancesToFlagRules,
  distanceToLowYearByComplaints,
  distanceToLowYearByReviews,
  distanceToWorsened,
  isClose,
  type RuleDistance,
} from "@/lib/quality/flag-distance";
import { evaluateLowYear, evaluateWorsened } from "@/lib/quality/flag-rules";
import { DEFAULT_POLICY } from "@/lib/quality/policy";

const LOW_YEAR = DEFAULT_POLICY.lowYear;
const WORSENED = DEFAULT_POLICY.worsened;

function moreOf(distance: RuleDistance): number {
  if (distance.status !== "reachable") throw new Error(`expected a reachable rule, got ${JSON.stringify(distance)}`);
  return distance.more;
}

describe("LOW_YEAR by negative reviews: each one adds to the negatives and to the unique reviews", () => {
  test("15 of 100 against a portal of 5%: the distance k trips the rule and k − 1 does not", () => {
    // 15/100 has a Wilson low end of 9.3%, just under the 10% bar.
    const k = moreOf(distanceToLowYearByReviews({ uniqueReviews: 100, negativeReviews: 15 }, 0.05, LOW_YEAR));
    expect(k).toBeGreaterThan(0);
    expect(evaluateLowYear({ successes: 15 + k, trials: 100 + k, portalValue: 0.05 }, LOW_YEAR).flagged).toBe(true);
    expect(evaluateLowYear({ successes: 15 + k - 1, trials: 100 + k - 1, portalValue: 0.05 }, LOW_YEAR).flagged).toBe(false);
    // Counting the new review in the trials matters: adding to the negatives alone would trip sooner or equally.
    expect(evaluateLowYear({ successes: 15 + k - 1, trials: 100, portalValue: 0.05 }, LOW_YEAR).flagged).toBe(true);
  });

  test("already flagged: 30 of 100 against 5% is 0 more", () => {
    expect(distanceToLowYearByReviews({ uniqueReviews: 100, negativeReviews: 30 }, 0.05, LOW_YEAR)).toEqual({
      status: "reachable",
      more: 0,
    });
  });

  test("no portal value (no eligible seller): the rule cannot judge", () => {
    expect(distanceToLowYearByReviews({ uniqueReviews: 100, negativeReviews: 30 }, null, LOW_YEAR)).toEqual({
      status: "not_applicable",
      because: "no_portal_value",
    });
  });

  test("a huge clean shop is far: more than the search limit would be needed", () => {
    const distance = distanceToLowYearByReviews({ uniqueReviews: 100_000, negativeReviews: 0 }, 0.05, LOW_YEAR);
    expect(distance).toEqual({ status: "far" });
    // And indeed the limit itself does not trip it.
    const atLimit = { successes: DISTANCE_SEARCH_LIMIT, trials: 100_000 + DISTANCE_SEARCH_LIMIT, portalValue: 0.05 };
    expect(evaluateLowYear(atLimit, LOW_YEAR).flagged).toBe(false);
  });
});

describe("LOW_YEAR by complaints: a complaint adds to the complaints only", () => {
  test("2 complaints on 60 orders against a portal of 2%: k trips, k − 1 does not", () => {
    const k = moreOf(distanceToLowYearByComplaints({ orders: 60, complaints: 2 }, 0.02, LOW_YEAR));
    expect(k).toBeGreaterThan(0);
    expect(evaluateLowYear({ successes: 2 + k, trials: 60, portalValue: 0.02 }, LOW_YEAR).flagged).toBe(true);
    expect(evaluateLowYear({ successes: 2 + k - 1, trials: 60, portalValue: 0.02 }, LOW_YEAR).flagged).toBe(false);
  });

  test("no orders: complaints alone can never make a rate, so the rule is far", () => {
    expect(distanceToLowYearByComplaints({ orders: 0, complaints: 0 }, 0.02, LOW_YEAR)).toEqual({ status: "far" });
  });
});

describe("WORSENED: recent against the seller's own baseline", () => {
  const baseline = { uniqueReviews: 100, negativeReviews: 5 };

  test("1 of 4 recent reviews: the minimum of 5 recent reviews counts too, k trips and k − 1 does not", () => {
    const k = moreOf(distanceToWorsened({ uniqueReviews: 4, negativeReviews: 1 }, baseline, 0.05, WORSENED));
    const verdict = (more: number) =>
      evaluateWorsened(
        {
          recent: { successes: 1 + more, trials: 4 + more },
          baseline: { successes: 5, trials: 100 },
          recentPortalValue: 0.05,
        },
        WORSENED,
      );
    expect(verdict(k).flagged).toBe(true);
    expect(verdict(k - 1).flagged).toBe(false);
    expect(4 + k).toBeGreaterThanOrEqual(WORSENED.minRecentReviews);
  });

  test("where the z-test alone would pass, too few recent reviews still keep it from tripping", () => {
    // 2 of 2 recent against 5 of 100: z is high, but 2 reviews are fewer than 5.
    expect(
      evaluateWorsened(
        { recent: { successes: 2, trials: 2 }, baseline: { successes: 5, trials: 100 }, recentPortalValue: 0.05 },
        WORSENED,
      ).flagged,
    ).toBe(false);
    const k = moreOf(distanceToWorsened({ uniqueReviews: 2, negativeReviews: 2 }, baseline, 0.05, WORSENED));
    expect(k).toBe(WORSENED.minRecentReviews - 2);
  });

  test("no baseline reviews: there is nothing to have worsened from", () => {
    expect(
      distanceToWorsened({ uniqueReviews: 10, negativeReviews: 9 }, { uniqueReviews: 0, negativeReviews: 0 }, 0.05, WORSENED),
    ).toEqual({ status: "not_applicable", because: "no_baseline" });
  });

  test("already worsened: 0 more", () => {
    expect(distanceToWorsened({ uniqueReviews: 12, negativeReviews: 7 }, baseline, 0.05, WORSENED)).toEqual({
      status: "reachable",
      more: 0,
    });
  });

  test("no recent portal value", () => {
    expect(distanceToWorsened({ uniqueReviews: 12, negativeReviews: 7 }, baseline, null, WORSENED)).toEqual({
      status: "not_applicable",
      because: "no_portal_value",
    });
  });
});

describe("all three, and what counts as close", () => {
  const counts = {
    year: { orders: 200, uniqueReviews: 100, negativeReviews: 15, complaints: 2 },
    recent: { uniqueReviews: 20, negativeReviews: 3 },
    baseline: { uniqueReviews: 80, negativeReviews: 12 },
  };
  const portal = { year: { negativeReviewRate: 0.05, complaintRate: 0.02 }, recent: { negativeReviewRate: 0.05 } };

  test("a seller who is not eligible is judged by no rule", () => {
    const distances = distancesToFlagRules(counts, portal, DEFAULT_POLICY, false);
    for (const distance of Object.values(distances))
      expect(distance).toEqual({ status: "not_applicable", because: "not_eligible" });
  });

  test("an eligible seller gets each rule's own distance", () => {
    const distances = distancesToFlagRules(counts, portal, DEFAULT_POLICY, true);
    expect(distances.lowYearNegativeReviews).toEqual(distanceToLowYearByReviews(counts.year, 0.05, LOW_YEAR));
    expect(distances.lowYearComplaints).toEqual(distanceToLowYearByComplaints(counts.year, 0.02, LOW_YEAR));
    expect(distances.worsened).toEqual(distanceToWorsened(counts.recent, counts.baseline, 0.05, WORSENED));
  });

  test("close means 1 to 3 more; tripping already or far is not a warning", () => {
    expect(isClose({ status: "reachable", more: 3 })).toBe(true);
    expect(isClose({ status: "reachable", more: 1 })).toBe(true);
    expect(isClose({ status: "reachable", more: 4 })).toBe(false);
    expect(isClose({ status: "reachable", more: 0 })).toBe(false);
    expect(isClose({ status: "far" })).toBe(false);
  });
});
