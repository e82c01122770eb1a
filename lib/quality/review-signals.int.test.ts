/**
 * Suspected fake reviews (SPEC.md, "Suspected fake reviews"), computed after an evaluation for
 * the reviews posted since shortly before the previous evaluation whose signals were computed. Each test has its own sellers and
 * buyers, and an asOf at least four weeks from any other test's, with its reviews in the last days
 * before it: whatever order the tests run in, those reviews are inside the run's range.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { reviewSignals, reviews } from "@/db/schema";
import { auditLog, evaluations } from "@/db/schema";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import {
  DAY_MS,
  HOUR_MS,
  TEST_ACTOR,
  complaint,
  daysBefore,
  ingest,
  marketplaceId,
  order,
  review,
  seller,
} from "@/scripts/test-support/events";
import { createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-20T12:00:00Z");
/** An evaluation, then its signals, as the CLI and the weekly job run them. */
async function evaluate(asOf: Date) {
  const summary = await runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW });
  const signals = await computeReviewSignals({ actor: TEST_ACTOR, evaluationId: summary.evaluationId, now: NOW });
  return { summary, signals };
}

/** The signals of these reviews (by marketplace id): `{ [reviewId]: [{ kind, status, details }, …] }`, kinds sorted. */
async function signalsOf(reviewIds: readonly string[]) {
  const rows = await db
    .select({
      reviewId: reviews.externalId,
      id: reviewSignals.id,
      kind: reviewSignals.kind,
      status: reviewSignals.status,
      details: reviewSignals.details,
      decidedBy: reviewSignals.decidedBy,
    })
    .from(reviewSignals)
    .innerJoin(reviews, eq(reviews.id, reviewSignals.reviewId))
    .where(inArray(reviews.externalId, [...reviewIds]));
  const byReview: Record<string, typeof rows> = Object.fromEntries(reviewIds.map((id) => [id, []]));
  for (const row of rows) byReview[row.reviewId]!.push(row);
  for (const list of Object.values(byReview)) list.sort((a, b) => a.kind.localeCompare(b.kind));
  return byReview;
}
const kindsOf = async (reviewIds: readonly string[]) =>
  Object.fromEntries(Object.entries(await signalsOf(reviewIds)).map(([id, list]) => [id, list.map((signal) => signal.kind)]));

