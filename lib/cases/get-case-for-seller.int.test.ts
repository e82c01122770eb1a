/**
 * The seller's exclusion page against PostgreSQL: the re-check items are the moderator's, computed
 * the same way; the seller's progress is counted from their own work; another seller's case is not
 * found; a closed case shows what its reinstatement was decided on; nothing internal leaks.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { caseReviews, caseReviewSteps, reviewReplies } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { addCaseNote } from "./add-case-note";
import { answerLetter } from "./answer-letter";
import { addDays } from "./case-machine";
import { CHECKLIST_ITEMS } from "./checklist";
import { extendCase } from "./extend-case";
import { getCaseForModerator } from "./get-case-for-moderator";
import { getCaseForSeller, listSellerCases } from "./get-case-for-seller";
import { openCaseFromFlag } from "./open-case";
import { reinstateCase } from "./reinstate-case";
import { createFlaggedSeller, refusalOf, submitTestLetter } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";

const T0 = new Date("2026-11-02T09:30:00Z");
const INTERNAL_NOTE = "Internal: the owner sounded evasive on the phone";

/** A case opened from a flag on a seller with `negativeReviews` reviews in scope, and that seller's own account. */
async function openSellerCase(negativeReviews = 3) {
  const moderator = (await createTestUser("moderator")).actor;
  const flagged = await createFlaggedSeller({ now: T0, negativeReviews });
  const opened = await openCaseFromFlag({
    actor: moderator,
    input: { flagId: flagged.flag.id, note: "Please look at the delivery times." },
    now: T0,
  });
  const seller = (await createTestUser("seller", { sellerExternalId: flagged.externalId })).actor;
  const scoped = await db.select().from(caseReviews).where(eq(caseReviews.caseId, opened.case.id)).orderBy(caseReviews.reviewId);
  return { moderator, seller, sellerId: flagged.seller.id, caseId: opened.case.id, reviewIds: scoped.map((row) => row.reviewId) };
}

function expectNothingInternal(value: unknown, moderator: UserActor) {
  const json = JSON.stringify(value);
  expect(json).not.toContain(INTERNAL_NOTE);
  expect(json).not.toContain(moderator.label);
  expect(json).not.toContain("@");
}

