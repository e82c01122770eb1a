/**
 * Flagging on a planted portal (SPEC.md, "Flagging"): ordinary sellers make the portal values,
 * planted sellers must come out LOW_YEAR, WORSENED, or not flagged for a stated reason. Every
 * number below is worked out by hand from the plan; the Wilson bounds use z = 1.959964.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import {
  auditLog,
  cases,
  evaluationSellers,
  evaluations,
  flagReasons,
  flags,
  portalMetrics,
  reviewSignals,
  sellerMetrics,
  sellers,
} from "@/db/schema";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { DAY_MS, TEST_ACTOR, evenly, ingest, marketplaceId, shopEvents, type ShopPlan } from "@/scripts/test-support/events";
import { createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-20T12:00:00Z");
/** Monday 7 September 2026, Kyiv; the later evaluation a week after. */
const AS_OF = new Date("2026-09-07T00:00:00+03:00");
const A_WEEK_LATER = new Date(AS_OF.getTime() + 7 * DAY_MS);

const evaluate = (asOf: Date) => runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW });

/**
 * Reviews in days before asOf: recent ones between day 5 and 70, baseline ones between day 100
 * and 340, so a week later every review is still in the same window. The first `negative` of
 * each list are 1-star, the rest 5-star.
 */
function reviewsOf(recent: { count: number; negative: number }, baseline: { count: number; negative: number }) {
  const rated = (days: number[], negative: number) => days.map((day, i) => ({ day, rating: i < negative ? 1 : 5 }));
  return [...rated(evenly(recent.count, 5, 70), recent.negative), ...rated(evenly(baseline.count, 100, 340), baseline.negative)];
}
/** 40 orders between day 3 and 350 before asOf (still in the year a week later). */
const FORTY_ORDERS = evenly(40, 3, 350);
/** 2 complaints per 40 orders: 0.05, the portal's complaint rate. */
const TWO_COMPLAINTS = [20, 200];

const ordinaryEven = Array.from({ length: 15 }, () => marketplaceId("S-even"));
const ordinaryOdd = Array.from({ length: 15 }, () => marketplaceId("S-odd"));
const planted = {
  lowYear: marketplaceId("S-low-year"),
  complaints: marketplaceId("S-complaints"),
  worsened: marketplaceId("S-worsened"),
  smallAndBad: marketplaceId("S-small"),
  tooFewReviews: marketplaceId("S-too-few"),
  activeCase: marketplaceId("S-case"),
};

const plans: ShopPlan[] = [
  // 5 recent, 15 baseline reviews, 1 negative in the baseline: year 1/20 = 0.05, recent 0/5.
  ...ordinaryEven.map((sellerId) => ({
    sellerId,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 0 }, { count: 15, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  })),
  // One negative in each: year 2/20 = 0.10, recent 1/5 = 0.2, baseline 1/15.
  ...ordinaryOdd.map((sellerId) => ({
    sellerId,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 1 }, { count: 15, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  })),
  // 12 of 30 negative (0.4), spread evenly: 4/10 recent, 8/20 baseline, so it has not *worsened*.
  {
    sellerId: planted.lowYear,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 10, negative: 4 }, { count: 20, negative: 8 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // Reviews like an odd ordinary seller, but 16 complaints on 40 orders (0.4).
  {
    sellerId: planted.complaints,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 1 }, { count: 15, negative: 1 }),
    complaintDays: evenly(16, 5, 340),
  },
  // Baseline 1/20 (0.05), recent 5/10 (0.5): year 6/30 = 0.2.
  {
    sellerId: planted.worsened,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 10, negative: 5 }, { count: 20, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // 20 orders, 15 reviews, every one negative: not eligible (needs 30 orders).
  {
    sellerId: planted.smallAndBad,
    orderDays: evenly(20, 3, 350),
    reviews: reviewsOf({ count: 5, negative: 5 }, { count: 10, negative: 10 }),
  },
  // Eligible at the bar (30 orders, 10 reviews) with 4 of 10 negative (0.4), 1 complaint (1/30).
  {
    sellerId: planted.tooFewReviews,
    orderDays: evenly(30, 3, 350),
    reviews: reviewsOf({ count: 3, negative: 1 }, { count: 7, negative: 3 }),
    complaintDays: [50],
  },
  // 10 of 20 negative (0.5; recent 3/5, baseline 7/15) but already excluded by a case.
  {
    sellerId: planted.activeCase,
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 3 }, { count: 15, negative: 7 }),
    complaintDays: TWO_COMPLAINTS,
  },
];

