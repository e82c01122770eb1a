import { describe, expect, test } from "vitest";
import { selectCountedReviews } from "@/lib/quality/unique-ratings";

const DAY0 = Date.parse("2025-03-03T10:00:00Z");
const HOUR_MS = 3_600_000;

function review(id: number, buyerId: string, sellerId: number, hoursAfterDay0: number) {
  return { id, buyerId, sellerId, postedAt: new Date(DAY0 + hoursAfterDay0 * HOUR_MS) };
}
const ids = (reviews: readonly { id: number }[]) => reviews.map((r) => r.id);

describe("the unique-rating rule (7 days)", () => {
  test("a buyer posting 5 reviews to one seller within three days counts once: the earliest", () => {
    const reviews = [0, 10, 30, 50, 70].map((hours, i) => review(i + 1, "b-1", 7, hours));
    expect(ids(selectCountedReviews(reviews, 7))).toEqual([1]);
  });

  test("days 0, 5 and 9: day 5 does not count, so it does not block day 9", () => {
    // Day 5 lies within 7 days of the counted day 0; day 9 is 9 ≥ 0 + 7 days after the last counted
    // review, although the uncounted day-5 review lies 4 days before it.
    const reviews = [review(1, "b-1", 7, 0), review(2, "b-1", 7, 5 * 24), review(3, "b-1", 7, 9 * 24)];
    expect(ids(selectCountedReviews(reviews, 7))).toEqual([1, 3]);
  });

  test("exactly 7 × 24 hours after a counted review counts; a millisecond less does not", () => {
    const counted = selectCountedReviews([review(1, "b-1", 7, 0), review(2, "b-1", 7, 7 * 24)], 7);
    expect(ids(counted)).toEqual([1, 2]);
    const almost = { id: 3, buyerId: "b-1", sellerId: 7, postedAt: new Date(DAY0 + 7 * 24 * HOUR_MS - 1) };
    expect(ids(selectCountedReviews([review(1, "b-1", 7, 0), almost], 7))).toEqual([1]);
  });

  test("one buyer's reviews of different sellers are independent, and so are different buyers", () => {
    const reviews = [review(1, "b-1", 7, 0), review(2, "b-1", 8, 1), review(3, "b-2", 7, 2), review(4, "b-1", 7, 3)];
    expect(ids(selectCountedReviews(reviews, 7))).toEqual([1, 2, 3]);
  });

  test("reviews posted at the same instant: the lower id counts", () => {
    const reviews = [review(8, "b-1", 7, 0), review(3, "b-1", 7, 0)];
    expect(ids(selectCountedReviews(reviews, 7))).toEqual([3]);
  });

  test("the counted reviews come back in input order, whatever order they were posted in", () => {
    const reviews = [review(5, "b-2", 7, 10 * 24), review(1, "b-1", 7, 20 * 24), review(2, "b-1", 7, 0)];
    expect(ids(selectCountedReviews(reviews, 7))).toEqual([5, 1, 2]);
  });

  test("with a 0-day rule every review counts", () => {
    const reviews = [review(1, "b-1", 7, 0), review(2, "b-1", 7, 0), review(3, "b-1", 7, 1)];
    expect(ids(selectCountedReviews(reviews, 0))).toEqual([1, 2, 3]);
  });

  test("a buyer id that looks like a seller id does not collide with another pair", () => {
    const reviews = [review(1, "1", 2, 0), { ...review(2, "", 12, 1) }];
    expect(ids(selectCountedReviews(reviews, 7))).toEqual([1, 2]);
  });
});
