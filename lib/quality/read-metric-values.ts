import { QUALITY_METRIC_COLUMNS } from "./evaluation-sql";
import type { MetricValue, QualityMetric } from "./quality-schemas";

/** A stored row as JSON (`to_jsonb(seller_metrics)`, `portal_metrics.values`); null when there is none. */
type JsonRow = Record<string, unknown> | null | undefined;

/**
 * The seller's value beside the portal's for each of `metrics`, from a seller_metrics row (keyed by
 * column) and a portal_metrics `values` object (keyed by metric name). Missing rows give nulls.
 */
export function readMetricValues<M extends QualityMetric>(
  metrics: readonly M[],
  own: JsonRow,
  portal: JsonRow,
): Record<M, MetricValue> {
  return Object.fromEntries(
    metrics.map((metric) => [
      metric,
      { value: toNumber(own?.[QUALITY_METRIC_COLUMNS[metric]]), portalValue: toNumber(portal?.[metric]) },
    ]),
  ) as Record<M, MetricValue>;
}

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
