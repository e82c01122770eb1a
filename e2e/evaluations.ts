/** Evaluations planted for the end-to-end specs, written straight into the tables an evaluation fills. */
import { DEFAULT_POLICY } from "../lib/quality/policy";
import { sql } from "./fixtures";

const DAY = 86_400_000;
const WINDOWS = ["year", "recent", "month", "baseline", "messages"] as const;

export type WindowCounts = { orders: number; uniqueReviews: number; negativeReviews: number; complaints: number };

/**
 * Completed evaluations of one seller, written straight into the tables an evaluation fills, a week
 * apart. Their asOf is a random minute of 2021, so they are never the latest evaluation of the
 * portal that other specs read; the standing page reads the seller's own latest.
 */
export async function plantEvaluations(
  sellerId: number,
  params: { count: number; eligible: boolean; windows: Record<string, WindowCounts> },
) {
  await sql`insert into scoring_policies (version, params, note, activated_at) values (1, ${sql.json(DEFAULT_POLICY)}, 'e2e', now()) on conflict do nothing`;
  // Unique per seller (an evaluation's asOf and policy are unique among completed ones): the seller's id in minutes.
  const first = new Date(Date.UTC(2021, 0, 4) + sellerId * 60_000);
  for (let i = 0; i < params.count; i++) {
    const asOf = new Date(first.getTime() + i * 7 * DAY);
    const [evaluation] = await sql<{ id: string }[]>`
      insert into evaluations (as_of, policy_version, status, started_at, completed_at, sellers_evaluated, flagged_count, time_zone, requested_by)
      values (${asOf}, 1, 'completed', ${asOf}, ${asOf}, 1, 0, 'Europe/Kyiv', 'e2e') returning id`;
    const evaluationId = Number(evaluation!.id);
    await sql`insert into evaluation_sellers (evaluation_id, seller_id, eligible, flagged) values (${evaluationId}, ${sellerId}, ${params.eligible}, false)`;
    for (const window of WINDOWS) {
      const counts = params.windows[window] ?? params.windows.year!;
      const rate = (part: number, whole: number) => (whole > 0 ? part / whole : null);
      await sql`
        insert into seller_metrics (evaluation_id, seller_id, "window", orders, unique_reviews, negative_reviews, negative_review_rate,
          average_rating, complaints, complaint_rate, seller_cancellations, threads, threads_on_time, refunds, open_negative_reviews)
        values (${evaluationId}, ${sellerId}, ${window}, ${counts.orders}, ${counts.uniqueReviews}, ${counts.negativeReviews},
          ${rate(counts.negativeReviews, counts.uniqueReviews)}, 4.1, ${counts.complaints}, ${rate(counts.complaints, counts.orders)}, 0, 0, 0, 0, 0)`;
      await sql`
        insert into portal_metrics (evaluation_id, "window", eligible_sellers, "values")
        values (${evaluationId}, ${window}, 30, ${sql.json({
          orders: 40,
          uniqueReviews: 20,
          negativeReviewRate: window === "recent" ? 0 : 0.05,
          averageRating: 4.6,
          complaintRate: 0.05,
        })})`;
    }
  }
}
