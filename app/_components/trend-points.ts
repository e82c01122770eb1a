import type { TrendChartPoint } from "@/app/_components/trend-chart";
import type { SellerTrend, TrendMetric, TrendWindow } from "@/lib/sellers/get-seller-trend";

/** The points of one metric in one window, seller beside portal, oldest first: all a trend figure is sent. */
export function trendPoints(trend: SellerTrend, metric: TrendMetric, window: TrendWindow): TrendChartPoint[] {
  return trend.points.map((point) => ({
    asOf: point.asOf.toISOString(),
    seller: point.values[window][metric].value,
    portal: point.values[window][metric].portalValue,
  }));
}
