import { useFormatter, useTranslations } from "next-intl";
import type { SellerTrend, TrendMetric, TrendWindow } from "@/lib/sellers/get-seller-trend";
import { formatMetric } from "@/app/_components/metric-format";
import { TrendChart, type TrendChartPoint } from "@/app/_components/trend-chart";

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
            const points: TrendChartPoint[] = trend.points.map((point) => ({
              asOf: point.asOf.toISOString(),
              seller: point.values[window][metric].value,
              portal: point.values[window][metric].portalValue,
            }));
            const latest = points[points.length - 1]!;
            const metricName = tQuality(`metrics.${metric}`);
            const windowName = tQuality(`windows.${window}`);
            return (
              <figure className="panel trend-figure" key={`${metric}-${window}`}>
                <figcaption>
                  <span className="cell-strong">{metricName}</span> <span className="muted">· {windowName}</span>
                </figcaption>
                <TrendChart
                  metric={metric}
                  points={points}
                  sellerName={t("trendSeller")}
                  portalName={t("trendPortal")}
                  label={t("trendChartLabel", {
                    metric: metricName,
                    window: tQuality(`windowRanges.${window}`),
                    count,
                    seller: formatMetric(format, metric, latest.seller),
                    portal: formatMetric(format, metric, latest.portal),
                  })}
                />
                <details className="trend-numbers">
                  <summary>{t("trendNumbers")}</summary>
                  <table className="table table-dense">
                    <caption className="visually-hidden">{t("trendCaption", { metric: metricName, window: windowName })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("trendColumns.date")}</th>
                        <th scope="col" className="cell-number">
                          {t("trendColumns.seller")}
                        </th>
                        <th scope="col" className="cell-number">
                          {t("trendColumns.portal")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...points].reverse().map((point) => (
                        <tr key={point.asOf}>
                          <th scope="row">{format.dateTime(new Date(point.asOf), { dateStyle: "medium" })}</th>
                          <td className="cell-number">{formatMetric(format, metric, point.seller)}</td>
                          <td className="cell-number">{formatMetric(format, metric, point.portal)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </figure>
            );
          })}
        </div>
      )}
    </section>
  );
}