beforeAll(async () => {
  await ingest(
    plans.flatMap((plan) => shopEvents(plan, AS_OF)),
    NOW,
  );
  const { user: moderator } = await createTestUser("moderator");
  const [caseSeller] = await db.select({ id: sellers.id }).from(sellers).where(eq(sellers.externalId, planted.activeCase));
  await db.insert(cases).values({
    sellerId: caseSeller!.id,
    status: "EXCLUDED",
    openedBy: moderator.id,
    excludedAt: new Date(AS_OF.getTime() - 3 * DAY_MS),
    recheckAt: new Date(AS_OF.getTime() + 11 * DAY_MS),
    evidence: {},
  });
});

async function flagsOf(evaluationId: number) {
  return db
    .select({ id: flags.id, sellerId: sellers.externalId, status: flags.status, supersededBy: flags.supersededBy })
    .from(flags)
    .innerJoin(sellers, eq(sellers.id, flags.sellerId))
    .where(eq(flags.evaluationId, evaluationId));
}

/** Rows in every table an evaluation writes. */
async function rowCounts() {
  const tables = { evaluations, evaluationSellers, sellerMetrics, portalMetrics, flags, flagReasons, reviewSignals, auditLog };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const),
  );
  return Object.fromEntries(entries);
}

describe("[EVALUATION] flagging a planted portal", () => {
  test("[EVALUATION] LOW_YEAR and WORSENED go to exactly the planted sellers, each reason with its numbers", async () => {
    const summary = await evaluate(AS_OF);

    // Eligible: 30 ordinary + low-year, complaints, worsened, too-few, active case = 35.
    const portal = Object.fromEntries(
      (await db.select().from(portalMetrics).where(eq(portalMetrics.evaluationId, summary.evaluationId))).map((row) => [
        row.window,
        { eligibleSellers: row.eligibleSellers, values: row.values as Record<string, number | null> },
      ]),
    );
    expect(portal.year!.eligibleSellers).toBe(35);
    // Year negative rates: 15 × 0.05, 16 × 0.10 (odd + complaints), 0.2, 0.4, 0.4, 0.5 → the 18th of 35 is 0.10.
    expect(portal.year!.values.negativeReviewRate).toBe(0.1);
    // Complaint rates: 1/30, 33 × 0.05, 0.4 → 0.05.
    expect(portal.year!.values.complaintRate).toBe(0.05);
    // Recent negative rates: 15 × 0, 16 × 0.2, then 1/3, 0.4, 0.5, 0.6 → the 18th is 0.2.
    expect(portal.recent!.values.negativeReviewRate).toBe(0.2);
    const threshold = (portalValue: number) => Math.max(2 * portalValue, portalValue + 0.03);
    const yearNegative = portal.year!.values.negativeReviewRate!;
    const yearComplaints = portal.year!.values.complaintRate!;

    const verdicts = await db
      .select({ sellerId: sellers.externalId, eligible: evaluationSellers.eligible, flagged: evaluationSellers.flagged })
      .from(evaluationSellers)
      .innerJoin(sellers, eq(sellers.id, evaluationSellers.sellerId))
      .where(eq(evaluationSellers.evaluationId, summary.evaluationId));
    const verdictOf = Object.fromEntries(verdicts.map((v) => [v.sellerId, { eligible: v.eligible, flagged: v.flagged }]));
    for (const sellerId of [...ordinaryEven, ...ordinaryOdd])
      expect(verdictOf[sellerId], sellerId).toEqual({ eligible: true, flagged: false });
    expect(verdictOf[planted.lowYear]).toEqual({ eligible: true, flagged: true });
    expect(verdictOf[planted.complaints]).toEqual({ eligible: true, flagged: true });
    expect(verdictOf[planted.worsened]).toEqual({ eligible: true, flagged: true });
    expect(verdictOf[planted.smallAndBad]).toEqual({ eligible: false, flagged: false });
    // 4/10: Wilson 95% lower end ≈ 0.168, below the bar of 0.2 — the same 40% as the LOW_YEAR
    // seller, but 10 reviews are not enough to say it is worse than the portal.
    expect(verdictOf[planted.tooFewReviews]).toEqual({ eligible: true, flagged: false });
    // 10/20 (lower end ≈ 0.299 > 0.2) would be LOW_YEAR, but the seller has an active case.
    expect(verdictOf[planted.activeCase]).toEqual({ eligible: true, flagged: false });

    const reasons = await db
      .select({ sellerId: sellers.externalId, reason: flagReasons })
      .from(flagReasons)
      .innerJoin(flags, eq(flags.id, flagReasons.flagId))
      .innerJoin(sellers, eq(sellers.id, flags.sellerId))
      .where(eq(flags.evaluationId, summary.evaluationId));
    const reasonsOf = (sellerId: string) => reasons.filter((r) => r.sellerId === sellerId).map((r) => r.reason);
    expect(new Set(reasons.map((r) => r.sellerId))).toEqual(new Set([planted.lowYear, planted.complaints, planted.worsened]));

    // 12/30 = 0.4; Wilson: centre (0.4 + 1.9208/30) / (1 + 3.8415/30) = 0.41136, half-width
    // 1.7375 × √(0.008 + 0.001067) = 0.16545 → [0.2459, 0.5768]; 0.2459 > max(0.2, 0.13) = 0.2.
    const [lowYear, ...moreLowYear] = reasonsOf(planted.lowYear);
    expect(moreLowYear).toEqual([]);
    expect(lowYear).toMatchObject({
      code: "LOW_YEAR",
      metric: "negativeReviewRate",
      window: "year",
      value: 0.4,
      portalValue: yearNegative,
      threshold: threshold(yearNegative),
    });
    expect(lowYear!.threshold).toBe(0.2);
    expect(lowYear!.intervalLow).toBeCloseTo(0.2459, 4);
    expect(lowYear!.intervalHigh).toBeCloseTo(0.5768, 4);

    // 16/40 = 0.4; Wilson: centre (0.4 + 0.04802) / 1.09604 = 0.40876, half-width
    // 1.78826 × √(0.006 + 0.000600) = 0.14528 → lower end 0.2635 > max(2 × 0.05, 0.05 + 0.03) = 0.1.
    const [complaints, ...moreComplaints] = reasonsOf(planted.complaints);
    expect(moreComplaints).toEqual([]);
    expect(complaints).toMatchObject({
      code: "LOW_YEAR",
      metric: "complaintRate",
      window: "year",
      value: 0.4,
      portalValue: yearComplaints,
      threshold: threshold(yearComplaints),
    });
    expect(complaints!.threshold).toBe(0.1);
    expect(complaints!.intervalLow).toBeCloseTo(0.2635, 4);

    // Recent 5/10 against baseline 1/20: pooled 6/30 = 0.2, se = √(0.2 × 0.8 × (1/10 + 1/20)) =
    // 0.15492, z = (0.5 − 0.05) / 0.15492 = 2.9047 ≥ 2.33, and 0.5 > the portal's recent 0.2.
    // Its year 6/30 (lower end 0.095) is no LOW_YEAR.
    const [worsened, ...moreWorsened] = reasonsOf(planted.worsened);
    expect(moreWorsened).toEqual([]);
    expect(worsened).toMatchObject({
      code: "WORSENED",
      metric: "negativeReviewRate",
      window: "recent",
      value: 0.5,
      portalValue: 0.2,
      threshold: 2.33,
    });
    expect((worsened!.details as { z: number }).z).toBeCloseTo(2.9047, 4);
    expect(worsened!.details).toMatchObject({
      recent: { successes: 5, trials: 10, rate: 0.5 },
      baseline: { successes: 1, trials: 20, rate: 0.05 },
    });

    // What the API answers: the same three, by marketplace id, with the same numbers.
    // 36 sellers: 30 ordinary and 6 planted, the small one included.
    expect(summary).toMatchObject({ asOf: AS_OF.toISOString(), policyVersion: 1, sellersEvaluated: 36 });
    expect([...summary.flagged].sort((a, b) => a.sellerId.localeCompare(b.sellerId))).toEqual(
      [
        {
          sellerId: planted.lowYear,
          reasons: [{ code: "LOW_YEAR", metric: "negativeReviewRate", window: "year", value: 0.4, portalValue: 0.1 }],
        },
        {
          sellerId: planted.complaints,
          reasons: [{ code: "LOW_YEAR", metric: "complaintRate", window: "year", value: 0.4, portalValue: 0.05 }],
        },
        {
          sellerId: planted.worsened,
          reasons: [{ code: "WORSENED", metric: "negativeReviewRate", window: "recent", value: 0.5, portalValue: 0.2 }],
        },
      ].sort((a, b) => a.sellerId.localeCompare(b.sellerId)),
    );
  });

  test("[EVALUATION] the same asOf again returns the same evaluation and writes nothing", async () => {
    const first = await evaluate(AS_OF);
    const before = await rowCounts();

    const again = await evaluate(AS_OF);

    expect(again).toEqual(first);
    expect(await rowCounts()).toEqual(before);
  });

  test("[EVALUATION] each flag has its flag.raised audit entry, and the run one evaluation.completed", async () => {
    const { evaluationId } = await evaluate(AS_OF);
    const raised = await flagsOf(evaluationId);
    expect(raised).toHaveLength(3);

    const flagEntries = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "flag"),
          inArray(
            auditLog.entityId,
            raised.map((flag) => String(flag.id)),
          ),
        ),
      );
    expect(flagEntries.map((entry) => entry.entityId).sort()).toEqual(raised.map((flag) => String(flag.id)).sort());
    for (const entry of flagEntries) {
      expect(entry).toMatchObject({
        action: "flag.raised",
        actorRole: "system",
        actorLabel: "test",
        after: expect.objectContaining({ evaluationId }),
      });
    }

    const runEntries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "evaluation"), eq(auditLog.entityId, String(evaluationId))));
    expect(runEntries).toEqual([
      expect.objectContaining({
        action: "evaluation.completed",
        after: expect.objectContaining({ asOf: AS_OF.toISOString(), sellersEvaluated: 36, flagged: 3 }),
      }),
    ]);
  });

  test("[EVALUATION] a later evaluation that flags a seller again supersedes the untriaged older flag", async () => {
    const earlier = await evaluate(AS_OF);
    // A week on, every review and order is still in the same window: the same three are flagged.
    const later = await evaluate(A_WEEK_LATER);
    expect(later.evaluationId).not.toBe(earlier.evaluationId);

    const newFlags = await flagsOf(later.evaluationId);
    const oldFlags = await flagsOf(earlier.evaluationId);
    expect(new Set(newFlags.map((flag) => flag.sellerId))).toEqual(
      new Set([planted.lowYear, planted.complaints, planted.worsened]),
    );
    for (const flag of newFlags) expect(flag).toMatchObject({ status: "open", supersededBy: null });
    expect(oldFlags).toHaveLength(3);
    for (const old of oldFlags) {
      const replacement = newFlags.find((flag) => flag.sellerId === old.sellerId);
      expect(old).toMatchObject({ status: "superseded", supersededBy: replacement!.id });
    }

    const [completed] = await db.select({ n: count() }).from(evaluations).where(eq(evaluations.status, "completed"));
    expect(completed!.n).toBe(2);
  });

  test("[EVALUATION] back-filling an earlier asOf does not displace the newer open flags", async () => {
    const newer = await evaluate(A_WEEK_LATER);
    const backfill = await evaluate(new Date(AS_OF.getTime() - 3 * 86_400_000));
    const newerFlags = await flagsOf(newer.evaluationId);
    const backfilled = await flagsOf(backfill.evaluationId);
    const overlapping = backfilled.filter((flag) => newerFlags.some((current) => current.sellerId === flag.sellerId));
    expect(overlapping.length).toBeGreaterThan(0);
    for (const flag of overlapping) {
      const current = newerFlags.find((candidate) => candidate.sellerId === flag.sellerId)!;
      expect(flag).toMatchObject({ status: "superseded", supersededBy: current.id });
      expect(current).toMatchObject({ status: "open", supersededBy: null });
    }
  });
});
