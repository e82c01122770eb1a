/**
 * Every refusal of a case action names its own reason, as typed facts a form words in the reader's
 * language: too early (from when), a stale form (who decided, when), a closed case, not allowed,
 * invalid input (each field's catalog message). None of them is "someone changed this meanwhile".
 */
import { describe, expect, test } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { answerLetter } from "./answer-letter";
import { addDays } from "./case-machine";
import { CHECKLIST_ITEMS } from "./checklist";
import { dismissFlag } from "./dismiss-flag";
import { extendCase } from "./extend-case";
import { openCaseFromFlag } from "./open-case";
import { reinstateCase } from "./reinstate-case";
import { createFlaggedSeller, refusalOf, submitTestLetter } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";

const T0 = new Date("2026-11-02T09:30:00Z");
const ALL_OVERRIDES = CHECKLIST_ITEMS.map((item) => ({ item, reason: "The seller showed the fix in a call with us" }));
const EXTENSION = {
  reasons: ["letter_missing_or_not_constructive" as const],
  recheckOn: "2026-11-30",
  message: "Your letter has not arrived yet; please send it.",
};

async function moderator(): Promise<UserActor> {
  return (await createTestUser("moderator")).actor;
}

async function openTestCase(actor: UserActor) {
  const flagged = await createFlaggedSeller({ now: T0 });
  const opened = await openCaseFromFlag({ actor, input: { flagId: flagged.flag.id }, now: T0 });
  return { ...flagged, theCase: opened.case };
}

describe("a decision before the re-check date", () => {
  test("[MODERATOR] reinstating with the current version is refused as too early, with the date it becomes possible", async () => {
    const actor = await moderator();
    const { theCase } = await openTestCase(actor);
    const refused = await refusalOf(
      reinstateCase({ actor, input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES }, now: addDays(T0, 5) }),
    );
    expect(refused.code).toBe("CONFLICT");
    expect(refused.details).toEqual({ reason: "too_early", possibleFrom: theCase.recheckAt.toISOString() });
  });

  test("[MODERATOR] extending early is refused as too early as well", async () => {
    const actor = await moderator();
    const { theCase } = await openTestCase(actor);
    const refused = await refusalOf(
      extendCase({
        actor,
        input: { caseId: theCase.id, expectedVersion: 1, ...EXTENSION },
        now: addDays(T0, 5),
        timeZone: "UTC",
      }),
    );
    expect(refused.details).toEqual({ reason: "too_early", possibleFrom: theCase.recheckAt.toISOString() });
  });
});

describe("a stale form and a closed case", () => {
  test("[MODERATOR] a form still holding the old version names who decided and when", async () => {
    const [first, second] = [await moderator(), await moderator()];
    const { theCase } = await openTestCase(first);
    const decidedAt = addDays(T0, 14);
    await extendCase({
      actor: first,
      input: { caseId: theCase.id, expectedVersion: 1, ...EXTENSION },
      now: decidedAt,
      timeZone: "UTC",
    });
    const refused = await refusalOf(
      reinstateCase({
        actor: second,
        input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
        now: addDays(T0, 30),
      }),
    );
    expect(refused.details).toEqual({
      reason: "case_decided",
      decision: "extend",
      decidedBy: first.label,
      decidedAt: decidedAt.toISOString(),
    });
  });

  test("[MODERATOR] a decision on a reinstated case with its current version is refused as closed", async () => {
    const actor = await moderator();
    const { theCase } = await openTestCase(actor);
    const input = { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES };
    const { case: reinstated } = await reinstateCase({ actor, input, now: addDays(T0, 14) });
    const refused = await refusalOf(
      reinstateCase({ actor, input: { ...input, expectedVersion: reinstated.version }, now: addDays(T0, 15) }),
    );
    expect(refused.details).toEqual({ reason: "case_closed" });
  });

  test("[MODERATOR] a letter answered meanwhile names who answered and when", async () => {
    const actor = await moderator();
    const { theCase, seller } = await openTestCase(actor);
    const letter = await submitTestLetter({ caseId: theCase.id, sellerId: seller.id, at: addDays(T0, 2) });
    const answeredAt = addDays(T0, 3);
    const answer = { letterId: letter.id, verdict: "accepted" as const, message: "Thank you, this is a concrete plan." };
    await answerLetter({ actor, input: answer, now: answeredAt });
    const refused = await refusalOf(answerLetter({ actor: await moderator(), input: answer, now: answeredAt }));
    expect(refused.details).toEqual({ reason: "letter_answered", answeredBy: actor.label, answeredAt: answeredAt.toISOString() });
  });

  test("[MODERATOR] a flag triaged meanwhile is refused as triaged", async () => {
    const actor = await moderator();
    const { flag } = await openTestCase(actor);
    const refused = await refusalOf(
      dismissFlag({ actor, input: { flagId: flag.id, reason: "Looked again: the seller is fine" }, now: T0 }),
    );
    expect(refused.details).toEqual({ reason: "flag_triaged" });
  });
});

describe("not allowed, and invalid input", () => {
  test("[SELLER] a seller's decision is refused as forbidden", async () => {
    const actor = await moderator();
    const { theCase } = await openTestCase(actor);
    const seller = (await createTestUser("seller")).actor;
    const refused = await refusalOf(
      reinstateCase({ actor: seller, input: { caseId: theCase.id, expectedVersion: 1 }, now: addDays(T0, 14) }),
    );
    expect(refused.code).toBe("FORBIDDEN");
  });

  test("[MODERATOR] each invalid field carries its catalog message and the bound it names", async () => {
    const actor = await moderator();
    const { theCase } = await openTestCase(actor);
    const now = addDays(T0, 14);
    const missingOverride = await refusalOf(reinstateCase({ actor, input: { caseId: theCase.id, expectedVersion: 1 }, now }));
    expect(missingOverride.code).toBe("INVALID");
    expect(missingOverride.issues).toContainEqual({
      path: "overrides.negative_reviews_resolved",
      message: "This item fails: write why you reinstate the seller anyway",
      catalog: { key: "overrideReasonRequired" },
    });

    const shortMessage = await refusalOf(
      extendCase({ actor, input: { caseId: theCase.id, expectedVersion: 1, ...EXTENSION, message: "Too short" }, now }),
    );
    expect(shortMessage.issues).toEqual([
      {
        path: "message",
        message: "Write at least 20 characters: the seller reads this message",
        catalog: { key: "messageToSellerTooShort", values: { minimum: 20 } },
      },
    ]);

    const noReason = await refusalOf(
      extendCase({ actor, input: { caseId: theCase.id, expectedVersion: 1, ...EXTENSION, reasons: [] }, now }),
    );
    expect(noReason.issues.map(({ path, catalog }) => ({ path, catalog }))).toEqual([
      { path: "reasons", catalog: { key: "extendReasonsRequired", values: { minimum: 1 } } },
    ]);
  });
});
