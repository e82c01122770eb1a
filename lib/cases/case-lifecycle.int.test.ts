/**
 * The case lifecycle against PostgreSQL: every (state, action) pair changes something only when the
 * state machine allows it; the minimum exclusion, the catalog, the outbox, the seller's messages and
 * the audit trail follow each step.
 */
import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { CASE_STATUSES } from "@/db/enums";
import {
  auditLog,
  caseDecisions,
  caseNotes,
  caseReviews,
  cases,
  flags,
  letterReplies,
  notifications,
  outboxEvents,
  reviewSignals,
} from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { getCatalogVisibility } from "@/lib/catalog/get-catalog-visibility";
import { addCaseNote } from "./add-case-note";
import { answerLetter } from "./answer-letter";
import { assignCase } from "./assign-case";
import { addDays, caseTransition, MODERATOR_CASE_ACTIONS } from "./case-machine";
import { CHECKLIST_ITEMS } from "./checklist";
import { decideFakeReview } from "./decide-fake-review";
import { dismissFlag } from "./dismiss-flag";
import { extendCase } from "./extend-case";
import { openCaseFromFlag, openCaseManually } from "./open-case";
import { reinstateCase } from "./reinstate-case";
import { TEST_ACTOR } from "@/scripts/test-support/events";
import {
  createFlaggedSeller,
  createSuspectedReview,
  refusalOf,
  submitTestLetter,
  YEAR_METRICS,
} from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";

const T0 = new Date("2026-11-02T09:30:00Z");
const ALL_OVERRIDES = CHECKLIST_ITEMS.map((item) => ({ item, reason: "The seller showed the fix in a call with us" }));
const localDay = (date: Date) => date.toISOString().slice(0, 10);

async function moderator(): Promise<UserActor> {
  return (await createTestUser("moderator")).actor;
}

async function openTestCase(actor: UserActor, now = T0) {
  const flagged = await createFlaggedSeller({ now });
  const opened = await openCaseFromFlag({ actor, input: { flagId: flagged.flag.id }, now });
  return { ...flagged, theCase: opened.case, reviewsInScope: opened.reviewsInScope };
}

/** Everything an action could write, for "a refused action changes nothing". */
async function fingerprint(caseId: number, sellerId: number) {
  const rows = async (
    table: typeof caseDecisions | typeof letterReplies | typeof caseNotes | typeof notifications | typeof outboxEvents,
  ) => (await db.select({ n: count() }).from(table).where(eq(table.sellerId, sellerId)))[0]!.n;
  return {
    theCase: (await db.select().from(cases).where(eq(cases.id, caseId)))[0],
    decisions: await rows(caseDecisions),
    replies: await rows(letterReplies),
    notes: await rows(caseNotes),
    notifications: await rows(notifications),
    outbox: await rows(outboxEvents),
    signals: await db.select({ status: reviewSignals.status }).from(reviewSignals).where(eq(reviewSignals.sellerId, sellerId)),
    audit: (await db.select({ n: count() }).from(auditLog).where(eq(auditLog.sellerId, sellerId)))[0]!.n,
  };
}

