import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Transaction } from "@/db";
import { decideFlags, type FdrRejections, type FlagCandidate, type FlagDecision, type PortalValues } from "./decide-flags";
import type { PolicyParams } from "./policy";

/**
 * The flags a policy raises on the metrics of one asOf, read from the transaction's `eval_metrics`
 * (made by the evaluation's passes, lib/quality/evaluation-sql.ts). The one flagging path: the
 * evaluation stores what this answers, the policy preview (lib/policy/preview-policy.ts) only
 * compares it, so a preview and the evaluation that follows it cannot disagree.
 */
export async function computeFlags(
  tx: Transaction,
  params: PolicyParams,
): Promise<{ portal: PortalValues; decisions: FlagDecision[] }> {
  const portal = await portalValuesOfMetrics(tx);
  const candidates = await loadCandidates(tx, portal);
  const fdr = params.fdr.q === null ? undefined : await benjaminiHochberg(tx, portal, params, params.fdr.q);
  return { portal, decisions: decideFlags(candidates, portal, params, fdr) };
}

/**
 * The portal values the rules compare against: the median over eligible sellers, as
 * insertPortalMetrics stores them (the same aggregate over the same rows).
 */
async function portalValuesOfMetrics(tx: Transaction): Promise<PortalValues> {
  const [row] = await queryRows<{ y_negative: number | null; y_complaints: number | null; q_negative: number | null }>(
    tx,
    sql`select percentile_cont(0.5) within group (order by negative_review_rate_year) as y_negative,
          percentile_cont(0.5) within group (order by complaint_rate_year) as y_complaints,
          percentile_cont(0.5) within group (order by negative_review_rate_recent) as q_negative
        from eval_metrics where eligible`,
  );
  const value = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    year: { negativeReviewRate: value(row?.y_negative), complaintRate: value(row?.y_complaints) },
    recent: { negativeReviewRate: value(row?.q_negative) },
  };
}

/**
 * Eligible sellers without an active case whose rates are above the portal's at all: the only
 * ones any rule could flag (a Wilson lower bound above a threshold ≥ the portal value needs the
 * rate itself above it, and so does a rejected test of "the rate exceeds the threshold"). The
 * rules themselves run in decideFlags.
 */
async function loadCandidates(tx: Transaction, portal: PortalValues): Promise<FlagCandidate[]> {
  const rows = await queryRows<Record<string, number>>(
    tx,
    sql`
      select seller_id, orders_year as orders, unique_reviews_year as y_reviews, negative_reviews_year as y_negative,
        complaints_year as complaints, unique_reviews_recent as q_reviews, negative_reviews_recent as q_negative,
        unique_reviews_baseline as b_reviews, negative_reviews_baseline as b_negative
      from eval_metrics m
      where eligible
        and not exists (select 1 from cases c where c.seller_id = m.seller_id and c.status <> 'REINSTATED')
        and (negative_review_rate_year > ${portal.year.negativeReviewRate}::float8
          or complaint_rate_year > ${portal.year.complaintRate}::float8
          or negative_review_rate_recent > ${portal.recent.negativeReviewRate}::float8)
      order by seller_id`,
  );
  return rows.map((row) => ({
    sellerId: Number(row.seller_id),
    year: {
      orders: Number(row.orders),
      uniqueReviews: Number(row.y_reviews),
      negativeReviews: Number(row.y_negative),
      complaints: Number(row.complaints),
    },
    recent: { uniqueReviews: Number(row.q_reviews), negativeReviews: Number(row.q_negative) },
    baseline: { uniqueReviews: Number(row.b_reviews), negativeReviews: Number(row.b_negative) },
  }));
}

/** A float8 literal from the policy (a number, never user text). */
const literal = (value: number): SQL => sql.raw(`${Number(value)}::float8`);

/**
 * The upper tail of the standard normal, 1 − Φ(z): Abramowitz & Stegun 26.2.17 (absolute error
 * below 7.5e-8, and relative error small in the far tail, since it is a multiple of the density).
 * |z| is capped at 37, where the tail is ~1e-300, so exp() never underflows.
 */
function upperTail(z: SQL): SQL {
  const a = sql`least(abs(${z}), 37)`;
  const t = sql`(1 / (1 + 0.2316419 * ${a}))`;
  const tail = sql`(exp(-${a} * ${a} / 2) / sqrt(2 * pi()) * ${t} * (0.319381530 + ${t} * (-0.356563782 + ${t} * (1.781477937 + ${t} * (-1.821255978 + ${t} * 1.330274429)))))`;
  return sql`case when ${z} >= 0 then ${tail} else 1 - ${tail} end`;
}

