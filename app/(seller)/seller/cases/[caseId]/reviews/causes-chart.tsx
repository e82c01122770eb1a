"use client";

import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from "recharts";

/**
 * The named causes as horizontal bars, most frequent first. For sighted readers; the same counts
 * are in the list beside it, so the drawing itself is one labelled image.
 */
export function CausesChart(props: { bars: { cause: string; count: number }[]; label: string }) {
  const height = 40 + props.bars.length * 32;
  return (
    // As tall as its bars (the trend charts' fixed height would let the list below run into the axis).
    <div className="trend-chart" style={{ height }} role="img" aria-label={props.label}>
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
        <BarChart
          data={props.bars}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="cause" width={130} tick={{ fontSize: 12 }} />
          <Bar dataKey="count" fill="var(--color-accent)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
