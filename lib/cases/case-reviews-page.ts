import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db";
import type { RootCause } from "@/db/enums";
import { keysetPage, keysetQuery, REVIEWS_BY_POSTED_AT, type KeysetPage, type ListCursor } from "@/lib/search/keyset";

/** Reviews in scope a page: a seller can have hundreds; their counts by root cause cover them all. */
export const CASE_REVIEWS_PAGE_SIZE = 50;

/** A review in a case's scope with the seller's work on it, as the moderator's and the seller's pages show it. */
export type CaseReviewView = {
  reviewId: number;
  externalId: string;
  rating: number;
  text: string | null;
  postedAt: Date;
  removedAt: Date | null;
  rootCause: RootCause | null;
  rootCauseNote: string | null;
  resolution: "resolved_with_buyer" | "answered_publicly" | null;
  /** What the seller and the buyer agreed (resolved with the buyer). */
  resolutionNote: string | null;
  resolvedAt: Date | null;
  steps: { step: string; note: string | null; at: string }[];
  replies: { body: string; at: string }[];
};

type ReviewRow = {
  id: string | number;
  external_id: string;
  rating: number;
  text: string | null;
  posted_at: string | Date;
  removed_at: string | Date | null;
  root_cause: RootCause | null;
  root_cause_note: string | null;
  resolution: CaseReviewView["resolution"];
  resolution_note: string | null;
  resolved_at: string | Date | null;
  steps: CaseReviewView["steps"];
  replies: CaseReviewView["replies"];
};

/**
 * A cursor names a review of this case; any other id (edited by hand, or gone) gives the first
 * page. One query when there is a cursor, none otherwise.
 */
export async function cursorInCaseScope(executor: Executor, caseId: number, cursor: ListCursor = {}): Promise<ListCursor> {
  const cursorReviewId = cursor.after ?? cursor.before;
  if (cursorReviewId === undefined) return {};
  const found = await queryRows(
    executor,
    sql`select 1 from case_reviews where case_id = ${caseId} and review_id = ${cursorReviewId}`,
  );
  return found.length > 0 ? cursor : {};
}

/**
 * One page of a case's reviews in scope, newest first, with the seller's work on each (root cause,
 * outcome, agreement, steps, public reply), in one query. `cursor` must come from cursorInCaseScope.
 */
export async function readCaseReviewsPage(
  executor: Executor,
  params: { caseId: number; cursor: ListCursor },
): Promise<KeysetPage<CaseReviewView>> {
  const { caseId, cursor } = params;
  const page = keysetQuery(REVIEWS_BY_POSTED_AT, cursor);
  const rows = await queryRows<ReviewRow>(
    executor,
    sql`select r.id, r.external_id, r.rating, r.text, r.posted_at, r.removed_at, cr.root_cause, cr.root_cause_note,
               cr.resolution, cr.resolution_note, cr.resolved_at,
               (select coalesce(json_agg(json_build_object('step', st.step, 'note', st.note, 'at', st.created_at) order by st.created_at), '[]'::json)
                  from case_review_steps st where st.case_id = cr.case_id and st.review_id = cr.review_id) as steps,
               (select coalesce(json_agg(json_build_object('body', rr.body, 'at', rr.created_at) order by rr.created_at), '[]'::json)
                  from review_replies rr where rr.review_id = r.id) as replies
        from case_reviews cr join reviews r on r.id = cr.review_id
        where cr.case_id = ${caseId} ${page.condition}
        order by ${page.orderBy}
        limit ${CASE_REVIEWS_PAGE_SIZE + 1}`,
  );
  const views: CaseReviewView[] = rows.map((review) => ({
    reviewId: Number(review.id),
    externalId: review.external_id,
    rating: Number(review.rating),
    text: review.text,
    postedAt: new Date(review.posted_at),
    removedAt: review.removed_at ? new Date(review.removed_at) : null,
    rootCause: review.root_cause,
    rootCauseNote: review.root_cause_note,
    resolution: review.resolution,
    resolutionNote: review.resolution_note,
    resolvedAt: review.resolved_at ? new Date(review.resolved_at) : null,
    steps: review.steps,
    replies: review.replies,
  }));
  return keysetPage(views, CASE_REVIEWS_PAGE_SIZE, cursor, (review) => review.reviewId);
}
