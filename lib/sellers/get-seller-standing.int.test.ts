/**
 * The seller's standing from a planted portal: 20 ordinary sellers make the portal values, seller
 * "close" sits a little above them, seller "small" is not eligible yet. Every number is worked out
 * by hand from the plan; the distance is checked against what a re-evaluation actually flags.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import { cases, sellers } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import type { RuleDistance } from "@/lib/quality/flag-distance";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { getSellerStanding } from "@/lib/sellers/get-seller-standing";
import {
  DAY_MS,
  TEST_ACTOR,
  complaint,
  daysBefore,
  evenly,
  ingest,
  marketplaceId,
  order,
  review,
  shopEvents,
  type ShopPlan,
} from "@/scripts/test-support/events";
import { createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-20T12:00:00Z");
const AS_OF = new Date("2026-09-07T00:00:00+03:00");
const FORTY_ORDERS = evenly(40, 3, 350);

/** Recent reviews between day 5 and 70 before asOf, baseline ones between day 100 and 340; the first `negative` of each are 1-star. */
function reviewsOf(recent: { count: number; negative: number }, baseline: { count: number; negative: number }) {
  const rated = (days: number[], negative: number) => days.map((day, i) => ({ day, rating: i < negative ? 1 : 5 }));
  return [...rated(evenly(recent.count, 5, 70), recent.negative), ...rated(evenly(baseline.count, 100, 340), baseline.negative)];
}

const ordinary = Array.from({ length: 20 }, () => marketplaceId("S-ordinary"));
const closeSeller = marketplaceId("S-close");
const smallSeller = marketplaceId("S-small");

const plans: ShopPlan[] = [
  // Year 1/20 = 0.05, recent 0/5 = 0, complaints 2/40 = 0.05, average rating (19 × 5 + 1) / 20 = 4.8.
  ...ordinary.map((sellerId) => ({
    sellerId,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 0 }, { count: 15, negative: 1 }),
    complaintDays: [20, 200],
  })),
  // Year 2/30 ≈ 0.0667 (recent 1/10, baseline 1/20), complaints 2/40, rating (28 × 5 + 2) / 30 ≈ 4.733.
  {
    sellerId: closeSeller,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 10, negative: 1 }, { count: 20, negative: 1 }),
    complaintDays: [20, 200],
  },
  // 23 orders and 7 reviews: not eligible (30 orders and 10 unique reviews needed).
  {
    sellerId: smallSeller,
    orderDays: evenly(23, 3, 350),
    reviews: reviewsOf({ count: 2, negative: 1 }, { count: 5, negative: 0 }),
  },
];

let closeActor: UserActor;
let smallActor: UserActor;
let smallSellerId: number;

beforeAll(async () => {
  await ingest(
    plans.flatMap((plan) => shopEvents(plan, AS_OF)),
    NOW,
  );
  closeActor = (await createTestUser("seller", { sellerExternalId: closeSeller })).actor;
  smallActor = (await createTestUser("seller", { sellerExternalId: smallSeller })).actor;
  smallSellerId = smallActor.sellerId!;
});

const more = (distance: RuleDistance) => (distance.status === "reachable" ? distance.more : Number.POSITIVE_INFINITY);