/**
 * The week's tests, one row per eligible seller and test, with its p-value:
 *
 * - LOW_YEAR (the negative-review rate over unique reviews, and the complaint rate over orders,
 *   each over the year): the one-sided score test of H0 "the seller's rate ≤ the rule's threshold
 *   max(multiplier × portal, portal + margin)", z = (p̂ − t) / √(t(1 − t)/n), p = 1 − Φ(z). The
 *   Wilson interval is this test inverted, so without FDR control (q null) "the lower end of the
 *   interval at confidence c lies above t" is exactly "p < (1 − c)/2".
 * - WORSENED: the one-sided two-proportion z-test of the recent rate against the seller's own
 *   baseline (pooled standard error, as twoProportionZ), p = 1 − Φ(z).
 *
 * A test that cannot be made (no trials; no baseline; a pooled rate of 0 or 1; no portal value)
 * has no p-value and is not one of the week's tests. A threshold of 1 or more cannot be exceeded
 * (p = 1).
 */
function weekTests(portal: PortalValues, params: PolicyParams): SQL {
  const { multiplier, margin } = params.lowYear;
  const threshold = (portalValue: number | null) =>
    portalValue === null ? sql`null::float8` : literal(Math.max(multiplier * portalValue, portalValue + margin));
  const lowYear = (metric: string, successes: SQL, trials: SQL, t: SQL) => sql`
    select seller_id, 'LOW_YEAR' as code, ${metric} as metric,
      case when ${t} >= 1 then 1::float8
        when ${t} <= 0 then case when ${successes} > 0 then 0::float8 else 1::float8 end
        else ${upperTail(sql`((least(${successes}, ${trials})::float8 / ${trials} - ${t}) / sqrt(${t} * (1 - ${t}) / ${trials}))`)}
      end as p_value
    from eval_metrics where eligible and ${trials} > 0 and ${t} is not null`;
  const pooled = sql`((negative_reviews_recent + negative_reviews_baseline)::float8 / (unique_reviews_recent + unique_reviews_baseline))`;
  const z = sql`((negative_reviews_recent::float8 / unique_reviews_recent - negative_reviews_baseline::float8 / unique_reviews_baseline)
    / sqrt(${pooled} * (1 - ${pooled}) * (1::float8 / unique_reviews_recent + 1::float8 / unique_reviews_baseline)))`;
  return sql`
    ${lowYear("negativeReviewRate", sql`negative_reviews_year`, sql`unique_reviews_year`, threshold(portal.year.negativeReviewRate))}
    union all
    ${lowYear("complaintRate", sql`complaints_year`, sql`orders_year`, threshold(portal.year.complaintRate))}
    union all
    select seller_id, 'WORSENED', 'negativeReviewRate', ${upperTail(z)}
    from eval_metrics
    where eligible and unique_reviews_recent > 0 and unique_reviews_baseline > 0
      and negative_reviews_recent + negative_reviews_baseline > 0
      and negative_reviews_recent + negative_reviews_baseline < unique_reviews_recent + unique_reviews_baseline`;
}

/**
 * Benjamini–Hochberg at q over the week's tests of both rules across every eligible seller, in
 * SQL: the m p-values sorted, k the largest rank i with p₍ᵢ₎ ≤ i·q/m, and the tests of rank ≤ k
 * rejected (threshold k·q/m). Answers the rejected tests of the candidates' rules, with their
 * p-values and the threshold, for decideFlags.
 */
async function benjaminiHochberg(tx: Transaction, portal: PortalValues, params: PolicyParams, q: number): Promise<FdrRejections> {
  const rows = await queryRows<{
    seller_id: number;
    code: string;
    metric: string;
    p_value: number;
    threshold: number;
    tests: number;
  }>(
    tx,
    sql`
      with tests as (${weekTests(portal, params)}),
      ranked as (
        select t.*, row_number() over (order by p_value, seller_id, code, metric) as rank, count(*) over () as m from tests t
      ),
      cut as (select coalesce(max(rank) filter (where p_value <= rank * ${literal(q)} / m), 0) as k, max(m) as m from ranked)
      select r.seller_id, r.code, r.metric, r.p_value, cut.k * ${literal(q)} / cut.m as threshold, cut.m::int as tests
      from ranked r cross join cut
      where r.rank <= cut.k`,
  );
  const rejections: FdrRejections = new Map();
  for (const row of rows)
    rejections.set(`${Number(row.seller_id)}:${row.code}:${row.metric}`, {
      pValue: Number(row.p_value),
      threshold: Number(row.threshold),
      q,
      tests: Number(row.tests),
    });
  return rejections;
}
