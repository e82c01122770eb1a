"use client";

import { useFormatter } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendMetric } from "@/lib/sellers/get-seller-trend";
import { formatMetric, isRateMetric } from "@/app/_components/metric-format";
import { useInBrowser } from "@/app/_components/use-in-browser";

export type TrendChartPoint = { asOf: string; seller: number | null; portal: number | null };

/**
 * The seller's value against the portal's per evaluation, as lines. For sighted readers; the same
 * numbers are in the table beside it, so the drawing itself is one labelled image. Drawn in the
 * browser only: the server sends the labelled box of the same size (a chart measures its box
 * before it draws, so the server had nothing to draw, only the library's work to do per request).
 */
export function TrendChart(props: {
  metric: TrendMetric;
  points: TrendChartPoint[];
  label: string;
  sellerName: string;
  portalName: string;
}) {
  const format = useFormatter();
  const formatDate = (asOf: string) => format.dateTime(new Date(asOf), { day: "numeric", month: "short" });
  const formatValue = (value: unknown) => (typeof value === "number" ? formatMetric(format, props.metric, value) : "—");
  const domain: [number, number | "auto"] = props.metric === "averageRating" ? [1, 5] : [0, "auto"];
  const inBrowser = useInBrowser();

  return (
    <div className="trend-chart" role="img" aria-label={props.label}>
      {inBrowser && (
        <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 480, height: 220 }}>
          <LineChart data={props.points} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
            <XAxis dataKey="asOf" tickFormatter={formatDate} tick={{ fontSize: 12 }} minTickGap={16} />
            <YAxis
              domain={domain}
              tickFormatter={(value: number) =>
                isRateMetric(props.metric)
                  ? format.number(value, { style: "percent", maximumFractionDigits: 1 })
                  : formatValue(value)
              }
              tick={{ fontSize: 12 }}
              width={56}
            />
            <Tooltip formatter={formatValue} labelFormatter={(asOf) => formatDate(String(asOf))} />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Line
              type="monotone"
              dataKey="seller"
              name={props.sellerName}
              stroke="var(--color-accent)"
              strokeWidth={2}
              dot={{ r: 2 }}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="portal"
              name={props.portalName}
              stroke="var(--color-text-muted)"
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