describe("every (state, action) pair", () => {
  /** Each state is reached for real: opened at T0, due at day 15, reinstated at day 15 and seen at day 16. */
  async function caseIn(state: (typeof CASE_STATUSES)[number], actor: UserActor) {
    const arranged = await openTestCase(actor);
    const letter = await submitTestLetter({ caseId: arranged.theCase.id, sellerId: arranged.seller.id, at: addDays(T0, 3) });
    const signal = await createSuspectedReview({
      sellerExternalId: arranged.externalId,
      sellerId: arranged.seller.id,
      at: addDays(T0, 2),
    });
    let now = addDays(T0, 1);
    if (state === "DUE_FOR_RECHECK") now = addDays(T0, 15);
    if (state === "REINSTATED") {
      await reinstateCase({
        actor,
        input: { caseId: arranged.theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
        now: addDays(T0, 15),
      });
      now = addDays(T0, 16);
    }
    const [current] = await db.select().from(cases).where(eq(cases.id, arranged.theCase.id));
    return { ...arranged, letter, signal, now, version: current!.version };
  }

  const run = (
    action: (typeof MODERATOR_CASE_ACTIONS)[number],
    actor: UserActor,
    arranged: Awaited<ReturnType<typeof caseIn>>,
  ) => {
    const { theCase, now, version } = arranged;
    switch (action) {
      case "reinstate":
        return reinstateCase({ actor, input: { caseId: theCase.id, expectedVersion: version, overrides: ALL_OVERRIDES }, now });
      case "extend":
        return extendCase({
          actor,
          input: {
            caseId: theCase.id,
            expectedVersion: version,
            reasons: ["negative_reviews_unresolved"],
            recheckOn: localDay(addDays(now, 7)),
            message: "Please answer the remaining reviews first.",
          },
          now,
          timeZone: "UTC",
        });
      case "answer_letter":
        return answerLetter({
          actor,
          input: { letterId: arranged.letter.id, verdict: "accepted", message: "A clear plan, thank you: accepted." },
          now,
        });
      case "assign":
        return assignCase({ actor, input: { caseId: theCase.id, assigneeId: null }, now });
      case "add_note":
        return addCaseNote({ actor, input: { caseId: theCase.id, body: "Called the seller." }, now });
      case "decide_fake_review":
        return decideFakeReview({ actor, input: { caseId: theCase.id, signalId: arranged.signal.id, decision: "cleared" }, now });
    }
  };

  const pairs = CASE_STATUSES.flatMap((state) =>
    MODERATOR_CASE_ACTIONS.map((action) => ({ state, action, isAllowed: caseTransition(state, action).isAllowed })),
  );

  test.each(pairs)("[MODERATOR] $state + $action: allowed = $isAllowed", async ({ state, action, isAllowed }) => {
    const actor = await moderator();
    const arranged = await caseIn(state, actor);
    const before = await fingerprint(arranged.theCase.id, arranged.seller.id);
    if (isAllowed) {
      await run(action, actor, arranged);
      const after = await fingerprint(arranged.theCase.id, arranged.seller.id);
      expect(after).not.toEqual(before);
      expect(after.audit).toBe(before.audit + 1);
    } else {
      const error = await refusalOf(run(action, actor, arranged));
      expect(error.code).toBe("CONFLICT");
      expect(await fingerprint(arranged.theCase.id, arranged.seller.id)).toEqual(before);
    }
  });
});

describe("the minimum exclusion", () => {
  test("[MODERATOR] reinstatement on day 13 is refused, on day 14 allowed", async () => {
    const actor = await moderator();
    const { theCase } = await openTestCase(actor);
    const input = { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES };

    const day13 = addDays(T0, 13);
    const refused = await refusalOf(reinstateCase({ actor, input, now: day13 }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/minimum exclusion is 14 days/);
    const oneMillisecondEarly = new Date(addDays(T0, 14).getTime() - 1);
    expect((await refusalOf(reinstateCase({ actor, input, now: oneMillisecondEarly }))).code).toBe("CONFLICT");
    expect((await db.select().from(cases).where(eq(cases.id, theCase.id)))[0]!.status).toBe("EXCLUDED");

    const { case: reinstated } = await reinstateCase({ actor, input, now: addDays(T0, 14) });
    expect(reinstated).toMatchObject({ status: "REINSTATED", version: 2 });
  });

  test("[ADMIN] an admin cannot reinstate early either", async () => {
    const admin = (await createTestUser("admin")).actor;
    const { theCase } = await openTestCase(admin);
    const error = await refusalOf(
      reinstateCase({
        actor: admin,
        input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
        now: addDays(T0, 10),
      }),
    );
    expect(error.code).toBe("CONFLICT");
  });

  test("[MODERATOR] a repeat exclusion takes the policy's repeat minimum", async () => {
    const actor = await moderator();
    const { theCase, seller } = await openTestCase(actor);
    await db.execute(
      `update scoring_policies set params = jsonb_set(params, '{exclusion,repeatMinDays}', '28') where version = 1` as never,
    );
    await reinstateCase({
      actor,
      input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
      now: addDays(T0, 14),
    });
    const second = await openCaseManually({
      actor,
      input: { sellerId: seller.id, reason: "Complaints came back right after the reinstatement" },
      now: addDays(T0, 20),
    });
    expect(second.case.recheckAt).toEqual(addDays(addDays(T0, 20), 28));
  });
});

describe("opening a case", () => {
  test("[MODERATOR] hides the seller at once, freezes the evidence, scopes the negative reviews, tells the seller and the catalog", async () => {
    const actor = await moderator();
    const { theCase, externalId, flag, seller, reviewsInScope } = await openTestCase(actor);

    expect(theCase).toMatchObject({ status: "EXCLUDED", version: 1, assignedTo: actor.userId, recheckAt: addDays(T0, 14) });
    expect(reviewsInScope).toBe(2);
    expect(
      await db.select({ reviewId: caseReviews.reviewId }).from(caseReviews).where(eq(caseReviews.caseId, theCase.id)),
    ).toHaveLength(2);
    expect((await db.select().from(flags).where(eq(flags.id, flag.id)))[0]).toMatchObject({
      status: "case_opened",
      triagedBy: actor.userId,
    });

    const evidence = theCase.evidence as {
      reasons: { code: string; value: number }[];
      metrics: { year: Record<string, number> };
    };
    expect(evidence.reasons).toEqual([
      expect.objectContaining({ code: "LOW_YEAR", metric: "negativeReviewRate", value: 0.3, portalValue: 0.05, threshold: 0.1 }),
    ]);
    expect(evidence.metrics.year).toMatchObject({
      negative_review_rate: YEAR_METRICS.negativeReviewRate,
      average_rating: YEAR_METRICS.averageRating,
    });

    const visibility = await getCatalogVisibility({ actor: TEST_ACTOR, query: { sellerIds: `${externalId},S-unknown-seller` } });
    expect(visibility.sellers).toEqual([
      {
        sellerId: externalId,
        visible: false,
        caseId: theCase.id,
        excludedSince: T0.toISOString(),
        recheckOn: addDays(T0, 14).toISOString(),
      },
      { sellerId: "S-unknown-seller", visible: true },
    ]);

    const outbox = await db.select().from(outboxEvents).where(eq(outboxEvents.sellerId, seller.id));
    expect(outbox).toEqual([
      expect.objectContaining({
        type: "seller.excluded",
        payload: {
          sellerId: externalId,
          caseId: theCase.id,
          excludedSince: T0.toISOString(),
          recheckOn: addDays(T0, 14).toISOString(),
        },
      }),
    ]);
    const [note] = await db.select().from(notifications).where(eq(notifications.sellerId, seller.id));
    expect(note).toMatchObject({
      kind: "case_opened",
      caseId: theCase.id,
      payload: expect.objectContaining({ reviewsInScope: 2, steps: expect.arrayContaining(["write_letter"]) }),
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "case"), eq(auditLog.entityId, String(theCase.id))));
    expect(entry).toMatchObject({ action: "case.opened", actorUserId: actor.userId, entityType: "case" });
  });

  test("[MODERATOR] the evidence does not change when later data does", async () => {
    const actor = await moderator();
    const { theCase, seller } = await openTestCase(actor);
    await db.update(flags).set({ dismissReason: "changed later" }).where(eq(flags.sellerId, seller.id));
    await db.execute(`update flag_reasons set value = 0.99 where seller_id = ${seller.id}` as never);
    const [reloaded] = await db.select().from(cases).where(eq(cases.id, theCase.id));
    expect(reloaded!.evidence).toEqual(theCase.evidence);
  });

  test("[MODERATOR] a flag is triaged once: a second opening or a dismissal is refused", async () => {
    const actor = await moderator();
    const { flag } = await openTestCase(actor);
    expect((await refusalOf(openCaseFromFlag({ actor, input: { flagId: flag.id }, now: T0 }))).message).toMatch(
      /already triaged/,
    );
    expect(
      (await refusalOf(dismissFlag({ actor, input: { flagId: flag.id, reason: "not needed after all" }, now: T0 }))).code,
    ).toBe("CONFLICT");
  });

  test("[MODERATOR] dismissing needs a written reason and is audited", async () => {
    const actor = await moderator();
    const { flag } = await createFlaggedSeller({ now: T0 });
    const invalid = await refusalOf(dismissFlag({ actor, input: { flagId: flag.id, reason: "no" }, now: T0 }));
    expect(invalid.code).toBe("INVALID");
    expect(invalid.issues[0]?.path).toBe("reason");
    await dismissFlag({
      actor,
      input: { flagId: flag.id, reason: "The complaints were a carrier's strike, not the seller" },
      now: T0,
    });
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "flag"), eq(auditLog.entityId, String(flag.id))));
    expect(entry).toMatchObject({ action: "flag.dismissed", reason: "The complaints were a carrier's strike, not the seller" });
  });

  test("[SELLER] a seller can open, dismiss or decide nothing", async () => {
    const { actor: sellerActor } = await createTestUser("seller");
    const { theCase, flag } = await openTestCase(await moderator());
    for (const attempt of [
      openCaseFromFlag({ actor: sellerActor, input: { flagId: flag.id }, now: T0 }),
      dismissFlag({ actor: sellerActor, input: { flagId: flag.id, reason: "I disagree with it" }, now: T0 }),
      reinstateCase({
        actor: sellerActor,
        input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
        now: addDays(T0, 20),
      }),
      addCaseNote({ actor: sellerActor, input: { caseId: theCase.id, body: "hello" }, now: T0 }),
    ]) {
      expect((await refusalOf(attempt)).code).toBe("FORBIDDEN");
    }
  });
});

