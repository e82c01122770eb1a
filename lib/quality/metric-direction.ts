import type { QualityMetric } from "./quality-schemas";

/**
 * Which way a metric gets worse: up for rates of bad things and waiting times, down for ratings
 * and on-time answers. Volumes (orders, reviews) are neither better nor worse.
 */
export const METRIC_WORSE_WHEN: Record<QualityMetric, "higher" | "lower" | null> = {
  orders: null,
  uniqueReviews: null,
  negativeReviewRate: "higher",
  averageRating: "lower",
  complaintRate: "higher",
  sellerCancellationRate: "higher",
  onTimeResponseRate: "lower",
  medianResponseHours: "higher",
  medianRefundHours: "higher",
};

/** The seller's value is worse than the portal's (false when either is missing, or for volumes). */
export function isWorseThanPortal(metric: QualityMetric, value: number | null, portalValue: number | null): boolean {
  const worseWhen = METRIC_WORSE_WHEN[metric];
  if (worseWhen === null || value === null || portalValue === null) return false;
  return worseWhen === "higher" ? value > portalValue : value < portalValue;
}

/** The arrow beside a seller's value: which way it lies from the portal's, not whether that is bad. */
export const DIRECTION_ARROW = { higher: "▲", lower: "▼" } as const;

/**
 * How a seller's value stands against the portal's: which side of it (`higher`/`lower`, null when
 * equal or missing) and whether that side is the worse one for this metric. An average rating of
 * 3.06 against 4.28 is lower, and worse.
 */
export function compareWithPortal(
  metric: QualityMetric,
  value: number | null,
  portalValue: number | null,
): { side: "higher" | "lower" | null; isWorse: boolean } {
  const side = value === null || portalValue === null || value === portalValue ? null : value > portalValue ? "higher" : "lower";
  return { side, isWorse: isWorseThanPortal(metric, value, portalValue) };
}