describe("getCaseForSeller", () => {
  test("[SELLER] sees the moderator's five re-check items, their own progress through the steps and what is still missing", async () => {
    const { moderator, seller, sellerId, caseId, reviewIds } = await openSellerCase(4);
    const [first, second, third] = reviewIds as [number, number, number, number];
    // Causes named for three; the first resolved with its buyer, the second answered publicly,
    // the third only contacted: the fourth is untouched.
    for (const reviewId of [first, second, third])
      await db.update(caseReviews).set({ rootCause: "slow_or_no_contact" }).where(eq(caseReviews.reviewId, reviewId));
    await db
      .update(caseReviews)
      .set({ resolution: "resolved_with_buyer", resolutionNote: "Refunded", resolvedAt: addDays(T0, 2) })
      .where(eq(caseReviews.reviewId, first));
    await db.insert(reviewReplies).values({ sellerId, reviewId: second, body: "We are sorry, we changed our courier." });
    await db.insert(caseReviewSteps).values({ caseId, reviewId: third, sellerId, step: "contacted_buyer", note: "Called" });
    // Version 1 answered with changes asked for, version 2 waiting for its answer.
    const v1 = await submitTestLetter({ caseId, sellerId, version: 1, at: addDays(T0, 2) });
    await answerLetter({
      actor: moderator,
      input: { letterId: v1.id, verdict: "changes_requested", message: "Please name a solution for the delivery problem." },
      now: addDays(T0, 3),
    });
    await submitTestLetter({ caseId, sellerId, version: 2, at: addDays(T0, 4) });
    await addCaseNote({ actor: moderator, input: { caseId, body: INTERNAL_NOTE }, now: addDays(T0, 4) });

    const now = addDays(T0, 5);
    const theCase = await getCaseForSeller({ actor: seller, caseId, now });
    const moderatorsView = await getCaseForModerator({ actor: moderator, caseId, now });

    expect(theCase.checklist).toEqual(moderatorsView.checklist);
    expect(theCase.checklist.items.map((item) => item.key)).toEqual([...CHECKLIST_ITEMS]);
    expect(theCase).toMatchObject({
      status: "EXCLUDED",
      isClosed: false,
      recheckAt: addDays(T0, 14),
      earliestReinstatementAt: addDays(T0, 14),
      countdown: { kind: "days_left", days: 9 },
      openReason: "Please look at the delivery times.",
      checklistSource: { kind: "computed", at: now },
      decisions: [],
      letter: { latest: { version: 2, verdict: null, answerDueAt: addDays(T0, 18) } },
    });
    expect(theCase.reasons).toEqual([expect.objectContaining({ code: "LOW_YEAR", metric: "negativeReviewRate", value: 0.3 })]);
    expect(theCase.steps).toEqual([
      { step: "open_every_negative_review", done: 3, total: 4, isDone: false },
      { step: "name_root_causes", done: 3, total: 4, isDone: false },
      { step: "contact_buyers", done: 2, total: 4, isDone: false },
      { step: "remove_edit_or_answer", done: 2, total: 4, isDone: false },
      { step: "write_letter", done: 1, total: 1, isDone: true },
    ]);
    expect(theCase.missing.negative_reviews_resolved).toEqual([{ kind: "unresolved_reviews", count: 2 }]);
    expect(theCase.missing.letter_received).toEqual([
      { kind: "letter_awaiting_answer", version: 2, answerDueAt: addDays(T0, 18) },
    ]);
    expect(theCase.missing.no_suspected_fake_reviews).toEqual([]);
    expectNothingInternal(theCase, moderator);

    // On the re-check date the countdown says the moderator decides next.
    const due = await getCaseForSeller({ actor: seller, caseId, now: addDays(T0, 14) });
    expect(due).toMatchObject({ status: "DUE_FOR_RECHECK", countdown: { kind: "due" } });
  });

  test("[SELLER] another seller's case, and an id that does not exist, are not found", async () => {
    const { caseId } = await openSellerCase(1);
    const stranger = (await createTestUser("seller")).actor;
    expect((await refusalOf(getCaseForSeller({ actor: stranger, caseId, now: T0 }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(getCaseForSeller({ actor: stranger, caseId: 987_654_321, now: T0 }))).code).toBe("NOT_FOUND");
    expect(await listSellerCases({ actor: stranger })).toEqual([]);
  });

  test("[SELLER] a closed case shows the checklist its reinstatement was decided on, and the decisions without who made them", async () => {
    const { moderator, seller, caseId, reviewIds } = await openSellerCase(2);
    await extendCase({
      actor: moderator,
      input: {
        caseId,
        expectedVersion: 1,
        reasons: ["negative_reviews_unresolved"],
        recheckOn: "2026-11-30",
        message: "Please answer the remaining reviews first.",
      },
      now: addDays(T0, 14),
      timeZone: "UTC",
    });
    const overrides = CHECKLIST_ITEMS.map((item) => ({ item, reason: "The seller showed the fix in a call with us" }));
    await reinstateCase({
      actor: moderator,
      input: { caseId, expectedVersion: 2, overrides, note: INTERNAL_NOTE },
      now: new Date("2026-11-30T10:00:00Z"),
    });
    // Work recorded after the decision changes the live facts, not the outcome shown.
    for (const reviewId of reviewIds)
      await db
        .update(caseReviews)
        .set({ resolution: "resolved_with_buyer", resolvedAt: T0 })
        .where(eq(caseReviews.reviewId, reviewId));

    const now = new Date("2026-12-05T10:00:00Z");
    const theCase = await getCaseForSeller({ actor: seller, caseId, now });
    const moderatorsView = await getCaseForModerator({ actor: moderator, caseId, now });
    expect(moderatorsView.checklistSource.kind).toBe("decision");
    expect(theCase.checklist).toEqual(moderatorsView.checklist);
    expect(theCase.checklist.items.find((item) => item.key === "negative_reviews_resolved")?.isPassed).toBe(false);
    expect(theCase.missing.negative_reviews_resolved).toEqual([{ kind: "unresolved_reviews", count: 2 }]);
    expect(theCase).toMatchObject({
      status: "REINSTATED",
      isClosed: true,
      reinstatedAt: new Date("2026-11-30T10:00:00Z"),
      checklistSource: { kind: "decision", at: new Date("2026-11-30T10:00:00Z") },
      decisions: [
        { kind: "reinstate", at: new Date("2026-11-30T10:00:00Z") },
        {
          kind: "extend",
          at: addDays(T0, 14),
          reasons: ["negative_reviews_unresolved"],
          newRecheckAt: new Date("2026-11-30T00:00:00Z"),
          message: "Please answer the remaining reviews first.",
        },
      ],
    });
    expect(JSON.stringify(theCase)).not.toContain("The seller showed the fix");
    expectNothingInternal(theCase, moderator);

    expect(await listSellerCases({ actor: seller })).toEqual([
      expect.objectContaining({ caseId, status: "REINSTATED", excludedAt: T0 }),
    ]);
  });
});
