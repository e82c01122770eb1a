/**
 * The seller's work on the negative reviews in their case, against PostgreSQL: validation on the
 * server, one seller's case and reviews out of another's reach, nothing on a closed case, every
 * (state, seller action) pair, one outcome per review, the audit trail and the counts.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { CASE_STATUSES } from "@/db/enums";
import { auditLog, caseReviews, caseReviewSteps, cases, outboxEvents, reviewReplies, reviews } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import type { DomainError } from "@/lib/errors";
import { createFlaggedSeller, refusalOf } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { addDays, caseTransition, SELLER_CASE_ACTIONS } from "./case-machine";
import { CHECKLIST_ITEMS } from "./checklist";
import { getCaseTimeline } from "./get-case-timeline";
import { listCaseReviewsForSeller } from "./list-case-reviews-for-seller";
import { nameRootCause } from "./name-root-cause";
import { openCaseFromFlag } from "./open-case";
import { recordReviewOutcome } from "./record-review-outcome";
import { reinstateCase } from "./reinstate-case";
import { PUBLIC_REPLY_MIN } from "./review-work-input";

const T0 = new Date("2026-11-02T09:30:00Z");
const DAY1 = addDays(T0, 1);
const AGREEMENT = "We refunded the delivery and the buyer will edit the review.";
const REPLY = "Thank you for telling us. The parcel was late; we changed couriers and now call every buyer the same day.";

/** A seller with an open case on `negativeReviews` reviews, and their own signed-in account. */
async function sellerWithCase(negativeReviews = 3) {
  const moderator = (await createTestUser("moderator")).actor;
  const flagged = await createFlaggedSeller({ now: T0, negativeReviews });
  const opened = await openCaseFromFlag({ actor: moderator, input: { flagId: flagged.flag.id }, now: T0 });
  const seller = (await createTestUser("seller", { sellerExternalId: flagged.externalId })).actor;
  const inScope = await db
    .select({ reviewId: caseReviews.reviewId })
    .from(caseReviews)
    .where(eq(caseReviews.caseId, opened.case.id))
    .orderBy(caseReviews.reviewId);
  return {
    moderator,
    seller,
    sellerId: flagged.seller.id,
    caseId: opened.case.id,
    reviewIds: inScope.map((row) => row.reviewId),
  };
}

/** Everything the seller's work could write, for "a refused action changes nothing". */
async function fingerprint(sellerIds: number[]) {
  const rows = async (table: typeof reviewReplies | typeof caseReviewSteps | typeof outboxEvents | typeof auditLog) =>
    (await db.select({ n: count() }).from(table).where(inArray(table.sellerId, sellerIds)))[0]!.n;
  return {
    caseReviews: await db
      .select()
      .from(caseReviews)
      .where(inArray(caseReviews.sellerId, sellerIds))
      .orderBy(caseReviews.reviewId),
    replies: await rows(reviewReplies),
    steps: await rows(caseReviewSteps),
    outbox: await rows(outboxEvents),
    audit: await rows(auditLog),
  };
}

const fieldKeys = (error: DomainError) => error.issues.map((issue) => ({ path: issue.path, key: issue.catalog?.key }));

