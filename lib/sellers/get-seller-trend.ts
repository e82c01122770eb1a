import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { QualityWindow } from "@/db/enums";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ownSellerId } from "@/lib/cases/seller-case-access";
import { notFound } from "@/lib/errors";
import type { MetricValue, QualityMetric } from "@/lib/quality/quality-schemas";
import { readMetricValues } from "@/lib/quality/read-metric-values";

/** Half a year of weekly evaluations. */
export const TREND_EVALUATIONS = 26;
const MAX_TREND_EVALUATIONS = 104;

/** The rates a moderator follows over time (the counts behind them are on the metrics table). */
export const TREND_METRICS = [
  "negativeReviewRate",
  "complaintRate",
  "averageRating",
  "onTimeResponseRate",
] as const satisfies readonly QualityMetric[];
export type TrendMetric = (typeof TREND_METRICS)[number];
/** The year for the standing, recent and month for a change, messages for response times. */
export const TREND_WINDOWS = ["year", "recent", "month", "messages"] as const satisfies readonly QualityWindow[];
export type TrendWindow = (typeof TREND_WINDOWS)[number];

export type SellerTrendPoint = {
  evaluationId: number;
  asOf: Date;
  /** Null values where there was nothing to measure. */
  values: Record<TrendWindow, Record<TrendMetric, MetricValue>>;
};

export type SellerTrend = { sellerId: number; points: SellerTrendPoint[] };

type Row = {
  evaluation_id: string | number | null;
  as_of: string | Date | null;
  window: TrendWindow;
  metrics: Record<string, unknown> | null;
  portal: Record<string, unknown> | null;
};

/**
 * The seller's trend metrics beside the portal's over the last `evaluations` completed evaluations
 * the seller took part in (a seller who joined later has a shorter trend), oldest first, in one
 * query: the seller's evaluations by the (seller_id, evaluation_id) index, the seller's rows and
 * the portal's by primary key.
 */
export async function getSellerTrend(params: { actor: Actor; sellerId: number; evaluations?: number }): Promise<SellerTrend> {
  assertCan(params.actor, "sellers:view-all");
  return readSellerTrend(params.sellerId, params.evaluations);
}

/** The signed-in seller's own trend: the same reading, scoped by the actor's seller id (no parameter names a seller). */
export async function getOwnSellerTrend(params: { actor: UserActor; evaluations?: number }): Promise<SellerTrend> {
  return readSellerTrend(ownSellerId(params.actor), params.evaluations);
}

async function readSellerTrend(sellerId: number, evaluations: number | undefined): Promise<SellerTrend> {
  const limit = Math.min(MAX_TREND_EVALUATIONS, Math.max(1, Math.floor(evaluations ?? TREND_EVALUATIONS)));
  // Our own constant list, not input.
  const windows = sql.raw(`array[${TREND_WINDOWS.map((window) => `'${window}'`).join(", ")}]::quality_window[]`);

  const rows = await queryRows<Row>(
    db,
    sql`
      with recent_evaluations as (
        select e.id, e.as_of
        from evaluation_sellers es join evaluations e on e.id = es.evaluation_id
        where es.seller_id = ${sellerId} and e.status = 'completed'
        order by e.as_of desc, e.id desc limit ${limit}
      )
      select e.id as evaluation_id, e.as_of, w.w as "window", to_jsonb(m) as metrics, p."values" as portal
      from sellers s
      left join recent_evaluations e on true
      cross join unnest(${windows}) as w(w)
      left join seller_metrics m on m.evaluation_id = e.id and m.seller_id = s.id and m."window" = w.w
      left join portal_metrics p on p.evaluation_id = e.id and p."window" = w.w
      where s.id = ${sellerId}
      order by e.as_of, e.id`,
  );
  if (rows.length === 0) throw notFound(`Seller ${sellerId}`);

  const points = new Map<number, SellerTrendPoint>();
  for (const row of rows) {
    if (row.evaluation_id === null || row.as_of === null) continue;
    const evaluationId = Number(row.evaluation_id);
    let point = points.get(evaluationId);
    if (!point) {
      point = { evaluationId, asOf: new Date(row.as_of), values: {} as SellerTrendPoint["values"] };
      points.set(evaluationId, point);
    }
    point.values[row.window] = readMetricValues(TREND_METRICS, row.metrics, row.portal);
  }
  return { sellerId, points: [...points.values()] };
}
