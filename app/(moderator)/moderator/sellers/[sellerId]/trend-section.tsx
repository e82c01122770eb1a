import { useFormatter, useTranslations } from "next-intl";
import type { SellerTrend, TrendMetric, TrendWindow } from "@/lib/sellers/get-seller-trend";
import { formatMetricBeside } from "@/app/_components/metric-format";
import { TrendFigure } from "@/app/_components/trend-figure";
import { trendPoints } from "@/app/_components/trend-points";

/** What is worth following over time: the negative-review rate over the year and recently, complaints, rating, answers. */
const TREND_CHARTS: readonly { metric: TrendMetric; window: TrendWindow }[] = [
  { metric: "negativeReviewRate", window: "year" },
  { metric: "negativeReviewRate", window: "recent" },
  { metric: "complaintRate", window: "year" },
  { metric: "averageRating", window: "year" },
  { metric: "onTimeResponseRate", window: "messages" },
];

/** A line chart per metric of the seller against the portal, each with its numbers in a table. */
export function TrendSection({ trend }: { trend: SellerTrend }) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const count = trend.points.length;

  return (
    <section aria-labelledby="trend-heading" className="section">
      <div className="section-heading">
        <h2 id="trend-heading">{t("trendHeading")}</h2>
        {count > 0 && <p className="muted">{t("trendIntro", { count })}</p>}
      </div>
      {count === 0 ? (
        <p className="empty">{t("trendNone")}</p>
      ) : (
        <div className="trend-grid">
          {TREND_CHARTS.map(({ metric, window }) => {
            const points = trendPoints(trend, metric, window);
            const latest = points[points.length - 1]!;
            const metricName = tQuality(`metrics.${metric}`);
            const windowName = tQuality(`windows.${window}`);
            return (
              <TrendFigure
                key={`${metric}-${window}`}
                metric={metric}
                points={points}
                words={{
                  metricName,
                  windowName,
                  sellerName: t("trendSeller"),
                  portalName: t("trendPortal"),
                  chartLabel: t("trendChartLabel", {
                    metric: metricName,
                    window: tQuality(`windowRanges.${window}`),
                    count,
                    seller: formatMetricBeside(format, metric, latest.seller, latest.portal).own,
                    portal: formatMetricBeside(format, metric, latest.seller, latest.portal).portal,
                  }),
                  numbers: t("trendNumbers"),
                  caption: t("trendCaption", { metric: metricName, window: windowName }),
                  dateColumn: t("trendColumns.date"),
                  sellerColumn: t("trendColumns.seller"),
                  portalColumn: t("trendColumns.portal"),
                }}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}
