/**
 * The moderator's seller view on a planted portal evaluated twice: three ordinary sellers make the
 * portal values, one seller got worse recently (WORSENED), and got worse again in the week between
 * the evaluations. Every expected number is worked out by hand from the plan.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import { cases, sellers } from "@/db/schema";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { getSellerForModerator } from "@/lib/sellers/get-seller-for-moderator";
import { getSellerTrend } from "@/lib/sellers/get-seller-trend";
import { listSellerReviewSignals } from "@/lib/sellers/list-seller-review-signals";
import { listSellers } from "@/lib/sellers/list-sellers";
import { resolveSellerRef } from "@/lib/sellers/resolve-seller-ref";
import {
  DAY_MS,
  TEST_ACTOR,
  daysBefore,
  evenly,
  ingest,
  marketplaceId,
  review,
  shopEvents,
  type ShopPlan,
} from "@/scripts/test-support/events";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-20T12:00:00Z");
/** Monday 7 September 2026, Kyiv; the second evaluation a week later. */
const AS_OF = new Date("2026-09-07T00:00:00+03:00");
const A_WEEK_LATER = new Date(AS_OF.getTime() + 7 * DAY_MS);

/** Recent reviews between day 5 and 70 before AS_OF, baseline ones between 100 and 340: a week later still in the same windows. */
function reviewsOf(recent: { count: number; negative: number }, baseline: { count: number; negative: number }) {
  const rated = (days: number[], negative: number) => days.map((day, i) => ({ day, rating: i < negative ? 1 : 5 }));
  return [...rated(evenly(recent.count, 5, 70), recent.negative), ...rated(evenly(baseline.count, 100, 340), baseline.negative)];
}
const FORTY_ORDERS = evenly(40, 3, 350);
const TWO_COMPLAINTS = [20, 200];

const ordinary = [marketplaceId("S-ordinary"), marketplaceId("S-ordinary"), marketplaceId("S-ordinary")];
const worsening = marketplaceId("S-worsening");
const plans: ShopPlan[] = [
  // Year 2/20 = 0.1 (recent 1/5 = 0.2), average rating (2 + 18 × 5) / 20 = 4.6, complaints 2/40 = 0.05.
  ...ordinary.map((sellerId) => ({
    sellerId,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 1 }, { count: 15, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  })),
  // Year 6/30 = 0.2, recent 5/10 = 0.5 against a baseline of 1/20, average (6 + 24 × 5) / 30 = 4.2.
  {
    sellerId: worsening,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 10, negative: 5 }, { count: 20, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  },
];

const ids: { worsening: number; ordinary: number } = { worsening: 0, ordinary: 0 };
const evaluationIds: number[] = [];

beforeAll(async () => {
  await ingest(
    plans.flatMap((plan) => shopEvents(plan, AS_OF)),
    NOW,
  );
  // In the week between the evaluations, two more 1-star reviews: year 8/32 = 0.25, recent 7/12, average (8 + 120) / 32 = 4.
  await ingest(
    [2, 3].map((day) => review(marketplaceId("R-late"), worsening, marketplaceId("B-late"), 1, daysBefore(A_WEEK_LATER, day))),
    NOW,
  );
  for (const asOf of [AS_OF, A_WEEK_LATER]) {
    const { evaluationId } = await runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW });
    await computeReviewSignals({ actor: TEST_ACTOR, evaluationId, now: NOW });
    evaluationIds.push(evaluationId);
  }
  const idOf = async (externalId: string) =>
    (await db.select({ id: sellers.id }).from(sellers).where(eq(sellers.externalId, externalId)))[0]!.id;
  ids.worsening = await idOf(worsening);
  ids.ordinary = await idOf(ordinary[0]!);
});

