/**
 * The seller's side of a case in pure functions: their progress through SPEC's steps, and what each
 * re-check item still lacks, read from the item's own evidence. Client-safe: no server imports.
 */
import { SELLER_STEPS, type SellerStep } from "@/lib/notifications/notification-kinds";
import { addDays } from "./case-machine";
import type { Checklist, ChecklistItem, ChecklistItemKey } from "./checklist";

/** How far the seller is with one of SPEC's steps: `done` of `total` (reviews, or the one letter). */
export type SellerStepProgress = { step: SellerStep; done: number; total: number; isDone: boolean };

/** What still keeps a re-check item from passing, in terms the seller can act on (or wait for). */
export type ChecklistGap =
  | { kind: "unresolved_reviews"; count: number }
  | { kind: "no_new_positive_review" }
  | { kind: "rating_not_improved"; averageSince: number | null; averageAtExclusion: number | null }
  | { kind: "suspected_fake_reviews"; count: number }
  | { kind: "no_letter" }
  | { kind: "letter_awaiting_answer"; version: number; answerDueAt: Date }
  | { kind: "letter_changes_requested"; version: number }
  | { kind: "letter_accepted_late"; version: number }
  | { kind: "new_negative_feedback"; reviews: number; complaints: number };

/** SPEC's steps in their order, each with its count. */
export function stepProgress(counts: {
  inScope: number;
  opened: number;
  causesNamed: number;
  buyersContacted: number;
  dealtWith: number;
  hasSubmittedLetter: boolean;
}): SellerStepProgress[] {
  const byStep: Record<SellerStep, { done: number; total: number }> = {
    open_every_negative_review: { done: counts.opened, total: counts.inScope },
    name_root_causes: { done: counts.causesNamed, total: counts.inScope },
    contact_buyers: { done: counts.buyersContacted, total: counts.inScope },
    remove_edit_or_answer: { done: counts.dealtWith, total: counts.inScope },
    write_letter: { done: counts.hasSubmittedLetter ? 1 : 0, total: 1 },
  };
  return SELLER_STEPS.map((step) => ({ step, ...byStep[step], isDone: byStep[step].done >= byStep[step].total }));
}

/**
 * What each failing item still lacks, read from the item's own evidence: the same for a checklist
 * computed now and for the snapshot a closed case was decided on.
 */
export function checklistGaps(checklist: Checklist, answerDays: number): Record<ChecklistItemKey, ChecklistGap[]> {
  const gaps = {} as Record<ChecklistItemKey, ChecklistGap[]>;
  for (const item of checklist.items) gaps[item.key] = item.isPassed ? [] : itemGaps(item, answerDays);
  return gaps;
}

function itemGaps(item: ChecklistItem, answerDays: number): ChecklistGap[] {
  const evidence = item.evidence;
  const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);
  const numberOrNull = (value: unknown) => (typeof value === "number" ? value : null);
  switch (item.key) {
    case "negative_reviews_resolved":
      return [{ kind: "unresolved_reviews", count: count(evidence.unresolvedReviewIds) }];
    case "new_positive_reviews": {
      const gaps: ChecklistGap[] = [];
      if (!(Number(evidence.newPositiveReviews) > 0)) gaps.push({ kind: "no_new_positive_review" });
      if (evidence.ratingImproved !== true)
        gaps.push({
          kind: "rating_not_improved",
          averageSince: numberOrNull(evidence.averageRatingSince),
          averageAtExclusion: numberOrNull(evidence.averageRatingAtExclusion),
        });
      return gaps;
    }
    case "no_suspected_fake_reviews":
      return [{ kind: "suspected_fake_reviews", count: count(evidence.suspectedReviewIds) }];
    case "letter_received": {
      const letters = (evidence.letters ?? []) as { version: number; submittedAt: string; verdict: string | null }[];
      const latest = letters.at(-1);
      if (!latest) return [{ kind: "no_letter" }];
      if (latest.verdict === null)
        return [
          {
            kind: "letter_awaiting_answer",
            version: latest.version,
            answerDueAt: addDays(new Date(latest.submittedAt), answerDays),
          },
        ];
      if (latest.verdict === "changes_requested") return [{ kind: "letter_changes_requested", version: latest.version }];
      return [{ kind: "letter_accepted_late", version: latest.version }];
    }
    case "no_new_negative_feedback":
      return [
        {
          kind: "new_negative_feedback",
          reviews: count(evidence.newNegativeReviewIds),
          complaints: count(evidence.newComplaintIds),
        },
      ];
  }
}
