import type { PolicyParams } from "@/lib/quality/policy";
import {
  type Interval,
  type Proportion,
  lowYearThreshold,
  twoProportionZ,
  wilsonInterval,
  zForConfidence,
} from "@/lib/quality/statistics";

export type LowYearInput = {
  /** Negative reviews (or complaints) in the year window. */
  successes: number;
  /** Unique reviews (or orders) in the year window. */
  trials: number;
  /** The median over eligible sellers; null when no seller is eligible. */
  portalValue: number | null;
};

export type LowYearResult = { flagged: boolean; interval: Interval | null; threshold: number | null };

/**
 * LOW_YEAR: statistically, not just apparently, worse than the portal over the year. Flagged when the
 * lower end of the Wilson interval is above max(multiplier × portal, portal + margin).
 */
export function evaluateLowYear(input: LowYearInput, rule: PolicyParams["lowYear"]): LowYearResult {
  // A seller can collect more complaints than orders; the rate cannot go above 1.
  const successes = Math.min(input.successes, input.trials);
  const interval = input.trials > 0 ? wilsonInterval(successes, input.trials, zForConfidence(rule.confidence)) : null;
  const threshold = input.portalValue === null ? null : lowYearThreshold(input.portalValue, rule.multiplier, rule.margin);
  const flagged = interval !== null && threshold !== null && interval.low > threshold;
  return { flagged, interval, threshold };
}

export type WorsenedInput = {
  recent: Proportion;
  baseline: Proportion;
  /** The portal value of the recent window; null when no seller is eligible. */
  recentPortalValue: number | null;
};

export type WorsenedResult = {
  flagged: boolean;
  z: number | null;
  recentRate: number | null;
  baselineRate: number | null;
};

const rateOf = ({ successes, trials }: Proportion) => (trials > 0 ? successes / trials : null);

/**
 * WORSENED: enough recent reviews, a recent rate above the seller's own baseline by the one-sided
 * z-test, and above the portal's recent value too. A seller without baseline reviews has nothing to
 * have worsened from (z is null), so is not flagged.
 */
export function evaluateWorsened(input: WorsenedInput, rule: PolicyParams["worsened"]): WorsenedResult {
  const z = twoProportionZ(input.recent, input.baseline);
  const recentRate = rateOf(input.recent);
  const baselineRate = rateOf(input.baseline);
  const flagged =
    input.recent.trials >= rule.minRecentReviews &&
    z !== null &&
    z >= rule.minZ &&
    recentRate !== null &&
    input.recentPortalValue !== null &&
    recentRate > input.recentPortalValue;
  return { flagged, z, recentRate, baselineRate };
}