describe("the moderator's seller view", () => {
  test("[MODERATOR] sees the seller's latest metrics beside the portal's, the open flag's reasons in numbers", async () => {
    const { actor } = await createTestUser("moderator");

    const view = await getSellerForModerator({ actor, sellerId: ids.worsening, now: NOW });

    expect(view.seller).toMatchObject({ id: ids.worsening, externalId: worsening, name: `Shop ${worsening}` });
    expect(view.quality).toMatchObject({
      evaluationId: evaluationIds[1],
      asOf: A_WEEK_LATER.toISOString(),
      eligible: true,
      flagged: true,
    });
    const year = view.quality.metrics.year;
    expect(year.orders).toEqual({ value: 40, portalValue: 40 });
    expect(year.negativeReviewRate.value).toBeCloseTo(0.25, 10);
    // Year negative rates 0.1, 0.1, 0.1, 0.25: the median is 0.1.
    expect(year.negativeReviewRate.portalValue).toBeCloseTo(0.1, 10);
    expect(year.averageRating).toEqual({ value: 4, portalValue: 4.6 });
    expect(year.complaintRate.value).toBeCloseTo(0.05, 10);
    expect(view.quality.metrics.recent.negativeReviewRate.value).toBeCloseTo(7 / 12, 10);

    // The first evaluation's flag was superseded by the second's: one open flag, one reason.
    expect(view.openFlag).toMatchObject({ evaluationId: evaluationIds[1], evaluationAsOf: A_WEEK_LATER });
    expect(view.openFlag!.reasons).toHaveLength(1);
    // Recent 7/12 against baseline 1/20: pooled 8/32, se = √(0.25 × 0.75 × (1/12 + 1/20)) = 0.158114, z = 3.3731.
    expect(view.openFlag!.reasons[0]).toMatchObject({
      code: "WORSENED",
      metric: "negativeReviewRate",
      window: "recent",
      portalValue: 0.2,
      threshold: 2.33,
    });
    expect(view.openFlag!.reasons[0]!.value).toBeCloseTo(7 / 12, 10);
    expect(view.openFlag!.reasons[0]!.details).toMatchObject({
      z: expect.closeTo(3.3731, 3),
      recent: { successes: 7, trials: 12 },
      baseline: { successes: 1, trials: 20, rate: 0.05 },
    });
    expect(view).toMatchObject({ activeCase: null, cases: [] });
  });

  test("[MODERATOR] sees the seller's cases newest first, the active one apart", async () => {
    const { actor, user: moderator } = await createTestUser("moderator");
    const [earlier] = await db
      .insert(cases)
      .values({
        sellerId: ids.ordinary,
        status: "REINSTATED",
        openedBy: moderator.id,
        excludedAt: new Date("2026-01-05T10:00:00Z"),
        recheckAt: new Date("2026-01-19T10:00:00Z"),
        reinstatedAt: new Date("2026-01-20T09:00:00Z"),
        evidence: {},
      })
      .returning();
    const [active] = await db
      .insert(cases)
      .values({
        sellerId: ids.ordinary,
        status: "EXCLUDED",
        openedBy: moderator.id,
        excludedAt: new Date("2026-10-01T10:00:00Z"),
        recheckAt: new Date("2026-10-15T10:00:00Z"),
        evidence: {},
      })
      .returning();

    // Before the re-check date; after it, the same case reads as due (below).
    const view = await getSellerForModerator({ actor, sellerId: ids.ordinary, now: new Date("2026-10-10T10:00:00Z") });

    expect(view.openFlag).toBeNull();
    expect(view.quality).toMatchObject({ eligible: true, flagged: false });
    expect(view.activeCase).toMatchObject({
      id: active!.id,
      status: "EXCLUDED",
      recheckAt: new Date("2026-10-15T10:00:00Z"),
      reinstatedAt: null,
      openedByName: "Test moderator",
    });
    expect(view.cases.map((sellerCase) => [sellerCase.id, sellerCase.status])).toEqual([
      [active!.id, "EXCLUDED"],
      [earlier!.id, "REINSTATED"],
    ]);
    expect(view.cases[1]!.reinstatedAt).toEqual(new Date("2026-01-20T09:00:00Z"));

    const list = await listSellers({ actor, page: 1, search: ordinary[0], now: new Date("2026-10-10T10:00:00Z") });
    expect(list.rows).toEqual([
      {
        id: ids.ordinary,
        externalId: ordinary[0],
        name: `Shop ${ordinary[0]}`,
        eligible: true,
        flagged: false,
        hasOpenFlag: false,
        activeCase: { id: active!.id, status: "EXCLUDED", recheckAt: new Date("2026-10-15T10:00:00Z") },
      },
    ]);

    const afterRecheck = new Date("2026-10-15T10:00:00Z");
    const due = await getSellerForModerator({ actor, sellerId: ids.ordinary, now: afterRecheck });
    expect(due.activeCase).toMatchObject({ id: active!.id, status: "DUE_FOR_RECHECK" });
    expect(due.cases.map((sellerCase) => sellerCase.status)).toEqual(["DUE_FOR_RECHECK", "REINSTATED"]);
    const dueList = await listSellers({ actor, page: 1, search: ordinary[0], now: afterRecheck });
    expect(dueList.rows[0]!.activeCase).toMatchObject({ id: active!.id, status: "DUE_FOR_RECHECK" });
  });

  test("[MODERATOR] follows the trend over the evaluations, oldest first, beside the portal", async () => {
    const { actor } = await createTestUser("moderator");

    const trend = await getSellerTrend({ actor, sellerId: ids.worsening });

    expect(trend.points.map((point) => [point.evaluationId, point.asOf])).toEqual([
      [evaluationIds[0], AS_OF],
      [evaluationIds[1], A_WEEK_LATER],
    ]);
    const [first, second] = trend.points;
    const close = (value: number | null) => expect.closeTo(value ?? Number.NaN, 10);
    expect(first!.values.year.negativeReviewRate).toEqual({ value: close(0.2), portalValue: close(0.1) });
    expect(second!.values.year.negativeReviewRate).toEqual({ value: close(0.25), portalValue: close(0.1) });
    // Recent rates 0.2, 0.2, 0.2 and the seller's: the median is 0.2 both times.
    expect(first!.values.recent.negativeReviewRate).toEqual({ value: close(0.5), portalValue: close(0.2) });
    expect(second!.values.recent.negativeReviewRate).toEqual({ value: close(7 / 12), portalValue: close(0.2) });
    expect(first!.values.year.averageRating).toEqual({ value: close(4.2), portalValue: close(4.6) });
    expect(second!.values.year.averageRating).toEqual({ value: close(4), portalValue: close(4.6) });
    expect(second!.values.year.complaintRate).toEqual({ value: close(0.05), portalValue: close(0.05) });
    // No threads at all: nothing to measure.
    expect(second!.values.messages.onTimeResponseRate).toEqual({ value: null, portalValue: null });

    const latestOnly = await getSellerTrend({ actor, sellerId: ids.worsening, evaluations: 1 });
    expect(latestOnly.points.map((point) => point.evaluationId)).toEqual([evaluationIds[1]]);
  });

  test("[MODERATOR] a seller who joined after the evaluations has no trend yet, not an error", async () => {
    const { actor } = await createTestUser("moderator");
    const newcomer = await createTestSeller("Newcomer");

    const trend = await getSellerTrend({ actor, sellerId: newcomer.id });
    const view = await getSellerForModerator({ actor, sellerId: newcomer.id, now: NOW });

    // The trend follows the evaluations the seller took part in: none yet.
    expect(trend.points).toEqual([]);
    expect(view.quality).toMatchObject({ eligible: false, flagged: false });
    expect(view.quality.metrics.year.orders).toEqual({ value: null, portalValue: 40 });
  });

  test("[MODERATOR] sees the suspected fake reviews with their reasons: buyers whose only trace is the review", async () => {
    const { actor } = await createTestUser("moderator");

    // The signals look at the reviews of the last 90 days: the 10 recent ones and the 2 late ones.
    // Each has its own buyer who never ordered: no matching purchase, and no other activity.
    const first = await listSellerReviewSignals({ actor, sellerId: ids.worsening, cursor: {}, pageSize: 8 });
    const second = await listSellerReviewSignals({ actor, sellerId: ids.worsening, cursor: first.olderCursor! });

    expect(first.counts).toEqual({ suspected: 24, confirmed: 0, cleared: 0 });
    const listed = [...first.rows, ...second.rows];
    expect(listed).toHaveLength(12);
    expect(second.olderCursor).toBeUndefined();
    const postedAt = listed.map((row) => row.postedAt.getTime());
    expect(postedAt).toEqual([...postedAt].sort((a, b) => b - a));
    for (const row of listed) {
      expect(row.signals.map((signal) => [signal.kind, signal.status])).toEqual([
        ["no_matching_purchase", "suspected"],
        ["single_activity_buyer", "suspected"],
      ]);
      expect(row.signals[0]!.details).toEqual({ buyerId: row.buyerId, orderId: null, orderBuyerId: null });
      expect(row.signals[1]!.details).toEqual({ buyerId: row.buyerId });
    }
  });

  test("[SELLER] is refused the moderator's view, even of their own shop", async () => {
    const { actor } = await createTestUser("seller");
    const own = actor.sellerId!;
    await expect(getSellerForModerator({ actor, sellerId: own, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getSellerTrend({ actor, sellerId: own })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSellerReviewSignals({ actor, sellerId: ids.worsening, cursor: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listSellers({ actor, page: 1, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("[ADMIN] an unknown seller id is not found", async () => {
    const { actor } = await createTestUser("admin");
    const unknown = 9_000_000_000;
    await expect(getSellerForModerator({ actor, sellerId: unknown, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSellerTrend({ actor, sellerId: unknown })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listSellerReviewSignals({ actor, sellerId: unknown, cursor: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test("[MODERATOR] reaches a seller by the marketplace's id as well as by ours; a seller by neither", async () => {
    const { actor } = await createTestUser("moderator");
    const byExternal = await createTestSeller("Pasted shop");
    // A marketplace id that reads like another seller's own id: our own id keeps its meaning.
    const [numeric] = await db
      .insert(sellers)
      .values({ externalId: String(byExternal.id), name: "Numeric shop" })
      .returning();

    expect(await resolveSellerRef({ actor, ref: byExternal.externalId })).toBe(byExternal.id);
    expect(await resolveSellerRef({ actor, ref: String(byExternal.id) })).toBe(byExternal.id);
    expect(await resolveSellerRef({ actor, ref: String(numeric!.id) })).toBe(numeric!.id);
    for (const ref of ["S-nobody", "0", "-1", "", "999999999999"]) {
      await expect(resolveSellerRef({ actor, ref }), ref).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  test("[SELLER] cannot look a seller up by either id", async () => {
    const { actor } = await createTestUser("seller");
    await expect(resolveSellerRef({ actor, ref: worsening })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
