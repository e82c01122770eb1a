import { useFormatter } from "next-intl";
import { formatMetric } from "@/app/_components/metric-format";
import { TrendChart, type TrendChartPoint } from "@/app/_components/trend-chart";
import type { SellerTrend, TrendMetric, TrendWindow } from "@/lib/sellers/get-seller-trend";

/** The words around one chart, in the reader's catalog (the desk and the seller name the lines differently). */
export type TrendFigureWords = {
  metricName: string;
  windowName: string;
  sellerName: string;
  portalName: string;
  chartLabel: string;
  numbers: string;
  caption: string;
  dateColumn: string;
  sellerColumn: string;
  portalColumn: string;
};

/** The points of one metric in one window, seller beside portal, oldest first. */
export function trendPoints(trend: SellerTrend, metric: TrendMetric, window: TrendWindow): TrendChartPoint[] {
  return trend.points.map((point) => ({
    asOf: point.asOf.toISOString(),
    seller: point.values[window][metric].value,
    portal: point.values[window][metric].portalValue,
  }));
}

/** One metric over time: the labelled chart, and the same numbers in a table for every reader. */
export function TrendFigure(props: { metric: TrendMetric; points: TrendChartPoint[]; words: TrendFigureWords }) {
  const format = useFormatter();
  const { metric, points, words } = props;
  return (
    <figure className="panel trend-figure">
      <figcaption>
        <span className="cell-strong">{words.metricName}</span> <span className="muted">· {words.windowName}</span>
      </figcaption>
      <TrendChart
        metric={metric}
        points={points}
        sellerName={words.sellerName}
        portalName={words.portalName}
        label={words.chartLabel}
      />
      <details className="trend-numbers">
        <summary>{words.numbers}</summary>
        <div className="table-wrap">
          <table className="table table-dense">
            <caption className="visually-hidden">{words.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.dateColumn}</th>
                <th scope="col" className="cell-number">
                  {words.sellerColumn}
                </th>
                <th scope="col" className="cell-number">
                  {words.portalColumn}
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
}
