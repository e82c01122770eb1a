/**
 * SPEC's unique-rating rule: per (buyer, seller), a review counts only if no *counted* review from
 * that buyer to that seller lies in the `uniqueRatingDays` days before it; the earliest one counts.
 */

const DAY_MS = 86_400_000;

export type RatedReview = { id: number; buyerId: string; sellerId: number; postedAt: Date };

/**
 * The reviews that count, in input order. Within each (buyer, seller) pair, in order of postedAt then
 * id, a review counts when it is the first or was posted at least `uniqueRatingDays` × 24 h after the
 * last *counted* one. Greedy, so with reviews on days 0, 5 and 9 and a 7-day rule, days 0 and 9 count:
 * day 5 did not count, so it does not block day 9. The caller has already dropped removed reviews.
 */
export function selectCountedReviews<T extends RatedReview>(reviews: readonly T[], uniqueRatingDays: number): T[] {
  if (!Number.isFinite(uniqueRatingDays) || uniqueRatingDays < 0) {
    throw new RangeError(`uniqueRatingDays must be a number of days, not negative, got ${uniqueRatingDays}`);
  }
  const gapMs = uniqueRatingDays * DAY_MS;

  const byPair = new Map<string, T[]>();
  for (const review of reviews) {
    // JSON keeps any buyer id apart from the seller id, whatever characters it contains.
    const key = JSON.stringify([review.sellerId, review.buyerId]);
    const pair = byPair.get(key);
    if (pair) pair.push(review);
    else byPair.set(key, [review]);
  }

  const counted = new Set<T>();
  for (const pair of byPair.values()) {
    pair.sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime() || a.id - b.id);
    let lastCountedAt = Number.NEGATIVE_INFINITY;
    for (const review of pair) {
      const postedAt = review.postedAt.getTime();
      if (postedAt >= lastCountedAt + gapMs) {
        counted.add(review);
        lastCountedAt = postedAt;
      }
    }
  }
  return reviews.filter((review) => counted.has(review));
}
