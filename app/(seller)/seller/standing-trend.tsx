import { useFormatter, useTranslations } from "next-intl";
import { formatMetric } from "@/app/_components/metric-format";
import { TrendChart, type TrendChartPoint } from "@/app/_components/trend-chart";
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
          const points: TrendChartPoint[] = trend.points.map((point) => ({
            asOf: point.asOf.toISOString(),
            seller: point.values[window][metric].value,
            portal: point.values[window][metric].portalValue,
          }));
          const latest = points[points.length - 1]!;
          const metricName = tQuality(`metrics.${metric}`);
          const windowRange = tQuality(`windowRanges.${window}`);
          return (
            <figure className="panel trend-figure" key={`${metric}-${window}`}>
              <figcaption>
                <span className="cell-strong">{metricName}</span> <span className="muted">· {windowRange}</span>
              </figcaption>
              <TrendChart
                metric={metric}
                points={points}
                sellerName={t("trendYou")}
                portalName={t("trendPortal")}
                label={t("trendChartLabel", {
                  metric: metricName,
                  window: windowRange,
                  count,
                  seller: formatMetric(format, metric, latest.seller),
                  portal: formatMetric(format, metric, latest.portal),
                })}
              />
              <details className="trend-numbers">
                <summary>{t("trendNumbers")}</summary>
                <div className="table-wrap">
                  <table className="table table-dense">
                    <caption className="visually-hidden">
                      {t("trendCaption", { metric: metricName, window: windowRange })}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("trendColumns.date")}</th>
                        <th scope="col" className="cell-number">
                          {t("trendColumns.you")}
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
                </div>
              </details>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
