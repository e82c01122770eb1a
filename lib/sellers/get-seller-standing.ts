import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { WINDOWS, type CaseStatus, type QualityWindow } from "@/db/enums";
import type { UserActor } from "@/lib/auth/actor";
import { ownSellerId } from "@/lib/cases/seller-case-access";
import { notFound } from "@/lib/errors";
import type { PortalValues } from "@/lib/quality/decide-flags";
import { distancesToFlagRules, isClose, type FlagDistances } from "@/lib/quality/flag-distance";
import { isWorseThanPortal, METRIC_WORSE_WHEN } from "@/lib/quality/metric-direction";
import { policyParamsSchema, type PolicyParams } from "@/lib/quality/policy";
import { QUALITY_METRICS, type MetricValue, type QualityMetric, type SellerQuality } from "@/lib/quality/quality-schemas";
import { readMetricValues } from "@/lib/quality/read-metric-values";
import { getOwnSellerTrend, type SellerTrend } from "@/lib/sellers/get-seller-trend";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where each metric is judged when the seller asks what to improve: response times over the
 * messages window, everything else over the year the rules look at.
 */
const IMPROVEMENT_WINDOW: Record<ImprovableMetric, QualityWindow> = {
  negativeReviewRate: "year",
  averageRating: "year",
  complaintRate: "year",
  sellerCancellationRate: "year",
  onTimeResponseRate: "messages",
  medianResponseHours: "messages",
  medianRefundHours: "year",
};
type ImprovableMetric = Exclude<QualityMetric, "orders" | "uniqueReviews">;

export type Improvement = { metric: ImprovableMetric; window: QualityWindow; value: number; portalValue: number };

export type StandingCase = {
  id: number;
  status: CaseStatus;
  excludedAt: Date;
  recheckAt: Date;
  reinstatedAt: Date | null;
};

export type EvaluatedStanding = {
  evaluationId: number;
  asOf: Date;
  policyVersion: number;
  /** The policy's year and recent windows, in days: the periods the distances speak of. */
  windowDays: { year: number; recent: number };
  eligible: boolean;
  flagged: boolean;
  /** What eligibility needs over the year, and what the seller had. */
  eligibility: { orders: { have: number; need: number }; uniqueReviews: { have: number; need: number } };
  metrics: SellerQuality["metrics"];
  distances: FlagDistances;
  /** The rules within CLOSE_DISTANCE (lib/quality/flag-distance.ts) of tripping, but not tripping. */
  closeRules: (keyof FlagDistances)[];
  /** The metrics worse than the portal's, the furthest from it (relatively) first. */
  improvements: Improvement[];
  /** Counted live from the evaluation's asOf up to now. */
  sinceEvaluation: { orders: number; reviews: number; negativeReviews: number; complaints: number };
};

export type SellerStanding = {
  seller: { externalId: string; name: string };
  /** Null until an evaluation has included this seller. */
  evaluation: EvaluatedStanding | null;
  trend: SellerTrend;
  /** The case that is not finished, if any, with the whole days left to its re-check (0 when due). */
  activeCase: (StandingCase & { daysLeft: number }) | null;
  /** Finished cases, newest first. */
  pastCases: StandingCase[];
};

type StandingRow = {
  external_id: string;
  name: string;
  evaluation_id: string | number | null;
  as_of: string | Date | null;
  policy_version: number | null;
  policy: unknown;
  eligible: boolean | null;
  flagged: boolean | null;
  metrics: Record<string, Record<string, unknown>> | null;
  portal: Record<string, Record<string, unknown>> | null;
};

type LiveRow = { orders: number; reviews: number; negative_reviews: number; complaints: number };

type CaseRow = {
  id: string | number;
  status: CaseStatus;
  excluded_at: string | Date;
  recheck_at: string | Date;
  reinstated_at: string | Date | null;
};

