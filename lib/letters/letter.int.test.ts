/**
 * The seller's improvement letter against PostgreSQL: the one schema refusing bad pairs with
 * catalog keys, the draft kept and guarded against a stale tab, *Submit* making one immutable
 * version per key (also when two requests race on two connections), the awaiting-answer and
 * closed-case refusals, and another seller's case answered as not found with nothing written.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, caseReviews, letterItems, letters } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { answerLetter } from "@/lib/cases/answer-letter";
import { addDays, caseTransition, effectiveCaseStatus } from "@/lib/cases/case-machine";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import { getCaseTimeline } from "@/lib/cases/get-case-timeline";
import { listLettersAwaitingAnswer } from "@/lib/cases/list-letters-awaiting";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { reinstateCase } from "@/lib/cases/reinstate-case";
import { CASE_STATUSES } from "@/db/enums";
import { createFlaggedSeller, refusalOf } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { getLetterForSeller, startingPairs } from "./get-letter-for-seller";
import { saveLetterDraft } from "./save-letter-draft";
import { submitLetter } from "./submit-letter";

const T0 = new Date("2026-11-02T09:30:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const PAIR = {
  rootCause: "slow_or_no_contact" as const,
  problem: "Buyers waited two days for a call back after ordering.",
  solution: "We confirm every order by text message within one hour, seven days a week, from Monday on.",
};
const SECOND_PAIR = {
  rootCause: "delivery_cost" as const,
  problem: "Buyers were surprised by the delivery cost at the post office.",
  solution: "We state the approximate delivery cost in the order confirmation and on every product page.",
};

/** A seller with an excluded case of their own and a moderator who opened it. */
async function sellerWithCase(negativeReviews = 2) {
  const { actor: moderator } = await createTestUser("moderator");
  const flagged = await createFlaggedSeller({ now: T0, negativeReviews });
  const { case: theCase } = await openCaseFromFlag({ actor: moderator, input: { flagId: flagged.flag.id }, now: T0 });
  const { actor: seller } = await createTestUser("seller", { sellerExternalId: flagged.externalId });
  return { moderator, seller, theCase, sellerId: flagged.seller.id };
}

const submit = (actor: UserActor, caseId: number, items: unknown[] = [PAIR], submitKey = randomUUID(), now = minutes(10)) =>
  submitLetter({ actor, input: { caseId, submitKey, items: items as never }, now });

async function lettersOf(caseId: number) {
  return db.select().from(letters).where(eq(letters.caseId, caseId)).orderBy(letters.version);
}

async function letterAuditCount(caseId: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.action, "letter.submitted"), sql`${auditLog.after} ->> 'caseId' = ${String(caseId)}`));
  return row!.n;
}

describe("the pairs are checked on the server with the catalogs' keys", () => {
  const cases = [
    { name: "an empty list", items: [], path: "items", key: "letterPairsRequired" },
    { name: "eleven pairs", items: Array.from({ length: 11 }, () => PAIR), path: "items", key: "letterPairsTooMany" },
    {
      name: "a missing root cause",
      items: [{ ...PAIR, rootCause: "" }],
      path: "items.0.rootCause",
      key: "letterRootCauseRequired",
    },
    {
      name: "a problem too short",
      items: [{ ...PAIR, problem: "Late calls" }],
      path: "items.0.problem",
      key: "letterProblemTooShort",
    },
    {
      name: "a solution too short",
      items: [PAIR, { ...PAIR, solution: "We will do better" }],
      path: "items.1.solution",
      key: "letterSolutionTooShort",
    },
  ];
  for (const { name, items, path, key } of cases) {
    test(`[SELLER] ${name} is refused as invalid, naming the field, and nothing is written`, async () => {
      const { seller, theCase } = await sellerWithCase();
      const refused = await refusalOf(submit(seller, theCase.id, items));
      expect(refused.code).toBe("INVALID");
      expect(refused.issues.map((issue) => [issue.path, issue.catalog?.key])).toContainEqual([path, key]);
      expect(await lettersOf(theCase.id)).toEqual([]);
    });
  }

  test("[SELLER] text that is only spaces counts as empty, and the bound is worded with its number", async () => {
    const { seller, theCase } = await sellerWithCase();
    const refused = await refusalOf(submit(seller, theCase.id, [{ ...PAIR, problem: " ".repeat(40) }]));
    expect(refused.issues).toContainEqual(
      expect.objectContaining({ path: "items.0.problem", catalog: { key: "letterProblemTooShort", values: { minimum: 20 } } }),
    );
  });
});

