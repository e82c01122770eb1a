import type { useFormatter } from "next-intl";
import { QUALITY_METRICS, type QualityMetric } from "@/lib/quality/quality-schemas";

type Formatter = ReturnType<typeof useFormatter>;

/** How each metric reads: rates as percentages, the rating with decimals, times in hours. */
const METRIC_KIND: Record<QualityMetric, "count" | "rate" | "rating" | "hours"> = {
  orders: "count",
  uniqueReviews: "count",
  negativeReviewRate: "rate",
  averageRating: "rating",
  complaintRate: "rate",
  sellerCancellationRate: "rate",
  onTimeResponseRate: "rate",
  medianResponseHours: "hours",
  medianRefundHours: "hours",
};

export function isQualityMetric(name: string): name is QualityMetric {
  return (QUALITY_METRICS as readonly string[]).includes(name);
}

export function isRateMetric(metric: QualityMetric): boolean {
  return METRIC_KIND[metric] === "rate";
}

/** A metric's value in the reader's locale; `empty` where there was nothing to measure; `extraDigits` more decimals. */
export function formatMetric(
  format: Formatter,
  metric: QualityMetric,
  value: number | null,
  empty = "—",
  extraDigits = 0,
): string {
  if (value === null) return empty;
  switch (METRIC_KIND[metric]) {
    case "rate":
      return format.number(value, { style: "percent", maximumFractionDigits: 1 + extraDigits });
    case "rating":
      return format.number(value, { minimumFractionDigits: 1, maximumFractionDigits: 2 + extraDigits });
    case "hours":
      return format.number(value, { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 + extraDigits });
    case "count":
      return format.number(value);
  }
}

/**
 * A value and the portal's, with as many more decimals (up to two) as it takes for two different
 * numbers not to read the same: a value marked worse than the portal's never reads equal to it.
 */
export function formatMetricBeside(
  format: Formatter,
  metric: QualityMetric,
  value: number | null,
  portalValue: number | null,
): { own: string; portal: string } {
  for (let extraDigits = 0; ; extraDigits++) {
    const own = formatMetric(format, metric, value, "—", extraDigits);
    const portal = formatMetric(format, metric, portalValue, "—", extraDigits);
    if (own !== portal || value === portalValue || extraDigits === 2) return { own, portal };
  }
}
