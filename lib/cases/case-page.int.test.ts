/**
 * The case page's reviews in scope against PostgreSQL: a seller can have hundreds, so they come a
 * page at a time, newest first, while the total and the counts by root cause cover all of them.
 */
import { and, eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db";
import { caseReviews, reviews } from "@/db/schema";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { CASE_REVIEWS_PAGE_SIZE, getCaseForModerator } from "./get-case-for-moderator";
import { openCaseFromFlag } from "./open-case";

const T0 = new Date("2026-11-02T09:30:00Z");

test("[MODERATOR] the reviews in scope come a page at a time, newest first; the total and the root-cause counts cover them all", async () => {
  const { actor } = await createTestUser("moderator");
  const inScope = CASE_REVIEWS_PAGE_SIZE + 12;
  const flagged = await createFlaggedSeller({ now: T0, negativeReviews: inScope });
  const opened = await openCaseFromFlag({ actor, input: { flagId: flagged.flag.id }, now: T0 });
  expect(opened.reviewsInScope).toBe(inScope);
  const caseId = opened.case.id;
  // The seller names a root cause for the oldest five, which are not on the first page.
  const scoped = await db.select().from(caseReviews).where(eq(caseReviews.caseId, caseId)).orderBy(caseReviews.reviewId);
  const named = scoped.slice(-5).map((row) => row.reviewId);
  await db
    .update(caseReviews)
    .set({ rootCause: "not_in_stock" })
    .where(and(eq(caseReviews.caseId, caseId), inArray(caseReviews.reviewId, named)));

  const first = await getCaseForModerator({ actor, caseId, now: T0 });
  expect(first.reviews.total).toBe(inScope);
  expect(first.reviews.rows).toHaveLength(CASE_REVIEWS_PAGE_SIZE);
  const times = first.reviews.rows.map((review) => review.postedAt.getTime());
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(first.rootCauseCounts).toEqual([
    { rootCause: null, count: inScope - 5 },
    { rootCause: "not_in_stock", count: 5 },
  ]);
  expect(first.reviews.newerCursor).toBeUndefined();
  expect(first.reviews.olderCursor).toBeDefined();

  const second = await getCaseForModerator({ actor, caseId, now: T0, reviewsCursor: first.reviews.olderCursor });
  expect(second.reviews.rows).toHaveLength(12);
  expect(second.reviews.olderCursor).toBeUndefined();
  expect(second.reviews.total).toBe(inScope);
  expect(second.rootCauseCounts).toEqual(first.rootCauseCounts);
  const ids = [...first.reviews.rows, ...second.reviews.rows].map((review) => review.reviewId);
  expect(new Set(ids).size).toBe(inScope);
  expect(second.reviews.rows.every((review) => review.postedAt.getTime() < times.at(-1)!)).toBe(true);

  const back = await getCaseForModerator({ actor, caseId, now: T0, reviewsCursor: second.reviews.newerCursor });
  expect(back.reviews.rows.map((review) => review.reviewId)).toEqual(first.reviews.rows.map((review) => review.reviewId));

  // A cursor that is not a review of this case (another seller's, or made up) gives the first page.
  const other = await createFlaggedSeller({ now: T0, negativeReviews: 1 });
  const [foreign] = await db.select().from(reviews).where(eq(reviews.sellerId, other.seller.id));
  for (const before of [foreign!.id, 987_654_321]) {
    const fallback = await getCaseForModerator({ actor, caseId, now: T0, reviewsCursor: { before } });
    expect(fallback.reviews.rows.map((review) => review.reviewId)).toEqual(first.reviews.rows.map((review) => review.reviewId));
  }
});