/**
 * The signed-in seller's standing, from the stored rows of the latest completed evaluation the
 * seller took part in (every seller on the portal takes part in each): the numbers the moderator
 * sees. Every metric beside the portal's, eligibility and why not yet, how far each flag rule is
 * (computed by the rule code itself), what to improve first, the trend, live counts since the
 * evaluation, and the seller's cases. Scoped by the actor's seller id: no parameter names a seller.
 * Four queries (the trend, the live counts and the cases together after the first), each by
 * primary key or index, whatever the seller's history.
 */
export async function getSellerStanding(params: { actor: UserActor; now: Date }): Promise<SellerStanding> {
  const sellerId = ownSellerId(params.actor);
  const { now } = params;

  const [row] = await queryRows<StandingRow>(
    db,
    sql`
      with latest as (
        select e.id, e.as_of, e.policy_version, es.eligible, es.flagged
        from evaluation_sellers es join evaluations e on e.id = es.evaluation_id
        where es.seller_id = ${sellerId} and e.status = 'completed'
        order by e.as_of desc, e.id desc limit 1
      )
      select s.external_id, s.name, l.id as evaluation_id, l.as_of, l.policy_version, sp.params as policy, l.eligible, l.flagged,
        (select jsonb_object_agg(m."window", to_jsonb(m)) from seller_metrics m
          where m.evaluation_id = l.id and m.seller_id = s.id) as metrics,
        (select jsonb_object_agg(p."window", p."values") from portal_metrics p where p.evaluation_id = l.id) as portal
      from sellers s
      left join latest l on true
      left join scoring_policies sp on sp.version = l.policy_version
      where s.id = ${sellerId}`,
  );
  if (!row) throw notFound("Your seller account");

  const isEvaluated = row.evaluation_id !== null && row.as_of !== null && row.eligible !== null && row.metrics !== null;
  const asOf = isEvaluated ? new Date(row.as_of!) : null;
  const policy = isEvaluated ? policyParamsSchema.parse(row.policy) : null;

  const [trend, live, caseRows] = await Promise.all([
    getOwnSellerTrend({ actor: params.actor }),
    asOf && policy ? countSinceEvaluation(sellerId, asOf, now, policy) : null,
    queryRows<CaseRow>(
      db,
      sql`select id, status, excluded_at, recheck_at, reinstated_at from cases
          where seller_id = ${sellerId} order by excluded_at desc, id desc`,
    ),
  ]);

  const allCases = caseRows.map(toStandingCase);
  const active = allCases.find((found) => found.status !== "REINSTATED") ?? null;
  return {
    seller: { externalId: row.external_id, name: row.name },
    evaluation: isEvaluated && asOf && policy && live ? evaluatedStanding(row, asOf, policy, live) : null,
    trend,
    activeCase: active
      ? { ...active, daysLeft: Math.max(0, Math.ceil((active.recheckAt.getTime() - now.getTime()) / DAY_MS)) }
      : null,
    pastCases: allCases.filter((found) => found.status === "REINSTATED"),
  };
}

/** Orders, reviews, negative reviews and complaints from asOf to now, each by its (seller, time) index. */
async function countSinceEvaluation(sellerId: number, asOf: Date, now: Date, policy: PolicyParams): Promise<LiveRow> {
  const from = asOf.toISOString();
  const to = now.toISOString();
  const [live] = await queryRows<LiveRow>(
    db,
    sql`select
          (select count(*)::int from orders o
            where o.seller_id = ${sellerId} and o.placed_at >= ${from}::timestamptz and o.placed_at < ${to}::timestamptz) as orders,
          r.reviews, r.negative_reviews,
          (select count(*)::int from complaints c
            where c.seller_id = ${sellerId} and c.filed_at >= ${from}::timestamptz and c.filed_at < ${to}::timestamptz) as complaints
        from (
          select count(*)::int as reviews,
            (count(*) filter (where rv.rating <= ${policy.reviews.negativeMaxRating}))::int as negative_reviews
          from reviews rv
          where rv.seller_id = ${sellerId} and rv.removed_at is null
            and rv.posted_at >= ${from}::timestamptz and rv.posted_at < ${to}::timestamptz
        ) r`,
  );
  return live ?? { orders: 0, reviews: 0, negative_reviews: 0, complaints: 0 };
}