describe("validation on the server", () => {
  test.each([
    {
      name: "no root cause chosen",
      call: (seller: UserActor, caseId: number, reviewId: number) =>
        nameRootCause({ actor: seller, input: { caseId, reviewId, rootCause: "" as never }, now: DAY1 }),
      expected: { path: "rootCause", key: "rootCauseRequired" },
    },
    {
      name: '"other" without a note',
      call: (seller: UserActor, caseId: number, reviewId: number) =>
        nameRootCause({ actor: seller, input: { caseId, reviewId, rootCause: "other", rootCauseNote: " short  " }, now: DAY1 }),
      expected: { path: "rootCauseNote", key: "rootCauseNoteTooShort" },
    },
    {
      name: "too short an agreement",
      call: (seller: UserActor, caseId: number, reviewId: number) =>
        recordReviewOutcome({
          actor: seller,
          input: { caseId, reviewId, outcome: "resolved_with_buyer", text: "Refunded" },
          now: DAY1,
        }),
      expected: { path: "text", key: "agreementTooShort" },
    },
    {
      name: "too short a public reply",
      call: (seller: UserActor, caseId: number, reviewId: number) =>
        recordReviewOutcome({
          actor: seller,
          input: { caseId, reviewId, outcome: "answered_publicly", text: "x".repeat(PUBLIC_REPLY_MIN - 1) },
          now: DAY1,
        }),
      expected: { path: "text", key: "publicReplyTooShort" },
    },
    {
      name: "an outcome before the root cause is named",
      call: (seller: UserActor, caseId: number, reviewId: number) =>
        recordReviewOutcome({ actor: seller, input: { caseId, reviewId, outcome: "answered_publicly", text: REPLY }, now: DAY1 }),
      expected: { path: "rootCause", key: "rootCauseFirst" },
    },
  ])("[SELLER] $name is refused, naming the field; nothing is written", async ({ call, expected }) => {
    const { seller, sellerId, caseId, reviewIds } = await sellerWithCase(1);
    const before = await fingerprint([sellerId]);
    const error = await refusalOf(call(seller, caseId, reviewIds[0]!));
    expect(error.code).toBe("INVALID");
    expect(fieldKeys(error)).toEqual([expected]);
    expect(await fingerprint([sellerId])).toEqual(before);
  });

  test("[SELLER] the reply's minimum is named in the message, in English for logs and API clients", async () => {
    const { seller, caseId, reviewIds } = await sellerWithCase(1);
    await nameRootCause({ actor: seller, input: { caseId, reviewId: reviewIds[0]!, rootCause: "delivery_cost" }, now: DAY1 });
    const error = await refusalOf(
      recordReviewOutcome({
        actor: seller,
        input: { caseId, reviewId: reviewIds[0]!, outcome: "answered_publicly", text: "Sorry!" },
        now: DAY1,
      }),
    );
    expect(error.issues[0]).toMatchObject({ catalog: { key: "publicReplyTooShort", values: { minimum: PUBLIC_REPLY_MIN } } });
    expect(error.message).toContain(`at least ${PUBLIC_REPLY_MIN} characters`);
  });
});

