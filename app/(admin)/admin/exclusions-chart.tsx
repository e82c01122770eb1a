"use client";

import { useInBrowser } from "@/app/_components/use-in-browser";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ExclusionsChartWeek = { label: string; exclusions: number; reinstatements: number };

/**
 * Exclusions and reinstatements per week, as bars. For sighted readers; the label says the same
 * numbers and the table below the figure lists them, so the drawing itself is one labelled image.
 * Drawn in the browser only: the server sends the labelled box of the same size.
 */
export function ExclusionsChart(props: {
  weeks: ExclusionsChartWeek[];
  label: string;
  exclusionsName: string;
  reinstatementsName: string;
}) {
  const inBrowser = useInBrowser();
  return (
    <div className="trend-chart" role="img" aria-label={props.label}>
      {inBrowser && (
        <ResponsiveContainer width="100%" height={220} initialDimension={{ width: 480, height: 220 }}>
          <BarChart data={props.weeks} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={8} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="exclusions" name={props.exclusionsName} fill="var(--color-danger)" isAnimationActive={false} />
            <Bar dataKey="reinstatements" name={props.reinstatementsName} fill="var(--color-accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
}