function evaluatedStanding(row: StandingRow, asOf: Date, policy: PolicyParams, live: LiveRow): EvaluatedStanding {
  const ownRows = row.metrics ?? {};
  const portalRows = row.portal ?? {};
  const metrics = Object.fromEntries(
    WINDOWS.map((window) => [window, readMetricValues(QUALITY_METRICS, ownRows[window], portalRows[window])]),
  ) as SellerQuality["metrics"];

  const count = (window: QualityWindow, column: string) => Number(ownRows[window]?.[column] ?? 0);
  const counts = {
    year: {
      orders: count("year", "orders"),
      uniqueReviews: count("year", "unique_reviews"),
      negativeReviews: count("year", "negative_reviews"),
      complaints: count("year", "complaints"),
    },
    recent: { uniqueReviews: count("recent", "unique_reviews"), negativeReviews: count("recent", "negative_reviews") },
    baseline: { uniqueReviews: count("baseline", "unique_reviews"), negativeReviews: count("baseline", "negative_reviews") },
  };
  const portal: PortalValues = {
    year: {
      negativeReviewRate: metrics.year.negativeReviewRate.portalValue,
      complaintRate: metrics.year.complaintRate.portalValue,
    },
    recent: { negativeReviewRate: metrics.recent.negativeReviewRate.portalValue },
  };
  const eligible = row.eligible === true;
  const distances = distancesToFlagRules(counts, portal, policy, eligible);

  return {
    evaluationId: Number(row.evaluation_id),
    asOf,
    policyVersion: Number(row.policy_version),
    windowDays: { year: policy.windows.yearDays, recent: policy.windows.recentDays },
    eligible,
    flagged: row.flagged === true,
    eligibility: {
      orders: { have: counts.year.orders, need: policy.eligibility.minOrders },
      uniqueReviews: { have: counts.year.uniqueReviews, need: policy.eligibility.minUniqueReviews },
    },
    metrics,
    distances,
    closeRules: (Object.keys(distances) as (keyof FlagDistances)[]).filter((rule) => isClose(distances[rule])),
    improvements: rankImprovements(metrics),
    sinceEvaluation: {
      orders: Number(live.orders),
      reviews: Number(live.reviews),
      negativeReviews: Number(live.negative_reviews),
      complaints: Number(live.complaints),
    },
  };
}

/**
 * The metrics worse than the portal's, furthest first: how far, as a share of the portal value (a
 * portal value of 0 counts the seller's own value as the gap), so a rate twice the portal's comes
 * before a rating a tenth below it.
 */
export function rankImprovements(metrics: SellerQuality["metrics"]): Improvement[] {
  const improvements: (Improvement & { gap: number })[] = [];
  for (const [metric, window] of Object.entries(IMPROVEMENT_WINDOW) as [ImprovableMetric, QualityWindow][]) {
    const { value, portalValue }: MetricValue = metrics[window][metric];
    if (value === null || portalValue === null || !isWorseThanPortal(metric, value, portalValue)) continue;
    const difference = METRIC_WORSE_WHEN[metric] === "higher" ? value - portalValue : portalValue - value;
    const gap = portalValue === 0 ? difference : difference / Math.abs(portalValue);
    improvements.push({ metric, window, value, portalValue, gap });
  }
  return improvements.sort((a, b) => b.gap - a.gap).map(({ gap: _gap, ...improvement }) => improvement);
}

function toStandingCase(row: CaseRow): StandingCase {
  return {
    id: Number(row.id),
    status: row.status,
    excludedAt: new Date(row.excluded_at),
    recheckAt: new Date(row.recheck_at),
    reinstatedAt: row.reinstated_at === null ? null : new Date(row.reinstated_at),
  };
}
