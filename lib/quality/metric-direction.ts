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
