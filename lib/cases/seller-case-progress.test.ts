import { describe, expect, test } from "vitest";
import { addDays } from "./case-machine";
import { computeChecklist, type ChecklistFacts } from "./checklist";
import { checklistGaps, stepProgress } from "./seller-case-progress";

const EXCLUDED = new Date("2026-11-02T09:30:00Z");
const RECHECK = addDays(EXCLUDED, 14);

const facts = (overrides: Partial<ChecklistFacts> = {}): ChecklistFacts => ({
  reviewsInScope: 3,
  unresolvedReviewIds: [],
  newPositiveReviews: 2,
  averageRatingSince: 4.5,
  averageRatingAtExclusion: 3.1,
  suspectedFakeReviewIds: [],
  letters: [{ version: 1, submittedAt: addDays(EXCLUDED, 3), verdict: "accepted" }],
  recheckAt: RECHECK,
  newNegativeReviewIds: [],
  newComplaintIds: [],
  ...overrides,
});

const gaps = (overrides: Partial<ChecklistFacts>) => checklistGaps(computeChecklist(facts(overrides)), 14);

describe("what each re-check item still lacks, in the seller's terms", () => {
  test("a checklist that passes lacks nothing", () => {
    expect(Object.values(gaps({})).flat()).toEqual([]);
  });

  test("reviews neither resolved nor answered, suspected reviews, new negative feedback: counted", () => {
    const found = gaps({
      unresolvedReviewIds: [4, 9],
      suspectedFakeReviewIds: [12],
      newNegativeReviewIds: [20],
      newComplaintIds: [7, 8],
    });
    expect(found.negative_reviews_resolved).toEqual([{ kind: "unresolved_reviews", count: 2 }]);
    expect(found.no_suspected_fake_reviews).toEqual([{ kind: "suspected_fake_reviews", count: 1 }]);
    expect(found.no_new_negative_feedback).toEqual([{ kind: "new_negative_feedback", reviews: 1, complaints: 2 }]);
  });

  test("no review since the exclusion lacks both the positive review and the improvement; a lower average only the improvement", () => {
    expect(gaps({ newPositiveReviews: 0, averageRatingSince: null }).new_positive_reviews).toEqual([
      { kind: "no_new_positive_review" },
      { kind: "rating_not_improved", averageSince: null, averageAtExclusion: 3.1 },
    ]);
    expect(gaps({ averageRatingSince: 3.0 }).new_positive_reviews).toEqual([
      { kind: "rating_not_improved", averageSince: 3.0, averageAtExclusion: 3.1 },
    ]);
  });

  test("the letter: none, changes asked for, waiting with its answer-by date, accepted too late", () => {
    expect(gaps({ letters: [] }).letter_received).toEqual([{ kind: "no_letter" }]);
    const v1 = { version: 1, submittedAt: addDays(EXCLUDED, 2), verdict: "changes_requested" as const };
    expect(gaps({ letters: [v1] }).letter_received).toEqual([{ kind: "letter_changes_requested", version: 1 }]);
    const v2 = { version: 2, submittedAt: addDays(EXCLUDED, 5), verdict: null };
    expect(gaps({ letters: [v1, v2] }).letter_received).toEqual([
      { kind: "letter_awaiting_answer", version: 2, answerDueAt: addDays(EXCLUDED, 19) },
    ]);
    const late = { version: 2, submittedAt: addDays(RECHECK, 1), verdict: "accepted" as const };
    expect(gaps({ letters: [v1, late] }).letter_received).toEqual([{ kind: "letter_accepted_late", version: 2 }]);
  });
});

test("the steps in SPEC's order, each done when its count is complete", () => {
  const steps = stepProgress({
    inScope: 4,
    opened: 4,
    causesNamed: 3,
    buyersContacted: 0,
    dealtWith: 1,
    hasSubmittedLetter: false,
  });
  expect(steps).toEqual([
    { step: "open_every_negative_review", done: 4, total: 4, isDone: true },
    { step: "name_root_causes", done: 3, total: 4, isDone: false },
    { step: "contact_buyers", done: 0, total: 4, isDone: false },
    { step: "remove_edit_or_answer", done: 1, total: 4, isDone: false },
    { step: "write_letter", done: 0, total: 1, isDone: false },
  ]);
});
