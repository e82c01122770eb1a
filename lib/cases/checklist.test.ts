import { describe, expect, test } from "vitest";
import { computeChecklist, type ChecklistFacts } from "./checklist";

const RECHECK = new Date("2026-11-15T00:00:00Z");
/** Every item passes. */
const GOOD: ChecklistFacts = {
  reviewsInScope: 3,
  unresolvedReviewIds: [],
  newPositiveReviews: 2,
  averageRatingSince: 4.5,
  averageRatingAtExclusion: 3.1,
  suspectedFakeReviewIds: [],
  letters: [{ version: 1, submittedAt: new Date("2026-11-10T00:00:00Z"), verdict: "accepted" }],
  recheckAt: RECHECK,
  newNegativeReviewIds: [],
  newComplaintIds: [],
};

const failing = (facts: Partial<ChecklistFacts>) =>
  computeChecklist({ ...GOOD, ...facts })
    .items.filter((item) => !item.isPassed)
    .map((item) => item.key);

describe("the re-check checklist", () => {
  test("all five items pass on good facts", () => {
    const checklist = computeChecklist(GOOD);
    expect(checklist.items.map((item) => item.key)).toEqual([
      "negative_reviews_resolved",
      "new_positive_reviews",
      "no_suspected_fake_reviews",
      "letter_received",
      "no_new_negative_feedback",
    ]);
    expect(checklist.isAllPassed).toBe(true);
  });

  test("an unresolved review in scope fails item 1, with its id as evidence", () => {
    const checklist = computeChecklist({ ...GOOD, unresolvedReviewIds: [42] });
    expect(checklist.isAllPassed).toBe(false);
    expect(checklist.items[0]).toMatchObject({
      isPassed: false,
      evidence: { inScope: 3, resolved: 2, unresolvedReviewIds: [42] },
    });
  });

  test.each([
    { name: "no new positive review", facts: { newPositiveReviews: 0 } },
    { name: "the rating did not improve", facts: { averageRatingSince: 3.1 } },
    { name: "no review since the exclusion", facts: { averageRatingSince: null } },
  ])("item 2 fails: $name", ({ facts }) => {
    expect(failing(facts)).toEqual(["new_positive_reviews"]);
  });

  test("a suspected fake review since the exclusion fails item 3", () => {
    expect(failing({ suspectedFakeReviewIds: [7] })).toEqual(["no_suspected_fake_reviews"]);
  });

  test.each([
    { name: "no letter", letters: [] },
    {
      name: "a letter still unanswered",
      letters: [{ version: 1, submittedAt: new Date("2026-11-10T00:00:00Z"), verdict: null }],
    },
    {
      name: "changes were asked for",
      letters: [{ version: 1, submittedAt: new Date("2026-11-10T00:00:00Z"), verdict: "changes_requested" as const }],
    },
    {
      name: "accepted, but sent after the re-check date",
      letters: [{ version: 2, submittedAt: new Date("2026-11-15T00:00:01Z"), verdict: "accepted" as const }],
    },
  ])("item 4 fails: $name", ({ letters }) => {
    expect(failing({ letters })).toEqual(["letter_received"]);
  });

  test("a letter sent exactly on the re-check instant counts", () => {
    expect(failing({ letters: [{ version: 1, submittedAt: RECHECK, verdict: "accepted" }] })).toEqual([]);
  });

  test.each([{ newNegativeReviewIds: [9] }, { newComplaintIds: [3] }])("new negative feedback fails item 5: %o", (facts) => {
    expect(failing(facts)).toEqual(["no_new_negative_feedback"]);
  });
});
