"use client";

import { useFormatter } from "next-intl";
import { WINDOWS } from "@/db/enums";
import { formatMetricBeside } from "@/app/_components/metric-format";
import { compareWithPortal, DIRECTION_ARROW } from "@/lib/quality/metric-direction";
import { QUALITY_METRICS, type QualityMetric, type SellerQuality } from "@/lib/quality/quality-schemas";

/** The words of the tables, in the reader's catalog, so the page sends words and numbers rather than rendered rows. */
export type MetricTableWords = {
  metrics: Record<QualityMetric, string>;
  windows: Record<(typeof WINDOWS)[number], { name: string; range: string; caption: string }>;
  columns: { metric: string; own: string; portal: string };
  worseSide: { higher: string; lower: string };
};

/** A small table per window: each metric beside the portal's, a worse value marked in words too. */
export function MetricWindowTables({ metrics, words }: { metrics: SellerQuality["metrics"]; words: MetricTableWords }) {
  const format = useFormatter();
  return (
    <div className="metric-tables">
      {WINDOWS.map((window) => (
        <div className="table-wrap" key={window}>
          <table className="table table-dense">
            <caption className="table-caption">
              <span className="cell-strong">{words.windows[window].name}</span>{" "}
              <span className="muted">{words.windows[window].range}</span>
              <span className="visually-hidden">{words.windows[window].caption}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{words.columns.metric}</th>
                <th scope="col" className="cell-number">
                  {words.columns.own}
                </th>
                <th scope="col" className="cell-number">
                  {words.columns.portal}
                </th>
              </tr>
            </thead>
            <tbody>
              {QUALITY_METRICS.map((metric) => {
                const { value, portalValue } = metrics[window][metric];
                const { side, isWorse } = compareWithPortal(metric, value, portalValue);
                const shown = formatMetricBeside(format, metric, value, portalValue);
                return (
                  <tr key={metric} className={isWorse ? "row-worse" : undefined}>
                    <th scope="row">{words.metrics[metric]}</th>
                    <td className="cell-number cell-nowrap">
                      {isWorse && side && (
                        <span className="worse-mark" aria-hidden="true" data-side={side}>
                          {DIRECTION_ARROW[side]}{" "}
                        </span>
                      )}
                      <span className={isWorse ? "cell-strong worse-value" : undefined}>{shown.own}</span>
                      {isWorse && side && <span className="visually-hidden"> ({words.worseSide[side]})</span>}
                    </td>
                    <td className="cell-number">{shown.portal}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