describe("the draft", () => {
  test("[SELLER] a partial draft is kept in the database, read back, and a form older than it is refused", async () => {
    const { seller, theCase } = await sellerWithCase();
    const first = await saveLetterDraft({
      actor: seller,
      input: { caseId: theCase.id, savedAt: null, items: [{ rootCause: "other", problem: "Half a", solution: "" }] },
      now: minutes(1),
    });
    expect(first).toMatchObject({ version: 1, savedAt: minutes(1).toISOString() });
    // The same form goes on with the time it was told.
    const second = await saveLetterDraft({
      actor: seller,
      input: { caseId: theCase.id, savedAt: first.savedAt, items: [PAIR, SECOND_PAIR] },
      now: minutes(2),
    });
    expect(second.letterId).toBe(first.letterId);

    const page = await getLetterForSeller({ actor: seller, caseId: theCase.id, now: minutes(3) });
    expect(page.draft).toEqual({ version: 1, items: [PAIR, SECOND_PAIR], updatedAt: minutes(2) });
    expect(startingPairs(page)).toEqual([PAIR, SECOND_PAIR]);

    // Another tab still holding the first save's time, or one that never saw the draft.
    for (const savedAt of [first.savedAt, null]) {
      const refused = await refusalOf(
        saveLetterDraft({ actor: seller, input: { caseId: theCase.id, savedAt, items: [PAIR] }, now: minutes(4) }),
      );
      expect(refused.details).toEqual({ reason: "draft_changed", savedAt: minutes(2).toISOString() });
    }
    const items = await db.select().from(letterItems).where(eq(letterItems.letterId, first.letterId));
    expect(items).toHaveLength(2);
    // Drafts are nobody's decision and are saved at every pause in typing: not audited.
    expect(
      await db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.after} ->> 'caseId' = ${String(theCase.id)}`),
    ).toEqual([]);
  });

  test("[SELLER] the draft's texts keep their maximum length", async () => {
    const { seller, theCase } = await sellerWithCase();
    const refused = await refusalOf(
      saveLetterDraft({
        actor: seller,
        input: { caseId: theCase.id, items: [{ ...PAIR, solution: "x".repeat(2001) }] },
        now: minutes(1),
      }),
    );
    expect(refused.issues).toContainEqual(
      expect.objectContaining({ path: "items.0.solution", catalog: expect.objectContaining({ key: "tooLong" }) }),
    );
  });

  test("[SELLER] without a draft the first pairs start from the most frequent root causes, and the share analysed is told", async () => {
    const { seller, theCase } = await sellerWithCase(4);
    const inScope = await db.select().from(caseReviews).where(eq(caseReviews.caseId, theCase.id));
    expect(inScope).toHaveLength(4);
    const causes = ["delivery_cost", "delivery_cost", "quality_of_goods", null] as const;
    for (const [index, review] of inScope.entries())
      await db
        .update(caseReviews)
        .set({ rootCause: causes[index] })
        .where(and(eq(caseReviews.caseId, theCase.id), eq(caseReviews.reviewId, review.reviewId)));

    const page = await getLetterForSeller({ actor: seller, caseId: theCase.id, now: minutes(1) });
    expect(page).toMatchObject({ reviewsInScope: 4, reviewsAnalysed: 3, draft: null, canWrite: true });
    expect(startingPairs(page).map((pair) => pair.rootCause)).toEqual(["delivery_cost", "quality_of_goods"]);
  });
});

describe("submitting", () => {
  test("[SELLER] the draft becomes version 1, received now, due in the policy's days, audited on the case timeline and queued for moderators", async () => {
    const { moderator, seller, theCase, sellerId } = await sellerWithCase();
    const draft = await saveLetterDraft({ actor: seller, input: { caseId: theCase.id, items: [PAIR] }, now: minutes(1) });
    const sent = await submit(seller, theCase.id, [PAIR, SECOND_PAIR]);
    expect(sent).toEqual({
      letterId: draft.letterId,
      caseId: theCase.id,
      version: 1,
      submittedAt: minutes(10),
      answerDueAt: addDays(minutes(10), 14),
    });
    const [stored] = await lettersOf(theCase.id);
    expect(stored).toMatchObject({ status: "submitted", submittedBy: seller.userId, submittedAt: minutes(10) });

    const page = await getLetterForSeller({ actor: seller, caseId: theCase.id, now: minutes(11) });
    expect(page.draft).toBeNull();
    expect(page.versions).toEqual([
      expect.objectContaining({ version: 1, items: [PAIR, SECOND_PAIR], answer: null, answerDueAt: addDays(minutes(10), 14) }),
    ]);
    expect(page).toMatchObject({ canWrite: false, awaiting: { version: 1, answerDueAt: addDays(minutes(10), 14) } });

    const timeline = await getCaseTimeline(db, { caseId: theCase.id, sellerId });
    expect(timeline.filter((entry) => entry.action === "letter.submitted")).toEqual([
      expect.objectContaining({ letterVersion: 1, actorLabel: seller.label, actorRole: "seller" }),
    ]);
    const queue = await listLettersAwaitingAnswer({ actor: moderator, sort: "newest", now: minutes(12) });
    expect(queue.rows.map((row) => [row.caseId, row.version, row.items])).toContainEqual([theCase.id, 1, 2]);
  });

  test("[SELLER] a submitted letter cannot be changed: not by a draft save, nor by SQL on the letter or its items", async () => {
    const { seller, theCase } = await sellerWithCase();
    const sent = await submit(seller, theCase.id);
    const refused = await refusalOf(
      saveLetterDraft({ actor: seller, input: { caseId: theCase.id, items: [SECOND_PAIR] }, now: minutes(20) }),
    );
    expect(refused.details).toEqual({
      reason: "letter_awaiting_answer",
      version: 1,
      answerDueAt: addDays(minutes(10), 14).toISOString(),
    });
    const attempts = [
      db.update(letters).set({ status: "draft" }).where(eq(letters.id, sent.letterId)),
      db.delete(letters).where(eq(letters.id, sent.letterId)),
      db
        .update(letterItems)
        .set({ problem: "Rewritten after the fact, quietly." })
        .where(eq(letterItems.letterId, sent.letterId)),
      db.delete(letterItems).where(eq(letterItems.letterId, sent.letterId)),
      db.insert(letterItems).values({ letterId: sent.letterId, sellerId: seller.sellerId!, position: 2, ...SECOND_PAIR }),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toThrow();
    const items = await db.select().from(letterItems).where(eq(letterItems.letterId, sent.letterId));
    expect(items.map(({ problem }) => problem)).toEqual([PAIR.problem]);
  });

  test("[SELLER] the same key twice makes one letter and one audit entry", async () => {
    const { seller, theCase } = await sellerWithCase();
    const key = randomUUID();
    const first = await submit(seller, theCase.id, [PAIR], key, minutes(10));
    const again = await submit(seller, theCase.id, [SECOND_PAIR], key, minutes(11));
    expect(again).toEqual(first);
    expect(await lettersOf(theCase.id)).toHaveLength(1);
    expect(await letterAuditCount(theCase.id)).toBe(1);
  });

  test(
    "[SELLER] two requests with the same key at the same moment, on two connections, make one letter",
    { timeout: 60_000 },
    async () => {
      for (let round = 0; round < 10; round++) {
        const { seller, theCase } = await sellerWithCase();
        const key = randomUUID();
        const [a, b] = await Promise.all([submit(seller, theCase.id, [PAIR], key), submit(seller, theCase.id, [PAIR], key)]);
        expect(a).toEqual(b);
        expect(await lettersOf(theCase.id)).toHaveLength(1);
        expect(await letterAuditCount(theCase.id)).toBe(1);
      }
    },
  );

  test("[SELLER] a second version waits for the answer; after 'changes asked for' it is version 2, pre-filled from version 1", async () => {
    const { moderator, seller, theCase } = await sellerWithCase();
    const first = await submit(seller, theCase.id, [PAIR, SECOND_PAIR]);
    const refused = await refusalOf(submit(seller, theCase.id, [PAIR], randomUUID(), minutes(20)));
    expect(refused.details).toMatchObject({ reason: "letter_awaiting_answer", version: 1 });
    expect(await lettersOf(theCase.id)).toHaveLength(1);

    await answerLetter({
      actor: moderator,
      input: { letterId: first.letterId, verdict: "changes_requested", message: "Please say from when each change applies." },
      now: minutes(30),
    });
    const answered = await getLetterForSeller({ actor: seller, caseId: theCase.id, now: minutes(31) });
    expect(answered.versions[0]!.answer).toEqual({
      verdict: "changes_requested",
      message: "Please say from when each change applies.",
      at: minutes(30),
    });
    expect(answered.versions[0]!.answer).not.toHaveProperty("by");
    expect(answered.canWrite).toBe(true);
    expect(startingPairs(answered)).toEqual([PAIR, SECOND_PAIR]);

    const second = await submit(seller, theCase.id, [PAIR], randomUUID(), minutes(40));
    expect(second.version).toBe(2);
    const page = await getLetterForSeller({ actor: seller, caseId: theCase.id, now: minutes(41) });
    expect(page.versions.map((version) => version.version)).toEqual([2, 1]);
  });

  test("[SELLER] on a closed case the letter and the draft are refused as closed, and nothing is written", async () => {
    const { moderator, seller, theCase } = await sellerWithCase();
    const overrides = CHECKLIST_ITEMS.map((item) => ({ item, reason: "Checked by phone with the seller" }));
    await reinstateCase({ actor: moderator, input: { caseId: theCase.id, expectedVersion: 1, overrides }, now: addDays(T0, 14) });
    const now = addDays(T0, 15);
    const refusals = await Promise.all([
      refusalOf(submit(seller, theCase.id, [PAIR], randomUUID(), now)),
      refusalOf(saveLetterDraft({ actor: seller, input: { caseId: theCase.id, items: [PAIR] }, now })),
    ]);
    for (const refused of refusals) expect(refused.details).toEqual({ reason: "case_closed" });
    expect(await lettersOf(theCase.id)).toEqual([]);
    expect(await letterAuditCount(theCase.id)).toBe(0);
    const page = await getLetterForSeller({ actor: seller, caseId: theCase.id, now });
    expect(page).toMatchObject({ isClosed: true, canWrite: false });
  });
});

describe("another seller's case", () => {
  test("[SELLER] cannot read, save over or submit to another seller's letter: not found, and nothing written", async () => {
    const { seller: owner, theCase } = await sellerWithCase();
    const { actor: other } = await createTestUser("seller");
    const draft = await saveLetterDraft({ actor: owner, input: { caseId: theCase.id, items: [PAIR] }, now: minutes(1) });

    const refusals = await Promise.all([
      refusalOf(getLetterForSeller({ actor: other, caseId: theCase.id, now: minutes(2) })),
      refusalOf(
        saveLetterDraft({
          actor: other,
          input: { caseId: theCase.id, savedAt: draft.savedAt, items: [SECOND_PAIR] },
          now: minutes(2),
        }),
      ),
      refusalOf(submit(other, theCase.id, [SECOND_PAIR], randomUUID(), minutes(2))),
    ]);
    for (const refused of refusals) expect(refused.code).toBe("NOT_FOUND");

    const stored = await lettersOf(theCase.id);
    expect(stored).toEqual([expect.objectContaining({ status: "draft", updatedAt: minutes(1) })]);
    const items = await db.select().from(letterItems).where(eq(letterItems.letterId, draft.letterId));
    expect(items.map(({ problem }) => problem)).toEqual([PAIR.problem]);
    expect(await letterAuditCount(theCase.id)).toBe(0);
  });

  test("[MODERATOR] a moderator is not a seller: the seller's letter functions refuse them", async () => {
    const { moderator, theCase } = await sellerWithCase();
    const refused = await refusalOf(submit(moderator, theCase.id));
    expect(refused.code).toBe("FORBIDDEN");
  });
});

test("the letter may be written in every state but a closed case (state × write_letter)", () => {
  const expected = { EXCLUDED: true, DUE_FOR_RECHECK: true, REINSTATED: false };
  for (const state of CASE_STATUSES)
    expect([state, caseTransition(state, "write_letter").isAllowed]).toEqual([state, expected[state]]);
  // An exclusion past its re-check date is due, and the seller may still write.
  expect(effectiveCaseStatus({ status: "EXCLUDED", recheckAt: T0 }, addDays(T0, 1))).toBe("DUE_FOR_RECHECK");
});

describe("writing in each state of the case", () => {
  test("[SELLER] a letter may be submitted after the re-check date, while the case is due", async () => {
    const { seller, theCase } = await sellerWithCase();
    const sent = await submit(seller, theCase.id, [PAIR], randomUUID(), addDays(theCase.recheckAt, 1));
    expect(sent.version).toBe(1);
  });
});