describe("one seller's case is out of another's reach", () => {
  test("[SELLER] another seller's case id, or another case's review id: not found, and nothing written", async () => {
    const mine = await sellerWithCase(2);
    const theirs = await sellerWithCase(2);
    const both = [mine.sellerId, theirs.sellerId];
    const before = await fingerprint(both);
    const attempts = [
      // Their case, their review.
      () =>
        nameRootCause({
          actor: mine.seller,
          input: {
            caseId: theirs.caseId,
            reviewId: theirs.reviewIds[0]!,
            rootCause: "other",
            rootCauseNote: "Not my case at all",
          },
          now: DAY1,
        }),
      () =>
        recordReviewOutcome({
          actor: mine.seller,
          input: { caseId: theirs.caseId, reviewId: theirs.reviewIds[0]!, outcome: "answered_publicly", text: REPLY },
          now: DAY1,
        }),
      // My case, their review.
      () =>
        nameRootCause({
          actor: mine.seller,
          input: { caseId: mine.caseId, reviewId: theirs.reviewIds[0]!, rootCause: "price_changed" },
          now: DAY1,
        }),
      () =>
        recordReviewOutcome({
          actor: mine.seller,
          input: { caseId: mine.caseId, reviewId: theirs.reviewIds[1]!, outcome: "resolved_with_buyer", text: AGREEMENT },
          now: DAY1,
        }),
      // A case that does not exist.
      () =>
        nameRootCause({
          actor: mine.seller,
          input: { caseId: 999_999_999, reviewId: mine.reviewIds[0]!, rootCause: "price_changed" },
          now: DAY1,
        }),
      () => listCaseReviewsForSeller({ actor: mine.seller, caseId: theirs.caseId, now: DAY1 }),
    ];
    for (const attempt of attempts) expect((await refusalOf(attempt())).code).toBe("NOT_FOUND");
    expect(await fingerprint(both)).toEqual(before);
  });

  test("[MODERATOR] a moderator's account is not a seller's: forbidden", async () => {
    const { moderator, caseId, reviewIds } = await sellerWithCase(1);
    const error = await refusalOf(
      nameRootCause({ actor: moderator, input: { caseId, reviewId: reviewIds[0]!, rootCause: "price_changed" }, now: DAY1 }),
    );
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("every (state, seller action) pair", () => {
  async function caseIn(state: (typeof CASE_STATUSES)[number]) {
    const arranged = await sellerWithCase(2);
    // The second review has its cause named, ready for an outcome.
    await nameRootCause({
      actor: arranged.seller,
      input: { caseId: arranged.caseId, reviewId: arranged.reviewIds[1]!, rootCause: "quality_of_goods" },
      now: DAY1,
    });
    let now = addDays(T0, 2);
    if (state === "DUE_FOR_RECHECK") now = addDays(T0, 15);
    if (state === "REINSTATED") {
      await reinstateCase({
        actor: arranged.moderator,
        input: {
          caseId: arranged.caseId,
          expectedVersion: 1,
          overrides: CHECKLIST_ITEMS.map((item) => ({ item, reason: "Shown to us in a call with the seller" })),
        },
        now: addDays(T0, 15),
      });
      now = addDays(T0, 16);
    }
    return { ...arranged, now };
  }

  const run = (action: (typeof SELLER_CASE_ACTIONS)[number], arranged: Awaited<ReturnType<typeof caseIn>>) => {
    const { seller, caseId, reviewIds, now } = arranged;
    if (action === "analyse_review")
      return nameRootCause({ actor: seller, input: { caseId, reviewId: reviewIds[0]!, rootCause: "not_in_stock" }, now });
    return recordReviewOutcome({
      actor: seller,
      input: { caseId, reviewId: reviewIds[1]!, outcome: "answered_publicly", text: REPLY, steps: ["contacted_buyer"] },
      now,
    });
  };

  const pairs = CASE_STATUSES.flatMap((state) =>
    (["analyse_review", "resolve_review"] as const).map((action) => ({
      state,
      action,
      isAllowed: caseTransition(state, action).isAllowed,
    })),
  );

  test.each(pairs)("[SELLER] $state + $action: allowed = $isAllowed", async ({ state, action, isAllowed }) => {
    const arranged = await caseIn(state);
    const before = await fingerprint([arranged.sellerId]);
    if (isAllowed) {
      await run(action, arranged);
      const after = await fingerprint([arranged.sellerId]);
      expect(after).not.toEqual(before);
      expect(after.audit).toBe(before.audit + 1);
    } else {
      const error = await refusalOf(run(action, arranged));
      expect(error.code).toBe("CONFLICT");
      expect(error.details).toEqual({ reason: "case_closed" });
      expect(await fingerprint([arranged.sellerId])).toEqual(before);
    }
  });
});

describe("what is recorded", () => {
  test("[SELLER] a public reply: the reply, the outcome, the steps, the marketplace's event and the audit entry, once", async () => {
    const { seller, sellerId, caseId, reviewIds } = await sellerWithCase(1);
    const reviewId = reviewIds[0]!;
    await nameRootCause({ actor: seller, input: { caseId, reviewId, rootCause: "slow_or_no_contact" }, now: DAY1 });
    const repliedAt = addDays(T0, 2);
    await recordReviewOutcome({
      actor: seller,
      input: { caseId, reviewId, outcome: "answered_publicly", text: `  ${REPLY}  `, steps: ["contacted_buyer"] },
      now: repliedAt,
    });

    const [work] = await db
      .select()
      .from(caseReviews)
      .where(and(eq(caseReviews.caseId, caseId), eq(caseReviews.reviewId, reviewId)));
    expect(work).toMatchObject({
      resolution: "answered_publicly",
      resolutionNote: null,
      resolvedAt: repliedAt,
      resolvedBy: seller.userId,
    });
    expect(
      await db
        .select({ body: reviewReplies.body, author: reviewReplies.authorUserId })
        .from(reviewReplies)
        .where(eq(reviewReplies.reviewId, reviewId)),
    ).toEqual([{ body: REPLY, author: seller.userId }]);
    expect(
      (await db.select({ step: caseReviewSteps.step }).from(caseReviewSteps).where(eq(caseReviewSteps.reviewId, reviewId)))
        .map((row) => row.step)
        .sort(),
    ).toEqual(["contacted_buyer", "public_reply"]);
    const [review] = await db.select({ externalId: reviews.externalId }).from(reviews).where(eq(reviews.id, reviewId));
    const events = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.sellerId, sellerId), eq(outboxEvents.type, "review.replied")));
    expect(events.map((event) => event.payload)).toEqual([
      {
        reviewId: review!.externalId,
        sellerId: expect.stringMatching(/^S-case/),
        text: REPLY,
        repliedAt: repliedAt.toISOString(),
      },
    ]);

    // Once: a second outcome (either kind) is refused and nothing changes.
    const before = await fingerprint([sellerId]);
    for (const outcome of ["answered_publicly", "resolved_with_buyer"] as const) {
      const error = await refusalOf(
        recordReviewOutcome({
          actor: seller,
          input: { caseId, reviewId, outcome, text: outcome === "answered_publicly" ? REPLY : AGREEMENT },
          now: addDays(T0, 3),
        }),
      );
      expect(error.code).toBe("CONFLICT");
      expect(error.details).toEqual({ reason: "review_outcome_recorded" });
    }
    expect(await fingerprint([sellerId])).toEqual(before);

    // On the case's timeline, with the reply as its message.
    const timeline = await getCaseTimeline(db, { caseId, sellerId });
    expect(timeline.slice(0, 2)).toMatchObject([
      { action: "review.replied", actorRole: "seller", message: REPLY },
      { action: "review.root_cause_named", actorRole: "seller" },
    ]);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.sellerId, sellerId), eq(auditLog.action, "review.replied")));
    expect(audit).toMatchObject({
      entityType: "review",
      entityId: String(reviewId),
      after: expect.objectContaining({ caseId, reviewId }),
    });
  });

  test("[SELLER] resolved with the buyer keeps what was agreed; no event goes to the marketplace", async () => {
    const { seller, sellerId, caseId, reviewIds } = await sellerWithCase(1);
    const reviewId = reviewIds[0]!;
    await nameRootCause({ actor: seller, input: { caseId, reviewId, rootCause: "price_changed" }, now: DAY1 });
    await recordReviewOutcome({
      actor: seller,
      input: { caseId, reviewId, outcome: "resolved_with_buyer", text: AGREEMENT, steps: ["contacted_buyer", "review_edited"] },
      now: DAY1,
    });
    const [work] = await db.select().from(caseReviews).where(eq(caseReviews.reviewId, reviewId));
    expect(work).toMatchObject({ resolution: "resolved_with_buyer", resolutionNote: AGREEMENT });
    expect(await db.select().from(reviewReplies).where(eq(reviewReplies.reviewId, reviewId))).toEqual([]);
    expect(
      await db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.sellerId, sellerId), eq(outboxEvents.type, "review.replied"))),
    ).toEqual([]);
    const timeline = await getCaseTimeline(db, { caseId, sellerId });
    expect(timeline[0]).toMatchObject({ action: "review.resolved_with_buyer", message: AGREEMENT });
  });

  test('[SELLER] a root cause can be named again while the case is open; the note is kept only for "other"', async () => {
    const { seller, caseId, reviewIds } = await sellerWithCase(1);
    const reviewId = reviewIds[0]!;
    await nameRootCause({
      actor: seller,
      input: { caseId, reviewId, rootCause: "other", rootCauseNote: "The courier lost the parcel" },
      now: DAY1,
    });
    expect((await db.select().from(caseReviews).where(eq(caseReviews.reviewId, reviewId)))[0]).toMatchObject({
      rootCause: "other",
      rootCauseNote: "The courier lost the parcel",
    });
    await nameRootCause({
      actor: seller,
      input: { caseId, reviewId, rootCause: "delivery_cost", rootCauseNote: "ignored" },
      now: DAY1,
    });
    expect((await db.select().from(caseReviews).where(eq(caseReviews.reviewId, reviewId)))[0]).toMatchObject({
      rootCause: "delivery_cost",
      rootCauseNote: null,
    });
  });
});

