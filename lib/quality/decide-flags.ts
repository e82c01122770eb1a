import type { FlagCode, QualityWindow } from "@/db/enums";
import { evaluateLowYear, evaluateWorsened } from "./flag-rules";
import type { PolicyParams } from "./policy";
import { normalQuantile, wilsonInterval, zForConfidence } from "./statistics";

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

/** A test Benjamini–Hochberg rejected, by `sellerId:code:metric` (lib/quality/compute-flags.ts). */
export type FdrRejection = { pValue: number; threshold: number; q: number; tests: number };
export type FdrRejections = Map<string, FdrRejection>;

const percent = (value: number) => `${Math.round(value * 1000) / 10}%`;

/**
 * SPEC's flagging rules for eligible sellers without an active case: LOW_YEAR (the lower end of
 * the 95% Wilson interval of the negative-review rate, and of the complaint rate, over the year
 * above max(2 × portal, portal + 0.03)) and WORSENED (recent negative-review rate above the
 * seller's own baseline at z ≥ 2.33, and above the portal's recent value). Pure: the counts come
 * from the database, the verdicts from here.
 *
 * With the policy's FDR control on (`fdr` given: the tests Benjamini–Hochberg rejected), a rule's
 * statistical test is "its test was rejected" instead of the Wilson bound or z ≥ minZ; the rule's
 * other conditions (enough recent reviews, above the portal value) still apply.
 */
export function decideFlags(
  candidates: readonly FlagCandidate[],
  portal: PortalValues,
  policy: PolicyParams,
  fdr?: FdrRejections,
): FlagDecision[] {
  const decisions: FlagDecision[] = [];
  for (const candidate of candidates) {
    const reasons = [
      lowYearReason(
        "negativeReviewRate",
        candidate.year.negativeReviews,
        candidate.year.uniqueReviews,
        portal.year.negativeReviewRate,
        policy,
        fdr && (fdr.get(`${candidate.sellerId}:LOW_YEAR:negativeReviewRate`) ?? null),
      ),
      lowYearReason(
        "complaintRate",
        candidate.year.complaints,
        candidate.year.orders,
        portal.year.complaintRate,
        policy,
        fdr && (fdr.get(`${candidate.sellerId}:LOW_YEAR:complaintRate`) ?? null),
      ),
      worsenedReason(
        candidate,
        portal.recent.negativeReviewRate,
        policy,
        fdr && (fdr.get(`${candidate.sellerId}:WORSENED:negativeReviewRate`) ?? null),
      ),
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
  /** undefined: FDR control off; null: on, and this test was not rejected. */
  rejection: FdrRejection | null | undefined,
): FlagReasonInput | null {
  const verdict = evaluateLowYear({ successes, trials, portalValue }, policy.lowYear);
  const flagged = rejection === undefined ? verdict.flagged : rejection !== null;
  if (!flagged || portalValue === null || verdict.interval === null || verdict.threshold === null) return null;
  const { multiplier, margin, confidence } = policy.lowYear;
  const bar = `max(${multiplier} × portal value, portal value + ${margin})`;
  return {
    code: "LOW_YEAR",
    metric,
    window: "year",
    value: Math.min(successes, trials) / trials,
    intervalLow: verdict.interval.low,
    intervalHigh: verdict.interval.high,
    portalValue,
    rule: rejection
      ? `one-sided test that the rate exceeds ${bar}, rejected by Benjamini–Hochberg at q = ${rejection.q}`
      : `lower end of the ${percent(confidence)} Wilson interval > ${bar}`,
    threshold: verdict.threshold,
    details: { successes, trials, confidence, ...(rejection ? fdrDetails(rejection) : {}) },
  };
}

/** What a moderator and the seller read of a rejected test: its p-value against the week's threshold. */
const fdrDetails = (rejection: FdrRejection) => ({
  pValue: rejection.pValue,
  bhThreshold: rejection.threshold,
  fdrQ: rejection.q,
  fdrTests: rejection.tests,
});

function worsenedReason(
  candidate: FlagCandidate,
  portalValue: number | null,
  policy: PolicyParams,
  rejection: FdrRejection | null | undefined,
): FlagReasonInput | null {
  const recent = { successes: candidate.recent.negativeReviews, trials: candidate.recent.uniqueReviews };
  const baseline = { successes: candidate.baseline.negativeReviews, trials: candidate.baseline.uniqueReviews };
  // Under FDR control the z-test's bar is the week's Benjamini–Hochberg threshold, not minZ.
  const rule = rejection === undefined ? policy.worsened : { ...policy.worsened, minZ: Number.NEGATIVE_INFINITY };
  const verdict = evaluateWorsened({ recent, baseline, recentPortalValue: portalValue }, rule);
  const flagged = verdict.flagged && rejection !== null;
  if (!flagged || portalValue === null || verdict.recentRate === null) return null;
  const interval = wilsonInterval(recent.successes, recent.trials, zForConfidence(policy.lowYear.confidence));
  const test = rejection ? `rejected by Benjamini–Hochberg at q = ${rejection.q}` : `z ≥ ${policy.worsened.minZ}`;
  return {
    code: "WORSENED",
    metric: "negativeReviewRate",
    window: "recent",
    value: verdict.recentRate,
    intervalLow: interval?.low ?? null,
    intervalHigh: interval?.high ?? null,
    portalValue,
    rule: `one-sided two-proportion z-test, recent against the seller's baseline, ${test}, at least ${policy.worsened.minRecentReviews} recent unique reviews, and above the portal value`,
    // Under FDR control, the bar on z's scale: the z whose one-sided p-value is the week's threshold, 1 − Φ(z) = threshold.
    threshold: rejection ? normalQuantile(1 - rejection.threshold) : policy.worsened.minZ,
    details: {
      z: verdict.z,
      recent: { ...recent, rate: verdict.recentRate },
      baseline: { ...baseline, rate: verdict.baselineRate },
      ...(rejection ? fdrDetails(rejection) : {}),
    },
  };
}
