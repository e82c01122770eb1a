import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db";
import type { PolicyParams } from "@/lib/quality/policy";
import { instant } from "@/lib/quality/sql-literals";
import type { ChecklistFacts } from "./checklist";

type FactsRow = {
  reviews_in_scope: number;
  unresolved: (string | number)[];
  new_positive: number;
  average_since: number | null;
  average_at_exclusion: number | null;
  suspected: (string | number)[];
  letters: { version: number; submittedAt: string; verdict: "accepted" | "changes_requested" | null }[];
  recheck_at: string | Date;
  new_negative: (string | number)[];
  new_complaints: (string | number)[];
};

/**
 * Everything the re-check checklist is decided on, for one case at `now`, in one query.
 *
 * - A review in scope counts as dealt with when the seller recorded a resolution, the buyer removed
 *   it or raised the rating above negative, or the seller answered it publicly.
 * - A new positive review counts when its buyer bought from the seller before writing it and no
 *   fake-review signal on it is suspected or confirmed ("from real buyers").
 */
export async function getChecklistFacts(
  executor: Executor,
  params: { caseId: number; policy: PolicyParams; now: Date },
): Promise<ChecklistFacts> {
  const negativeMax = params.policy.reviews.negativeMaxRating;
  const positiveMin = params.policy.reviews.positiveMinRating;
  const now = instant(params.now);
  const [row] = await queryRows<FactsRow>(
    executor,
    sql`with c as (select id, seller_id, excluded_at, recheck_at, evidence from cases where id = ${params.caseId}),
        since as (
          select r.* from reviews r, c
          where r.seller_id = c.seller_id and r.posted_at >= c.excluded_at and r.posted_at <= ${now} and r.removed_at is null
        )
        select
          (select count(*)::int from case_reviews cr where cr.case_id = c.id) as reviews_in_scope,
          (select coalesce(array_agg(cr.review_id order by cr.review_id), '{}')
             from case_reviews cr join reviews r on r.id = cr.review_id
            where cr.case_id = c.id and cr.resolution is null and r.removed_at is null and r.rating <= ${negativeMax}
              and not exists (select 1 from review_replies rr where rr.review_id = r.id)) as unresolved,
          (select count(*)::int from since r
            where r.rating >= ${positiveMin}
              and exists (select 1 from orders o
                           where o.buyer_id = r.buyer_id and o.seller_id = r.seller_id and o.placed_at <= r.posted_at)
              and not exists (select 1 from review_signals s where s.review_id = r.id and s.status <> 'cleared')) as new_positive,
          (select avg(r.rating)::float8 from since r) as average_since,
          (c.evidence #>> '{metrics,year,average_rating}')::float8 as average_at_exclusion,
          (select coalesce(array_agg(distinct s.review_id), '{}')
             from review_signals s join since r on r.id = s.review_id
            where s.status <> 'cleared') as suspected,
          (select coalesce(json_agg(json_build_object('version', l.version, 'submittedAt', l.submitted_at, 'verdict', lr.verdict)
                                    order by l.version), '[]'::json)
             from letters l left join letter_replies lr on lr.letter_id = l.id
            where l.case_id = c.id and l.status = 'submitted') as letters,
          c.recheck_at,
          (select coalesce(array_agg(r.id order by r.id), '{}') from since r where r.rating <= ${negativeMax}) as new_negative,
          (select coalesce(array_agg(k.id order by k.id), '{}') from complaints k
            where k.seller_id = c.seller_id and k.filed_at >= c.excluded_at and k.filed_at <= ${now}) as new_complaints
        from c`,
  );
  if (!row) throw new Error(`case ${params.caseId} disappeared while its checklist was computed`);
  const ids = (values: (string | number)[]) => values.map(Number);
  return {
    reviewsInScope: row.reviews_in_scope,
    unresolvedReviewIds: ids(row.unresolved),
    newPositiveReviews: row.new_positive,
    averageRatingSince: row.average_since == null ? null : Number(row.average_since),
    averageRatingAtExclusion: row.average_at_exclusion == null ? null : Number(row.average_at_exclusion),
    suspectedFakeReviewIds: ids(row.suspected),
    letters: row.letters.map((letter) => ({ ...letter, submittedAt: new Date(letter.submittedAt) })),
    recheckAt: new Date(row.recheck_at),
    newNegativeReviewIds: ids(row.new_negative),
    newComplaintIds: ids(row.new_complaints),
  };
}
