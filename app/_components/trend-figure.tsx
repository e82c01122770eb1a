"use client";

import { useFormatter } from "next-intl";
import { useState } from "react";
import { formatMetricBeside } from "@/app/_components/metric-format";
import { TrendChart, type TrendChartPoint } from "@/app/_components/trend-chart";
import type { TrendMetric } from "@/lib/sellers/get-seller-trend";

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

/**
 * One metric over time: the labelled chart, and the same numbers in a table for every reader. The
 * page sends only the points and the words; the chart is drawn in the browser, and the table when
 * its reader opens it (a closed table is rows nobody reads, rendered on every request).
 */
export function TrendFigure(props: { metric: TrendMetric; points: TrendChartPoint[]; words: TrendFigureWords }) {
  const format = useFormatter();
  const [numbersOpen, setNumbersOpen] = useState(false);
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
      <details className="trend-numbers" onToggle={(event) => setNumbersOpen(event.currentTarget.open)}>
        <summary>{words.numbers}</summary>
        {numbersOpen && (
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
                {[...points].reverse().map((point) => {
                  const shown = formatMetricBeside(format, metric, point.seller, point.portal);
                  return (
                    <tr key={point.asOf}>
                      <th scope="row">{format.dateTime(new Date(point.asOf), { dateStyle: "medium" })}</th>
                      <td className="cell-number">{shown.own}</td>
                      <td className="cell-number">{shown.portal}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </details>
    </figure>
  );
}