describe("[SELLER] the standing page's numbers", () => {
  test("[SELLER] before any evaluation: no evaluation yet, nothing else made up", async () => {
    const standing = await getSellerStanding({ actor: closeActor, now: NOW });
    expect(standing.evaluation).toBeNull();
    expect(standing.seller.externalId).toBe(closeSeller);
    expect(standing.trend.points).toEqual([]);
    expect(standing.activeCase).toBeNull();
  });

  test("[SELLER] metrics beside the portal, eligibility, distances, what to improve first, each only their own", async () => {
    const first = await runEvaluation({ actor: TEST_ACTOR, asOf: AS_OF, now: NOW });
    const standing = await getSellerStanding({ actor: closeActor, now: NOW });
    const evaluation = standing.evaluation!;
    expect(standing.seller.externalId).toBe(closeSeller);
    expect(evaluation.evaluationId).toBe(first.evaluationId);
    expect(evaluation.asOf).toEqual(AS_OF);
    expect(evaluation).toMatchObject({ eligible: true, flagged: false });
    expect(evaluation.eligibility).toEqual({ orders: { have: 40, need: 30 }, uniqueReviews: { have: 30, need: 10 } });
    // 21 eligible sellers, 20 at 0.05: the median is 0.05; recent 20 × 0 and 0.1: 0.
    expect(evaluation.metrics.year.negativeReviewRate.value).toBeCloseTo(2 / 30, 12);
    expect(evaluation.metrics.year.negativeReviewRate.portalValue).toBeCloseTo(0.05, 12);
    expect(evaluation.metrics.recent.negativeReviewRate).toEqual({ value: 0.1, portalValue: 0 });
    expect(evaluation.metrics.year.complaintRate).toEqual({ value: 0.05, portalValue: 0.05 });
    // Worse than the portal: the negative-review rate by a third, the rating by 0.067 of 4.8; nothing else.
    expect(evaluation.improvements.map((item) => [item.metric, item.window])).toEqual([
      ["negativeReviewRate", "year"],
      ["averageRating", "year"],
    ]);
    for (const distance of Object.values(evaluation.distances)) expect(distance.status).toBe("reachable");
    expect(standing.trend.points.map((point) => point.evaluationId)).toEqual([first.evaluationId]);

    const small = await getSellerStanding({ actor: smallActor, now: NOW });
    expect(small.seller.externalId).toBe(smallSeller);
    expect(small.evaluation).toMatchObject({
      eligible: false,
      flagged: false,
      eligibility: { orders: { have: 23, need: 30 }, uniqueReviews: { have: 7, need: 10 } },
      distances: {
        lowYearNegativeReviews: { status: "not_applicable", because: "not_eligible" },
        lowYearComplaints: { status: "not_applicable", because: "not_eligible" },
        worsened: { status: "not_applicable", because: "not_eligible" },
      },
    });
    expect(small.evaluation!.metrics.year.negativeReviewRate.value).toBeCloseTo(1 / 7, 12);
  });

  test("[SELLER] the distance shown is what a re-evaluation with that many more negative reviews flags", async () => {
    const before = (await getSellerStanding({ actor: closeActor, now: NOW })).evaluation!;
    const { lowYearNegativeReviews, worsened } = before.distances;
    const k = Math.min(more(lowYearNegativeReviews), more(worsened));
    const expectedCode = more(worsened) === k ? "WORSENED" : "LOW_YEAR";
    // By hand: WORSENED with 5 more is 6/15 against 1/20, pooled 7/35 = 0.2, z = 0.35 / √(0.16 × (1/15 + 1/20))
    // = 2.56 ≥ 2.33 (with 4 more, z = 2.31); LOW_YEAR with 5 more is 7/35, Wilson low end 0.1004 > 0.10
    // (with 4 more, 6/34: 0.0835). Both trip at 5.
    expect(more(worsened)).toBe(5);
    expect(more(lowYearNegativeReviews)).toBe(5);
    expect(k).toBe(5);

    // k − 1 more negative reviews, each from a new buyer, between the evaluations: not flagged.
    const negatives = (count: number, at: Date) =>
      Array.from({ length: count }, () => review(marketplaceId("R"), closeSeller, marketplaceId("B"), 1, at));
    await ingest(negatives(k - 1, new Date(AS_OF.getTime() + 0.5 * DAY_MS)), NOW);
    const second = await runEvaluation({ actor: TEST_ACTOR, asOf: new Date(AS_OF.getTime() + DAY_MS), now: NOW });
    expect(second.flagged.map((flag) => flag.sellerId)).not.toContain(closeSeller);
    const between = (await getSellerStanding({ actor: closeActor, now: NOW })).evaluation!;
    expect(Math.min(more(between.distances.lowYearNegativeReviews), more(between.distances.worsened))).toBe(1);

    // One more: flagged, by the rule the distance named.
    await ingest(negatives(1, new Date(AS_OF.getTime() + 1.5 * DAY_MS)), NOW);
    const third = await runEvaluation({ actor: TEST_ACTOR, asOf: new Date(AS_OF.getTime() + 2 * DAY_MS), now: NOW });
    const flagged = third.flagged.find((flag) => flag.sellerId === closeSeller);
    expect(flagged?.reasons.map((reason) => reason.code)).toContain(expectedCode);

    const after = await getSellerStanding({ actor: closeActor, now: NOW });
    expect(after.evaluation).toMatchObject({ evaluationId: third.evaluationId, flagged: true });
    expect(after.trend.points).toHaveLength(3);
  });

  test("[SELLER] live counts since the evaluation, and the seller's cases, never another seller's", async () => {
    const { user: moderator } = await createTestUser("moderator");
    const latestAsOf = new Date(AS_OF.getTime() + 2 * DAY_MS);
    await db.insert(cases).values([
      {
        sellerId: smallSellerId,
        status: "REINSTATED",
        openedBy: moderator.id,
        excludedAt: daysBefore(NOW, 60),
        recheckAt: daysBefore(NOW, 46),
        reinstatedAt: daysBefore(NOW, 45),
        evidence: {},
      },
      {
        sellerId: smallSellerId,
        status: "EXCLUDED",
        openedBy: moderator.id,
        excludedAt: daysBefore(NOW, 3),
        recheckAt: new Date(NOW.getTime() + 5.5 * DAY_MS),
        evidence: {},
      },
    ]);
    // After the latest asOf: one order, a 2-star and a 5-star review, a complaint for "small"; nothing for "close".
    const at = new Date(latestAsOf.getTime() + DAY_MS);
    await ingest(
      [
        order(marketplaceId("O"), smallSeller, marketplaceId("B"), at),
        complaint(marketplaceId("C"), smallSeller, marketplaceId("B"), at),
        review(marketplaceId("R"), smallSeller, marketplaceId("B"), 2, at),
        review(marketplaceId("R"), smallSeller, marketplaceId("B"), 5, at),
      ],
      NOW,
    );
    const [small] = await db.select().from(sellers).where(eq(sellers.externalId, smallSeller));

    const mine = await getSellerStanding({ actor: smallActor, now: NOW });
    expect(mine.seller.externalId).toBe(small!.externalId);
    expect(mine.evaluation!.sinceEvaluation).toEqual({ orders: 1, reviews: 2, negativeReviews: 1, complaints: 1 });
    expect(mine.activeCase).toMatchObject({ status: "EXCLUDED", daysLeft: 6 });
    expect(mine.pastCases.map((past) => past.status)).toEqual(["REINSTATED"]);

    const theirs = await getSellerStanding({ actor: closeActor, now: NOW });
    expect(theirs.activeCase).toBeNull();
    expect(theirs.pastCases).toEqual([]);
    // The 1 + k negative reviews planted between the evaluations are before the latest asOf.
    expect(theirs.evaluation!.sinceEvaluation).toEqual({ orders: 0, reviews: 0, negativeReviews: 0, complaints: 0 });
  });

  test.each(["moderator", "admin"] as const)("[%s] has no standing of their own", async (role) => {
    const { actor } = await createTestUser(role);
    await expect(getSellerStanding({ actor, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
