import { useFormatter, useTranslations } from "next-intl";
import { formatMetricBeside } from "@/app/_components/metric-format";
import { TrendFigure } from "@/app/_components/trend-figure";
import { trendPoints } from "@/app/_components/trend-points";
import type { SellerTrend, TrendMetric, TrendWindow } from "@/lib/sellers/get-seller-trend";

/** The two rates the rules look at most, over time: negative reviews over the year and lately. */
const STANDING_CHARTS: readonly { metric: TrendMetric; window: TrendWindow }[] = [
  { metric: "negativeReviewRate", window: "year" },
  { metric: "negativeReviewRate", window: "recent" },
  { metric: "complaintRate", window: "year" },
];

/** The seller's own trend beside the portal, a chart per rate with its numbers in a table. */
export function StandingTrend({ trend }: { trend: SellerTrend }) {
  const t = useTranslations("standing");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const count = trend.points.length;
  if (count === 0) return null;

  return (
    <section aria-labelledby="trend-heading" className="section">
      <div className="section-heading">
        <h2 id="trend-heading">{t("trendHeading")}</h2>
        <p className="muted">{t("trendIntro", { count })}</p>
      </div>
      <div className="trend-grid">
        {STANDING_CHARTS.map(({ metric, window }) => {
          const points = trendPoints(trend, metric, window);
          const latest = points[points.length - 1]!;
          const metricName = tQuality(`metrics.${metric}`);
          const windowRange = tQuality(`windowRanges.${window}`);
          return (
            <TrendFigure
              key={`${metric}-${window}`}
              metric={metric}
              points={points}
              words={{
                metricName,
                windowName: windowRange,
                sellerName: t("trendYou"),
                portalName: t("trendPortal"),
                chartLabel: t("trendChartLabel", {
                  metric: metricName,
                  window: windowRange,
                  count,
                  seller: formatMetricBeside(format, metric, latest.seller, latest.portal).own,
                  portal: formatMetricBeside(format, metric, latest.seller, latest.portal).portal,
                }),
                numbers: t("trendNumbers"),
                caption: t("trendCaption", { metric: metricName, window: windowRange }),
                dateColumn: t("trendColumns.date"),
                sellerColumn: t("trendColumns.you"),
                portalColumn: t("trendColumns.portal"),
              }}
            />
          );
        })}
      </div>
    </section>
  );
}