describe("decisions", () => {
  test("[MODERATOR] a failing checklist item needs a written override reason", async () => {
    const actor = await moderator();
    const { theCase, externalId } = await openTestCase(actor);
    const now = addDays(T0, 14);
    const refused = await refusalOf(
      reinstateCase({ actor, input: { caseId: theCase.id, expectedVersion: 1, overrides: [] }, now }),
    );
    expect(refused.code).toBe("INVALID");
    expect(refused.issues.map((issue) => issue.path)).toContain("overrides.negative_reviews_resolved");

    const { decision, case: reinstated } = await reinstateCase({
      actor,
      input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
      now,
    });
    expect(reinstated.status).toBe("REINSTATED");
    expect(decision.overrides).toEqual(
      expect.arrayContaining([expect.objectContaining({ item: "negative_reviews_resolved", reason: ALL_OVERRIDES[0]!.reason })]),
    );
    const visibility = await getCatalogVisibility({ actor: TEST_ACTOR, query: { sellerIds: externalId } });
    expect(visibility.sellers).toEqual([{ sellerId: externalId, visible: true }]);
  });

  test("[MODERATOR] reinstatement shows the seller again and queues seller.reinstated", async () => {
    const actor = await moderator();
    const { theCase, externalId, seller } = await openTestCase(actor);
    await reinstateCase({
      actor,
      input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
      now: addDays(T0, 14),
    });
    const visibility = await getCatalogVisibility({ actor: TEST_ACTOR, query: { sellerIds: externalId } });
    expect(visibility.sellers).toEqual([{ sellerId: externalId, visible: true }]);
    const outbox = await db
      .select({ type: outboxEvents.type })
      .from(outboxEvents)
      .where(eq(outboxEvents.sellerId, seller.id))
      .orderBy(asc(outboxEvents.id));
    expect(outbox.map((row) => row.type)).toEqual(["seller.excluded", "seller.reinstated"]);
  });

  test("[MODERATOR] extending sets the new date, keeps the seller hidden and messages them; a stale form is refused", async () => {
    const actor = await moderator();
    const other = await moderator();
    const { theCase, externalId, seller } = await openTestCase(actor);
    const now = addDays(T0, 14);
    const { case: extended } = await extendCase({
      actor,
      input: {
        caseId: theCase.id,
        expectedVersion: 1,
        reasons: ["letter_missing_or_not_constructive", "negative_reviews_unresolved"],
        recheckOn: "2026-11-30",
        message: "Your letter has not arrived yet; please send it.",
      },
      now,
      timeZone: "UTC",
    });
    expect(extended).toMatchObject({ status: "EXCLUDED", version: 2, recheckAt: new Date("2026-11-30T00:00:00Z") });
    expect((await getCatalogVisibility({ actor: TEST_ACTOR, query: { sellerIds: externalId } })).sellers[0]).toMatchObject({
      visible: false,
      recheckOn: "2026-11-30T00:00:00.000Z",
    });
    const messages = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.sellerId, seller.id), eq(notifications.kind, "case_extended")));
    expect(messages).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          recheckAt: "2026-11-30T00:00:00.000Z",
          reasons: ["letter_missing_or_not_constructive", "negative_reviews_unresolved"],
        }),
      }),
    ]);

    // A form still holding version 1, sent after the re-check date came again.
    const stale = await refusalOf(
      reinstateCase({
        actor: other,
        input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
        now: addDays(T0, 30),
      }),
    );
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain(`extended by ${actor.label}`);
  });

  test("[MODERATOR] a letter is answered once; the second answer names who answered", async () => {
    const actor = await moderator();
    const { theCase, seller } = await openTestCase(actor);
    const letter = await submitTestLetter({ caseId: theCase.id, sellerId: seller.id, at: addDays(T0, 2) });
    await answerLetter({
      actor,
      input: { letterId: letter.id, verdict: "changes_requested", message: "Name a solution for the delivery problem too." },
      now: addDays(T0, 3),
    });
    const again = await refusalOf(
      answerLetter({
        actor,
        input: { letterId: letter.id, verdict: "accepted", message: "Accepted after all, thank you." },
        now: addDays(T0, 3),
      }),
    );
    expect(again.message).toContain(`already answered by ${actor.label}`);
  });
});

test("[MODERATOR] the reinstatement's note is an internal note, not a message to the seller", async () => {
  const actor = await moderator();
  const { theCase, seller } = await openTestCase(actor);
  await reinstateCase({
    actor,
    input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES, note: "Watch the next evaluation closely." },
    now: addDays(T0, 14),
  });
  expect(await db.select({ body: caseNotes.body }).from(caseNotes).where(eq(caseNotes.caseId, theCase.id))).toEqual([
    { body: "Watch the next evaluation closely." },
  ]);
  const [decision] = await db.select().from(caseDecisions).where(eq(caseDecisions.caseId, theCase.id));
  expect(decision!.messageToSeller).toBeNull();
  const [reinstated] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.sellerId, seller.id), eq(notifications.kind, "case_reinstated")));
  expect(JSON.stringify(reinstated!.payload)).not.toContain("Watch the next evaluation");
});
