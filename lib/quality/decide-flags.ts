import type { FlagCode, QualityWindow } from "@/db/enums";
import { evaluateLowYear, evaluateWorsened } from "./flag-rules";
import type { PolicyParams } from "./policy";
import { wilsonInterval, zForConfidence } from "./statistics";

/** The counts an eligible seller's verdict is decided on (from seller_metrics). */
export type FlagCandidate = {
  sellerId: number;
  year: { orders: number; uniqueReviews: number; negativeReviews: number; complaints: number };
  recent: { uniqueReviews: number; negativeReviews: number };
  baseline: { uniqueReviews: number; negativeReviews: number };
};

export type PortalValues = {
  year: { negativeReviewRate: number | null; complaintRate: number | null };
  recent: { negativeReviewRate: number | null };
};

/** Why a seller is flagged, in numbers a moderator and the seller can both read. */
export type FlagReasonInput = {
  code: FlagCode;
  metric: "negativeReviewRate" | "complaintRate";
  window: QualityWindow;
  value: number;
  intervalLow: number | null;
  intervalHigh: number | null;
  portalValue: number;
  rule: string;
  threshold: number;
  details: Record<string, unknown>;
};

export type FlagDecision = { sellerId: number; reasons: FlagReasonInput[] };

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * SPEC's flagging rules for eligible sellers without an active case: LOW_YEAR (the lower end of
 * the 95% Wilson interval of the negative-review rate, and of the complaint rate, over the year
 * above max(2 × portal, portal + 0.03)) and WORSENED (recent negative-review rate above the
 * seller's own baseline at z ≥ 2.33, and above the portal's recent value). Pure: the counts come
 * from the database, the verdicts from here.
 */
export function decideFlags(candidates: readonly FlagCandidate[], portal: PortalValues, policy: PolicyParams): FlagDecision[] {
  const decisions: FlagDecision[] = [];
  for (const candidate of candidates) {
    const reasons = [
      lowYearReason(
        "negativeReviewRate",
        candidate.year.negativeReviews,
        candidate.year.uniqueReviews,
        portal.year.negativeReviewRate,
        policy,
      ),
      lowYearReason("complaintRate", candidate.year.complaints, candidate.year.orders, portal.year.complaintRate, policy),
      worsenedReason(candidate, portal.recent.negativeReviewRate, policy),
    ].filter((reason): reason is FlagReasonInput => reason !== null);
    if (reasons.length > 0) decisions.push({ sellerId: candidate.sellerId, reasons });
  }
  return decisions;
}

function lowYearReason(
  metric: FlagReasonInput["metric"],
  successes: number,
  trials: number,
  portalValue: number | null,
  policy: PolicyParams,
): FlagReasonInput | null {
  const verdict = evaluateLowYear({ successes, trials, portalValue }, policy.lowYear);
  if (!verdict.flagged || portalValue === null || verdict.interval === null || verdict.threshold === null) return null;
  const { multiplier, margin, confidence } = policy.lowYear;
  return {
    code: "LOW_YEAR",
    metric,
    window: "year",
    value: Math.min(successes, trials) / trials,
    intervalLow: verdict.interval.low,
    intervalHigh: verdict.interval.high,
    portalValue,
    rule: `lower end of the ${percent(confidence)} Wilson interval > max(${multiplier} × portal value, portal value + ${margin})`,
    threshold: verdict.threshold,
    details: { successes, trials, confidence },
  };
}

function worsenedReason(candidate: FlagCandidate, portalValue: number | null, policy: PolicyParams): FlagReasonInput | null {
  const recent = { successes: candidate.recent.negativeReviews, trials: candidate.recent.uniqueReviews };
  const baseline = { successes: candidate.baseline.negativeReviews, trials: candidate.baseline.uniqueReviews };
  const verdict = evaluateWorsened({ recent, baseline, recentPortalValue: portalValue }, policy.worsened);
  if (!verdict.flagged || portalValue === null || verdict.recentRate === null) return null;
  const interval = wilsonInterval(recent.successes, recent.trials, zForConfidence(policy.lowYear.confidence));
  return {
    code: "WORSENED",
    metric: "negativeReviewRate",
    window: "recent",
    value: verdict.recentRate,
    intervalLow: interval?.low ?? null,
    intervalHigh: interval?.high ?? null,
    portalValue,
    rule: `one-sided two-proportion z-test, recent against the seller's baseline, z ≥ ${policy.worsened.minZ}, at least ${policy.worsened.minRecentReviews} recent unique reviews, and above the portal value`,
    threshold: policy.worsened.minZ,
    details: {
      z: verdict.z,
      recent: { ...recent, rate: verdict.recentRate },
      baseline: { ...baseline, rate: verdict.baselineRate },
    },
  };
}