describe("[EVALUATION] suspected fake reviews", () => {
  test("[EVALUATION] a review without a purchase, and one from a buyer with no other activity, are signalled; an ordinary one is not", async () => {
    const asOf = new Date("2026-03-02T00:00:00+02:00");
    const [shop, elsewhere] = [marketplaceId("S"), marketplaceId("S")];
    const buyers = {
      ordinary: marketplaceId("B"),
      boughtElsewhere: marketplaceId("B"),
      boughtLater: marketplaceId("B"),
      borrowedOrder: marketplaceId("B"),
      onlyReview: marketplaceId("B"),
    };
    const ids = {
      ordinary: marketplaceId("R"),
      boughtElsewhere: marketplaceId("R"),
      boughtLater: marketplaceId("R"),
      borrowedOrder: marketplaceId("R"),
      onlyReview: marketplaceId("R"),
    };
    const ordinaryOrder = marketplaceId("O");
    await ingest(
      [
        seller(shop),
        seller(elsewhere),
        // Ordered 10 days before, reviewed 3 days before asOf, with the order: nothing to suspect.
        order(ordinaryOrder, shop, buyers.ordinary, daysBefore(asOf, 10)),
        review(ids.ordinary, shop, buyers.ordinary, 4, daysBefore(asOf, 3), { orderId: ordinaryOrder }),
        // Bought from another shop only: no purchase from this one (but active, so not single-activity).
        order(marketplaceId("O"), elsewhere, buyers.boughtElsewhere, daysBefore(asOf, 10)),
        review(ids.boughtElsewhere, shop, buyers.boughtElsewhere, 5, daysBefore(asOf, 3)),
        // Reviewed on day 4, ordered only on day 2: no purchase *before* the review.
        review(ids.boughtLater, shop, buyers.boughtLater, 5, daysBefore(asOf, 4)),
        order(marketplaceId("O"), shop, buyers.boughtLater, daysBefore(asOf, 2)),
        // Names another buyer's order; has complained about another shop, so has other activity.
        complaint(marketplaceId("C"), elsewhere, buyers.borrowedOrder, daysBefore(asOf, 20)),
        review(ids.borrowedOrder, shop, buyers.borrowedOrder, 5, daysBefore(asOf, 3), { orderId: ordinaryOrder }),
        // Nothing on the portal but this one review.
        review(ids.onlyReview, shop, buyers.onlyReview, 5, daysBefore(asOf, 2)),
      ],
      NOW,
    );

    await evaluate(asOf);

    const signals = await signalsOf(Object.values(ids));
    expect(Object.fromEntries(Object.entries(signals).map(([id, list]) => [id, list.map((s) => s.kind)]))).toEqual({
      [ids.ordinary]: [],
      [ids.boughtElsewhere]: ["no_matching_purchase"],
      [ids.boughtLater]: ["no_matching_purchase"],
      [ids.borrowedOrder]: ["no_matching_purchase"],
      // No order at all, and no other trace: both.
      [ids.onlyReview]: ["no_matching_purchase", "single_activity_buyer"],
    });
    expect(signals[ids.boughtElsewhere]![0]).toMatchObject({
      status: "suspected",
      details: { buyerId: buyers.boughtElsewhere, orderId: null, orderBuyerId: null },
    });
    // The reason shows whose order the review named.
    expect(signals[ids.borrowedOrder]![0]).toMatchObject({
      details: { buyerId: buyers.borrowedOrder, orderId: ordinaryOrder, orderBuyerId: buyers.ordinary },
    });
    expect(signals[ids.onlyReview]![1]).toMatchObject({
      kind: "single_activity_buyer",
      status: "suspected",
      details: { buyerId: buyers.onlyReview },
    });
  });

  test("[EVALUATION] six 5-star reviews in one day, against a usual 0.1 a day, are each a five_star_burst", async () => {
    const asOf = new Date("2026-04-06T00:00:00+03:00");
    // Friday 3 April 2026 in Kyiv (UTC+3).
    const burstDay = new Date("2026-04-03T00:00:00+03:00");
    const [shop, busyShop] = [marketplaceId("S"), marketplaceId("S")];
    /** A review from a buyer who ordered from the shop a day earlier: no other signal applies. */
    const boughtAndReviewed = (sellerId: string, rating: number, at: Date) => {
      const [buyerId, orderId, reviewId] = [marketplaceId("B"), marketplaceId("O"), marketplaceId("R")];
      return {
        reviewId,
        events: [
          order(orderId, sellerId, buyerId, new Date(at.getTime() - DAY_MS)),
          review(reviewId, sellerId, buyerId, rating, at, { orderId }),
        ],
      };
    };
    // Usual: 9 five-star reviews in the 90 days before the day (5, 15, …, 85 days before it): 9 / 90 = 0.1 a day.
    const usual = Array.from({ length: 9 }, (_, k) => boughtAndReviewed(shop, 5, daysBefore(burstDay, 5 + 10 * k)));
    // The day: six 5-star reviews between 10:00 and 15:00, and one 4-star.
    const burst = Array.from({ length: 6 }, (_, k) =>
      boughtAndReviewed(shop, 5, new Date(burstDay.getTime() + (10 + k) * HOUR_MS)),
    );
    const fourStar = boughtAndReviewed(shop, 4, new Date(burstDay.getTime() + 16 * HOUR_MS));
    // A busy shop: 120 five-star reviews in the 90 days before (1.33 a day), then 6 on the day:
    // 6 < 5 × 1.33 = 6.67, an ordinary day for it.
    const busyUsual = Array.from({ length: 120 }, (_, k) => boughtAndReviewed(busyShop, 5, daysBefore(burstDay, 0.74 * (k + 1))));
    const busyDay = Array.from({ length: 6 }, (_, k) =>
      boughtAndReviewed(busyShop, 5, new Date(burstDay.getTime() + (10 + k) * HOUR_MS)),
    );
    await ingest(
      [seller(shop), seller(busyShop), ...[...usual, ...burst, fourStar, ...busyUsual, ...busyDay].flatMap((r) => r.events)],
      NOW,
    );

    await evaluate(asOf);

    const signals = await signalsOf([...usual, ...burst, fourStar, ...busyUsual, ...busyDay].map((r) => r.reviewId));
    const signalled = Object.entries(signals).filter(([, list]) => list.length > 0);
    expect(signalled.map(([id]) => id).sort()).toEqual(burst.map((r) => r.reviewId).sort());
    for (const { reviewId } of burst) {
      expect(signals[reviewId]).toEqual([
        expect.objectContaining({
          kind: "five_star_burst",
          status: "suspected",
          details: { day: "2026-04-03", fiveStarReviews: 6, usualDailyRate: 0.1, baselineDays: 90 },
        }),
      ]);
    }
  });

  test("[EVALUATION] three reviews from one buyer to one seller within 30 days are each a repeat_buyer; two are not", async () => {
    const asOf = new Date("2026-05-04T00:00:00+03:00");
    const shop = marketplaceId("S");
    const [repeater, twice] = [marketplaceId("B"), marketplaceId("B")];
    const repeated = [29, 15, 2].map((day) => ({ id: marketplaceId("R"), day }));
    const doubled = [5, 1].map((day) => ({ id: marketplaceId("R"), day }));
    await ingest(
      [
        seller(shop),
        order(marketplaceId("O"), shop, repeater, daysBefore(asOf, 40)),
        order(marketplaceId("O"), shop, twice, daysBefore(asOf, 40)),
        // 29, 15 and 2 days before asOf: the first and the last 27 days apart.
        ...repeated.map(({ id, day }) => review(id, shop, repeater, 5, daysBefore(asOf, day))),
        ...doubled.map(({ id, day }) => review(id, shop, twice, 5, daysBefore(asOf, day))),
      ],
      NOW,
    );

    await evaluate(asOf);

    const signals = await signalsOf([...repeated, ...doubled].map((r) => r.id));
    for (const { id } of repeated) {
      expect(signals[id]).toEqual([
        expect.objectContaining({ kind: "repeat_buyer", details: { buyerId: repeater, reviewsNearby: 3, withinDays: 30 } }),
      ]);
    }
    for (const { id } of doubled) expect(signals[id]).toEqual([]);
  });

  test("[EVALUATION] a signal a moderator has cleared stays cleared when a later evaluation looks at the review again", async () => {
    const first = new Date("2026-08-03T00:00:00+03:00");
    const second = new Date(first.getTime() + 7 * DAY_MS);
    const shop = marketplaceId("S");
    const buyer = marketplaceId("B");
    const [earlier, laterOne, laterTwo] = [marketplaceId("R"), marketplaceId("R"), marketplaceId("R")];
    await ingest([seller(shop), review(earlier, shop, buyer, 5, daysBefore(first, 2))], NOW);
    await evaluate(first);
    expect(await kindsOf([earlier])).toEqual({ [earlier]: ["no_matching_purchase", "single_activity_buyer"] });

    // The moderator confirms the missing purchase and clears the single-activity suspicion.
    const { user: moderator } = await createTestUser("moderator");
    const decidedAt = new Date(first.getTime() + DAY_MS);
    const [reviewRow] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.externalId, earlier));
    const decide = (kind: "no_matching_purchase" | "single_activity_buyer", status: "confirmed" | "cleared") =>
      db
        .update(reviewSignals)
        .set({ status, decidedBy: moderator.id, decidedAt })
        .where(and(eq(reviewSignals.reviewId, reviewRow!.id), eq(reviewSignals.kind, kind)));
    await decide("no_matching_purchase", "confirmed");
    await decide("single_activity_buyer", "cleared");
    const decided = (await signalsOf([earlier]))[earlier]!;

    // The same buyer reviews the shop twice more; the next run's range reaches back to the first review.
    await ingest(
      [review(laterOne, shop, buyer, 5, daysBefore(second, 6)), review(laterTwo, shop, buyer, 5, daysBefore(second, 4))],
      NOW,
    );
    await evaluate(second);

    const after = await signalsOf([earlier, laterOne, laterTwo]);
    // The decided signals are the same rows, decisions intact; the earlier review was looked at
    // again, as its new repeat_buyer signal (3 reviews within 30 days) shows.
    expect(after[earlier]).toEqual([
      { ...decided[0]!, status: "confirmed", decidedBy: moderator.id },
      expect.objectContaining({ kind: "repeat_buyer", status: "suspected", decidedBy: null }),
      { ...decided[1]!, status: "cleared", decidedBy: moderator.id },
    ]);
    // The buyer now has other reviews: the later ones are not single-activity.
    expect(await kindsOf([laterOne, laterTwo])).toEqual({
      [laterOne]: ["no_matching_purchase", "repeat_buyer"],
      [laterTwo]: ["no_matching_purchase", "repeat_buyer"],
    });
  });

  test("[EVALUATION] signals run once per evaluation, audited; a run that never happened is made up by the next one", async () => {
    const first = new Date("2026-09-07T00:00:00+03:00");
    const skipped = new Date(first.getTime() + 7 * DAY_MS);
    const third = new Date(first.getTime() + 14 * DAY_MS);
    const shop = marketplaceId("S");
    const [early, missed] = [marketplaceId("R"), marketplaceId("R")];
    await ingest([seller(shop), review(early, shop, marketplaceId("B"), 5, daysBefore(first, 1))], NOW);
    const { summary, signals } = await evaluate(first);
    expect(signals).toMatchObject({ computed: true, raised: expect.any(Number) });
    expect(signals.raised).toBeGreaterThanOrEqual(2);
    // Again for the same evaluation: nothing is done, nothing is written.
    const again = await computeReviewSignals({ actor: TEST_ACTOR, evaluationId: summary.evaluationId, now: NOW });
    expect(again).toMatchObject({ computed: false, raised: 0 });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review-signals.computed"), eq(auditLog.entityId, String(summary.evaluationId))));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ raised: signals.raised, asOf: first.toISOString() });

    // The second week's evaluation runs, but its signals never do (the server stopped): the third
    // week's signals reach back to the first week's asOf and find the review posted in between.
    await ingest([review(missed, shop, marketplaceId("B"), 5, daysBefore(skipped, 3))], NOW);
    await runEvaluation({ actor: TEST_ACTOR, asOf: skipped, now: NOW });
    const made = await evaluate(third);
    expect(made.signals.from?.toISOString()).toBe(new Date(first.getTime() - 7 * DAY_MS).toISOString());
    expect(await kindsOf([missed])).toEqual({ [missed]: ["no_matching_purchase", "single_activity_buyer"] });
    const [skippedRow] = await db
      .select({ at: evaluations.signalsComputedAt })
      .from(evaluations)
      .where(eq(evaluations.asOf, skipped));
    expect(skippedRow?.at).toBeNull();
  });
});