describe("the seller's list", () => {
  test("[SELLER] progress and the causes grouped, most frequent first; a review the buyer removed or raised counts as resolved", async () => {
    const { seller, caseId, reviewIds } = await sellerWithCase(6);
    const name = (reviewId: number, rootCause: "price_changed" | "not_in_stock" | "delivery_cost") =>
      nameRootCause({ actor: seller, input: { caseId, reviewId, rootCause }, now: DAY1 });
    await name(reviewIds[0]!, "not_in_stock");
    await name(reviewIds[1]!, "price_changed");
    await name(reviewIds[2]!, "price_changed");
    await name(reviewIds[3]!, "delivery_cost");
    await name(reviewIds[4]!, "price_changed");
    await recordReviewOutcome({
      actor: seller,
      input: { caseId, reviewId: reviewIds[0]!, outcome: "resolved_with_buyer", text: AGREEMENT },
      now: DAY1,
    });
    await db.update(reviews).set({ removedAt: DAY1, removedBy: "buyer" }).where(eq(reviews.id, reviewIds[5]!));
    await db.update(reviews).set({ rating: 4 }).where(eq(reviews.id, reviewIds[4]!));

    const list = await listCaseReviewsForSeller({ actor: seller, caseId, now: addDays(T0, 2) });
    expect(list).toMatchObject({ total: 6, analysed: 5, resolved: 3, isOpen: true, status: "EXCLUDED" });
    expect(list.rootCauseCounts).toEqual([
      { rootCause: "price_changed", count: 3 },
      // A tie keeps the policy's order of the causes.
      { rootCause: "not_in_stock", count: 1 },
      { rootCause: "delivery_cost", count: 1 },
    ]);
    const byId = new Map(list.reviews.rows.map((review) => [review.reviewId, review]));
    expect(byId.get(reviewIds[5]!)?.isResolvedByBuyer).toBe(true);
    expect(byId.get(reviewIds[4]!)?.isResolvedByBuyer).toBe(true);
    expect(byId.get(reviewIds[0]!)).toMatchObject({
      isResolvedByBuyer: false,
      resolution: "resolved_with_buyer",
      resolutionNote: AGREEMENT,
    });
    // Newest first, as on the moderator's page.
    const postedAt = list.reviews.rows.map((review) => review.postedAt.getTime());
    expect(postedAt).toEqual([...postedAt].sort((a, b) => b - a));
  });

  test("[SELLER] a closed case is a read-only record", async () => {
    const { moderator, seller, caseId } = await sellerWithCase(1);
    await reinstateCase({
      actor: moderator,
      input: {
        caseId,
        expectedVersion: 1,
        overrides: CHECKLIST_ITEMS.map((item) => ({ item, reason: "Shown to us in a call with the seller" })),
      },
      now: addDays(T0, 15),
    });
    expect(await listCaseReviewsForSeller({ actor: seller, caseId, now: addDays(T0, 16) })).toMatchObject({
      isOpen: false,
      status: "REINSTATED",
    });
    expect((await db.select().from(cases).where(eq(cases.id, caseId)))[0]!.status).toBe("REINSTATED");
  });
});
