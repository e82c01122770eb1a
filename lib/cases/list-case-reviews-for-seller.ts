import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { CaseStatus, RootCause } from "@/db/enums";
import type { UserActor } from "@/lib/auth/actor";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import type { KeysetPage, ListCursor } from "@/lib/search/keyset";
import { effectiveCaseStatus } from "./case-machine";
import { cursorInCaseScope, readCaseReviewsPage, type CaseReviewView } from "./case-reviews-page";
import { findOwnCase } from "./seller-case-access";

/**
 * A review in scope as the seller works on it. `isResolvedByBuyer`: the buyer removed it or raised
 * its rating above negative — it counts as resolved (as the re-check checklist counts it), and
 * there is nothing to fill in.
 */
export type SellerCaseReview = CaseReviewView & { isResolvedByBuyer: boolean };

export type SellerCaseReviews = {
  caseId: number;
  status: CaseStatus;
  /** The seller may still work on the reviews (the case is not closed). */
  isOpen: boolean;
  reviews: KeysetPage<SellerCaseReview>;
  total: number;
  analysed: number;
  /** By the seller (an outcome recorded, a public reply) or by the buyer (removed, rating raised). */
  resolved: number;
  /** The named causes with their counts, most frequent first. */
  rootCauseCounts: { rootCause: RootCause; count: number }[];
};

type SummaryRow = {
  total: number;
  analysed: number;
  resolved: number;
  causes: { rootCause: RootCause; count: number }[];
};

/**
 * The signed-in seller's reviews in their own case's scope, a page at a time (newest first, as on
 * the moderator's case page), with their work on each and the counts over all of them. A fixed
 * number of queries whatever the number of reviews; another seller's case is not found.
 */
export async function listCaseReviewsForSeller(params: {
  actor: UserActor;
  caseId: number;
  cursor?: ListCursor;
  now: Date;
}): Promise<SellerCaseReviews> {
  const theCase = await findOwnCase(db, params.actor, params.caseId);
  const cursor = await cursorInCaseScope(db, theCase.id, params.cursor);
  const policy = await getPolicyInForce(db);
  const negativeMax = policy.reviews.negativeMaxRating;
  const [page, [summary]] = await Promise.all([
    readCaseReviewsPage(db, { caseId: theCase.id, cursor }),
    queryRows<SummaryRow>(
      db,
      sql`with scope as (
            select cr.root_cause, cr.resolution, r.removed_at, r.rating,
                   exists (select 1 from review_replies rr where rr.review_id = r.id) as has_reply
            from case_reviews cr join reviews r on r.id = cr.review_id
            where cr.case_id = ${theCase.id}
          )
          select count(*)::int as total,
                 count(root_cause)::int as analysed,
                 count(*) filter (where resolution is not null or has_reply or removed_at is not null or rating > ${negativeMax})::int as resolved,
                 (select coalesce(json_agg(json_build_object('rootCause', g.root_cause, 'count', g.n) order by g.n desc, g.root_cause), '[]'::json)
                    from (select root_cause, count(*)::int as n from scope where root_cause is not null group by root_cause) g) as causes
          from scope`,
    ),
  ]);
  const status = effectiveCaseStatus(theCase, params.now);
  return {
    caseId: theCase.id,
    status,
    isOpen: status !== "REINSTATED",
    reviews: {
      ...page,
      rows: page.rows.map((review) => ({
        ...review,
        isResolvedByBuyer: review.removedAt !== null || review.rating > negativeMax,
      })),
    },
    total: summary?.total ?? 0,
    analysed: summary?.analysed ?? 0,
    resolved: summary?.resolved ?? 0,
    rootCauseCounts: summary?.causes ?? [],
  };
}
