/**
 * The day-14 re-check checklist (SPEC "The re-check"), computed from facts gathered in one query
 * (get-checklist-facts.ts). Pure, so each rule is unit-tested with hand-made facts. Every item
 * carries the evidence it was decided on; a moderator who reinstates despite a failing item must
 * write why.
 */

export const CHECKLIST_ITEMS = [
  "negative_reviews_resolved",
  "new_positive_reviews",
  "no_suspected_fake_reviews",
  "letter_received",
  "no_new_negative_feedback",
] as const;
export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number];

export type ChecklistFacts = {
  /** Negative reviews in the case's scope, and the ids of those neither resolved nor answered. */
  reviewsInScope: number;
  unresolvedReviewIds: number[];
  /** Positive reviews since the exclusion from buyers who bought from the seller, not suspected. */
  newPositiveReviews: number;
  /** Average rating of the reviews since the exclusion; null when there are none. */
  averageRatingSince: number | null;
  /** The year-window average rating frozen at the exclusion. */
  averageRatingAtExclusion: number | null;
  /** Reviews since the exclusion with a suspected or confirmed fake-review signal. */
  suspectedFakeReviewIds: number[];
  /** Submitted letters with the moderator's verdict, oldest first. */
  letters: { version: number; submittedAt: Date; verdict: "accepted" | "changes_requested" | null }[];
  recheckAt: Date;
  newNegativeReviewIds: number[];
  newComplaintIds: number[];
};

export type ChecklistItem = {
  key: ChecklistItemKey;
  isPassed: boolean;
  /** Numbers and ids behind the verdict, for the page to show and the decision to freeze. */
  evidence: Record<string, unknown>;
};

export type Checklist = { items: ChecklistItem[]; isAllPassed: boolean };

export function computeChecklist(facts: ChecklistFacts): Checklist {
  const acceptedInTime = facts.letters.filter(
    (letter) => letter.verdict === "accepted" && letter.submittedAt.getTime() <= facts.recheckAt.getTime(),
  );
  const ratingImproved =
    facts.averageRatingSince !== null &&
    (facts.averageRatingAtExclusion === null || facts.averageRatingSince > facts.averageRatingAtExclusion);

  const items: ChecklistItem[] = [
    {
      key: "negative_reviews_resolved",
      isPassed: facts.unresolvedReviewIds.length === 0,
      evidence: {
        inScope: facts.reviewsInScope,
        resolved: facts.reviewsInScope - facts.unresolvedReviewIds.length,
        unresolvedReviewIds: facts.unresolvedReviewIds,
      },
    },
    {
      key: "new_positive_reviews",
      isPassed: facts.newPositiveReviews > 0 && ratingImproved,
      evidence: {
        newPositiveReviews: facts.newPositiveReviews,
        averageRatingSince: facts.averageRatingSince,
        averageRatingAtExclusion: facts.averageRatingAtExclusion,
        ratingImproved,
      },
    },
    {
      key: "no_suspected_fake_reviews",
      isPassed: facts.suspectedFakeReviewIds.length === 0,
      evidence: { suspectedReviewIds: facts.suspectedFakeReviewIds },
    },
    {
      // "Constructive" is the moderator's verdict: an accepted letter submitted by the re-check date.
      key: "letter_received",
      isPassed: acceptedInTime.length > 0,
      evidence: {
        recheckAt: facts.recheckAt.toISOString(),
        letters: facts.letters.map((letter) => ({ ...letter, submittedAt: letter.submittedAt.toISOString() })),
        acceptedVersion: acceptedInTime.at(-1)?.version ?? null,
      },
    },
    {
      key: "no_new_negative_feedback",
      isPassed: facts.newNegativeReviewIds.length === 0 && facts.newComplaintIds.length === 0,
      evidence: { newNegativeReviewIds: facts.newNegativeReviewIds, newComplaintIds: facts.newComplaintIds },
    },
  ];
  return { items, isAllPassed: items.every((item) => item.isPassed) };
}
