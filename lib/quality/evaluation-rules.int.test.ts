/**
 * The evaluation's counting rules (SPEC.md, "Measuring quality"), driven end to end: events in
 * through the ingestion path, `runEvaluation`, then the stored seller_metrics. Every test has its
 * own sellers and its own asOf (an evaluation is reused for the same asOf and policy version).
 */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { createRng } from "@/db/seed/random";
import { db } from "@/db";
import type { QualityWindow } from "@/db/enums";
import { WINDOWS } from "@/db/enums";
import {
  evaluationSellers,
  portalMetrics,
  reviewReplies,
  reviews,
  scoringPolicies,
  sellerMetrics,
  sellers,
  type SellerMetricsRow,
} from "@/db/schema";
import { businessHoursBetween, type BusinessCalendar } from "@/lib/quality/business-hours";
import { ensureDefaultPolicy } from "@/lib/quality/get-current-policy";
import { DEFAULT_POLICY, type PolicyParams } from "@/lib/quality/policy";
import { classifyResponse } from "@/lib/quality/response-time";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { median } from "@/lib/quality/statistics";
import { selectCountedReviews } from "@/lib/quality/unique-ratings";
import { evaluationWindows } from "@/lib/quality/windows";
import {
  DAY_MS,
  HOUR_MS,
  TEST_ACTOR,
  complaint,
  daysBefore,
  evenly,
  ingest,
  marketplaceId,
  message,
  order,
  orderStatus,
  refund,
  review,
  reviewRemoved,
  reviewUpdated,
  seller,
  shopEvents,
  type MarketplaceEvent,
} from "@/scripts/test-support/events";

/** The clock of every ingestion and evaluation here: after all the events and all the asOfs. */
const NOW = new Date("2026-11-20T12:00:00Z");
const KYIV = "Europe/Kyiv";

const evaluate = (asOf: Date) => runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW });

async function metricsOf(evaluationId: number, sellerId: string): Promise<Record<QualityWindow, SellerMetricsRow>> {
  const rows = await db
    .select({ metrics: sellerMetrics })
    .from(sellerMetrics)
    .innerJoin(sellers, eq(sellers.id, sellerMetrics.sellerId))
    .where(and(eq(sellerMetrics.evaluationId, evaluationId), eq(sellers.externalId, sellerId)));
  expect(rows).toHaveLength(WINDOWS.length);
  return Object.fromEntries(rows.map(({ metrics }) => [metrics.window, metrics])) as Record<QualityWindow, SellerMetricsRow>;
}

/**
 * Runs `body` under a new policy version with these params, then stores the default again as the
 * next version, so the tests after this one evaluate under SPEC's defaults whatever their order.
 */
async function underPolicy<T>(params: PolicyParams, body: (version: number) => Promise<T>): Promise<T> {
  await ensureDefaultPolicy(NOW);
  const adopt = async (next: PolicyParams) => {
    const [latest] = await db
      .select({ version: scoringPolicies.version })
      .from(scoringPolicies)
      .orderBy(desc(scoringPolicies.version))
      .limit(1);
    const version = (latest?.version ?? 0) + 1;
    await db.insert(scoringPolicies).values({ version, params: next, note: "test", createdAt: NOW, activatedAt: NOW });
    return version;
  };
  try {
    return await body(await adopt(params));
  } finally {
    await adopt(DEFAULT_POLICY);
  }
}

describe("[EVALUATION] the unique-rating rule", () => {
  test("[EVALUATION] a buyer posting five reviews in three days counts once, with the first review's rating", async () => {
    const asOf = new Date("2026-02-02T00:00:00+02:00");
    const shop = marketplaceId("S");
    const [buyer, other] = [marketplaceId("B"), marketplaceId("B")];
    await ingest(
      [
        seller(shop),
        // Days 50, 49.5, 49, 48 and 47.1 before asOf: all five inside three days.
        review(marketplaceId("R"), shop, buyer, 1, daysBefore(asOf, 50)),
        review(marketplaceId("R"), shop, buyer, 5, daysBefore(asOf, 49.5)),
        review(marketplaceId("R"), shop, buyer, 5, daysBefore(asOf, 49)),
        review(marketplaceId("R"), shop, buyer, 5, daysBefore(asOf, 48)),
        review(marketplaceId("R"), shop, buyer, 5, daysBefore(asOf, 47.1)),
        // Another buyer on the same day is not blocked by the first buyer's reviews.
        review(marketplaceId("R"), shop, other, 3, daysBefore(asOf, 49)),
      ],
      NOW,
    );

    const { evaluationId } = await evaluate(asOf);
    const metrics = await metricsOf(evaluationId, shop);

    // Counted: the buyer's first (rating 1) and the other buyer's (rating 3) → 2 reviews,
    // 1 negative (rating ≤ 2), average (1 + 3) / 2 = 2. The four 5-star follow-ups count for nothing.
    expect(metrics.year).toMatchObject({ uniqueReviews: 2, negativeReviews: 1, negativeReviewRate: 0.5, averageRating: 2 });
    // All within the last 90 days, none within the last 30.
    expect(metrics.recent).toMatchObject({ uniqueReviews: 2, negativeReviews: 1, averageRating: 2 });
    expect(metrics.month).toMatchObject({ uniqueReviews: 0, negativeReviews: 0, negativeReviewRate: null, averageRating: null });
  });

  test("[EVALUATION] reviews on days 0, 5 and 9 count on days 0 and 9; the rule's 7 days are exact", async () => {
    const asOf = new Date("2026-02-09T00:00:00+02:00");
    const shop = marketplaceId("S");
    const [chain, exact, early] = [marketplaceId("B"), marketplaceId("B"), marketplaceId("B")];
    await ingest(
      [
        seller(shop),
        // Days 80, 75 and 71 before asOf = day 0, 5, 9 of the chain; ratings 4, 1, 2.
        review(marketplaceId("R"), shop, chain, 4, daysBefore(asOf, 80)),
        review(marketplaceId("R"), shop, chain, 1, daysBefore(asOf, 75)),
        review(marketplaceId("R"), shop, chain, 2, daysBefore(asOf, 71)),
        // Exactly 7 × 24 h apart: the second is not inside the 7 days before it, so both count.
        review(marketplaceId("R"), shop, exact, 5, daysBefore(asOf, 40)),
        review(marketplaceId("R"), shop, exact, 5, daysBefore(asOf, 33)),
        // One minute short of 7 days: the 1-star second review does not count.
        review(marketplaceId("R"), shop, early, 5, daysBefore(asOf, 20)),
        review(marketplaceId("R"), shop, early, 1, new Date(daysBefore(asOf, 13).getTime() - 60_000)),
      ],
      NOW,
    );

    const { evaluationId } = await evaluate(asOf);
    const metrics = await metricsOf(evaluationId, shop);

    // Counted: chain day 0 (4) and day 9 (2) — day 5 did not count, so it does not block day 9 —
    // both exact ones (5, 5) and the early buyer's first (5): 5 reviews, 1 negative (the 2),
    // average (4 + 2 + 5 + 5 + 5) / 5 = 4.2.
    expect(metrics.year).toMatchObject({ uniqueReviews: 5, negativeReviews: 1, averageRating: 4.2 });
    // Last 30 days: only the early buyer's first review (day 20); the blocked 1-star is not negative here.
    expect(metrics.month).toMatchObject({ uniqueReviews: 1, negativeReviews: 0, averageRating: 5 });
  });
});

describe("[EVALUATION] edited and removed reviews", () => {
  test("[EVALUATION] the rating and the removals as they stood at asOf are what counts", async () => {
    const first = new Date("2026-03-02T00:00:00+02:00");
    const second = new Date("2026-03-09T00:00:00+02:00");
    const shop = marketplaceId("S");
    const reposter = marketplaceId("B");
    const ids = {
      improved: marketplaceId("R"),
      editedLater: marketplaceId("R"),
      removed: marketplaceId("R"),
      removedLater: marketplaceId("R"),
      gone: marketplaceId("R"),
      kept: marketplaceId("R"),
    };
    await ingest(
      [
        seller(shop),
        review(ids.improved, shop, marketplaceId("B"), 1, daysBefore(first, 20)),
        reviewUpdated(ids.improved, 5, daysBefore(first, 19)),
        review(ids.editedLater, shop, marketplaceId("B"), 2, daysBefore(first, 10)),
        reviewUpdated(ids.editedLater, 4, daysBefore(first, -3)),
        review(ids.removed, shop, marketplaceId("B"), 1, daysBefore(first, 15)),
        reviewRemoved(ids.removed, daysBefore(first, 5)),
        review(ids.removedLater, shop, marketplaceId("B"), 2, daysBefore(first, 12)),
        reviewRemoved(ids.removedLater, daysBefore(first, -2), "moderator"),
        // A removed review does not block the same buyer's next one for 7 days.
        review(ids.gone, shop, reposter, 5, daysBefore(first, 8)),
        reviewRemoved(ids.gone, daysBefore(first, 7.5)),
        review(ids.kept, shop, reposter, 1, daysBefore(first, 6)),
      ],
      NOW,
    );

    const atFirst = await metricsOf((await evaluate(first)).evaluationId, shop);
    // As of the first asOf: improved (now 5), editedLater (still 2; its edit to 4 is 3 days later),
    // removedLater (2; removed 2 days later), kept (1). Not the removed one, not the removed 'gone'.
    // 4 reviews, 3 negative (2, 2, 1), average (5 + 2 + 2 + 1) / 4 = 2.5.
    expect(atFirst.year).toMatchObject({ uniqueReviews: 4, negativeReviews: 3, averageRating: 2.5 });

    const atSecond = await metricsOf((await evaluate(second)).evaluationId, shop);
    // A week later: improved (5), editedLater (4 now), kept (1); removedLater is gone.
    // 3 reviews, 1 negative, average (5 + 4 + 1) / 3 = 3.33….
    expect(atSecond.year).toMatchObject({ uniqueReviews: 3, negativeReviews: 1 });
    expect(atSecond.year.averageRating).toBeCloseTo(10 / 3, 12);
  });
});

describe("[EVALUATION] open negative reviews", () => {
  test("[EVALUATION] a negative review is open until the seller answers it; the unique-rating rule and edits after asOf apply", async () => {
    const asOf = new Date("2026-04-06T00:00:00+03:00");
    const shop = marketplaceId("S");
    const repeater = marketplaceId("B");
    const ids = {
      answered: marketplaceId("R"),
      answeredLater: marketplaceId("R"),
      open: marketplaceId("R"),
      blockedFirst: marketplaceId("R"),
      blocked: marketplaceId("R"),
      worsenedLater: marketplaceId("R"),
      improvedLater: marketplaceId("R"),
    };
    await ingest(
      [
        seller(shop),
        review(ids.answered, shop, marketplaceId("B"), 1, daysBefore(asOf, 30)),
        review(ids.answeredLater, shop, marketplaceId("B"), 2, daysBefore(asOf, 25)),
        review(ids.open, shop, marketplaceId("B"), 1, daysBefore(asOf, 20)),
        // The same buyer twice in 3 days: only the first counts, so the second is neither negative nor open.
        review(ids.blockedFirst, shop, repeater, 5, daysBefore(asOf, 12)),
        review(ids.blocked, shop, repeater, 1, daysBefore(asOf, 9)),
        // 5 stars at asOf, 1 star a day later: counted as 5, not negative, not open.
        review(ids.worsenedLater, shop, marketplaceId("B"), 5, daysBefore(asOf, 8)),
        reviewUpdated(ids.worsenedLater, 1, daysBefore(asOf, -1)),
        // 2 stars at asOf, 5 stars a day later: counted as 2, negative and open.
        review(ids.improvedLater, shop, marketplaceId("B"), 2, daysBefore(asOf, 6)),
        reviewUpdated(ids.improvedLater, 5, daysBefore(asOf, -1)),
      ],
      NOW,
    );
    const [shopRow] = await db.select({ id: sellers.id }).from(sellers).where(eq(sellers.externalId, shop));
    const reply = async (reviewId: string, at: Date) => {
      const [row] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.externalId, reviewId));
      await db
        .insert(reviewReplies)
        .values({ sellerId: shopRow!.id, reviewId: row!.id, body: "Sorry — we have sent a new one.", createdAt: at });
    };
    await reply(ids.answered, daysBefore(asOf, 29));
    await reply(ids.answeredLater, daysBefore(asOf, -2));
    await reply(ids.blocked, daysBefore(asOf, 8));

    const metrics = await metricsOf((await evaluate(asOf)).evaluationId, shop);
    // Counted: answered (1), answeredLater (2), open (1), blockedFirst (5), worsenedLater (5 then), improvedLater (2 then).
    expect(metrics.year).toMatchObject({ uniqueReviews: 6, negativeReviews: 4, openNegativeReviews: 3 });
    expect(metrics.year.averageRating).toBeCloseTo((1 + 2 + 1 + 5 + 5 + 2) / 6, 12);
    // The month window (30 days) starts just at the answered one's posting: it is in, the same counts.
    expect(metrics.month).toMatchObject({ uniqueReviews: 6, negativeReviews: 4, openNegativeReviews: 3 });
  });
});

describe("[EVALUATION] response time in business hours of the portal's time zone (Europe/Kyiv)", () => {
  // asOf Monday 1 June 2026 00:00 Kyiv (UTC+3). Messages window: 2025-12-01 … 2026-05-25 00:00.
  const asOf = new Date("2026-06-01T00:00:00+03:00");
  const thread = (shop: string, messages: [from: "buyer" | "seller", at: string][]) => {
    const [threadId, buyerId] = [marketplaceId("T"), marketplaceId("B")];
    return messages.map(([from, at]) => message(marketplaceId("M"), threadId, shop, buyerId, from, at));
  };

  test("[EVALUATION] a question on Friday 20:00 answered on Monday 09:00 is on time: 13 business hours", async () => {
    const shops = {
      weekend: marketplaceId("S"),
      unanswered: marketplaceId("S"),
      late: marketplaceId("S"),
      grace: marketplaceId("S"),
      sellerStarted: marketplaceId("S"),
      thanks: marketplaceId("S"),
    };
    const thanksThread = { id: marketplaceId("T"), buyer: marketplaceId("B") };
    await ingest(
      [
        ...Object.values(shops).map((shop) => seller(shop)),
        // Friday 20:00 → Monday 09:00: Friday 4 h + Saturday 0 + Sunday 0 + Monday 9 h = 13 business hours.
        ...thread(shops.weekend, [
          ["buyer", "2026-04-17T20:00:00+03:00"],
          ["seller", "2026-04-20T09:00:00+03:00"],
        ]),
        // Never answered, asked two months before asOf.
        ...thread(shops.unanswered, [["buyer", "2026-04-01T10:00:00+03:00"]]),
        // Monday 10:00 → Wednesday 11:00: 14 + 24 + 11 = 49 business hours, late.
        ...thread(shops.late, [
          ["buyer", "2026-04-06T10:00:00+03:00"],
          ["seller", "2026-04-08T11:00:00+03:00"],
        ]),
        // Friday 29 May, inside the 7 days before asOf: answered in 1 hour.
        ...thread(shops.grace, [
          ["buyer", "2026-05-29T10:00:00+03:00"],
          ["seller", "2026-05-29T11:00:00+03:00"],
        ]),
        // The seller wrote first; the seller's answer a week later is not a response time.
        ...thread(shops.sellerStarted, [
          ["seller", "2026-04-13T10:00:00+03:00"],
          ["buyer", "2026-04-13T11:00:00+03:00"],
          ["seller", "2026-04-20T10:00:00+03:00"],
        ]),
        // Tuesday 10:00 → 12:00: 2 business hours.
        message(marketplaceId("M"), thanksThread.id, shops.thanks, thanksThread.buyer, "buyer", "2026-04-14T10:00:00+03:00"),
        message(marketplaceId("M"), thanksThread.id, shops.thanks, thanksThread.buyer, "seller", "2026-04-14T12:00:00+03:00"),
      ],
      NOW,
    );
    // The buyer's "thanks, ok" arrives later, in its own batch, and is never answered.
    await ingest(
      [message(marketplaceId("M"), thanksThread.id, shops.thanks, thanksThread.buyer, "buyer", "2026-04-14T12:30:00+03:00")],
      NOW,
    );
    const { evaluationId } = await evaluate(asOf);

    const weekend = await metricsOf(evaluationId, shops.weekend);
    expect(weekend.messages).toMatchObject({ threads: 1, threadsOnTime: 1, onTimeResponseRate: 1, medianResponseHours: 13 });

    // Unanswered and older than the grace week: counted, not on time, no response time.
    const unanswered = await metricsOf(evaluationId, shops.unanswered);
    expect(unanswered.messages).toMatchObject({ threads: 1, threadsOnTime: 0, onTimeResponseRate: 0, medianResponseHours: null });

    // 49 business hours > 24: counted, late, median 49.
    const late = await metricsOf(evaluationId, shops.late);
    expect(late.messages).toMatchObject({ threads: 1, threadsOnTime: 0, onTimeResponseRate: 0, medianResponseHours: 49 });

    // Asked 2 days 14 hours before asOf: not in the messages window; the year window has it (1 h, on time).
    const grace = await metricsOf(evaluationId, shops.grace);
    expect(grace.messages).toMatchObject({ threads: 0, threadsOnTime: 0, onTimeResponseRate: null, medianResponseHours: null });
    expect(grace.year).toMatchObject({ threads: 1, threadsOnTime: 1, medianResponseHours: 1 });

    // A thread the seller started never counts, in any window.
    const sellerStarted = await metricsOf(evaluationId, shops.sellerStarted);
    for (const window of WINDOWS)
      expect(sellerStarted[window]).toMatchObject({ threads: 0, onTimeResponseRate: null, medianResponseHours: null });

    // The unanswered "thanks" after the seller's reply changes nothing: 1 thread, on time, 2 hours.
    const thanks = await metricsOf(evaluationId, shops.thanks);
    expect(thanks.messages).toMatchObject({ threads: 1, threadsOnTime: 1, medianResponseHours: 2 });
  });

  test("[EVALUATION] a configured holiday is not a business day; a new policy version is a new evaluation", async () => {
    // Monday 18 May 2026; the messages window ends Monday 11 May 00:00.
    const holidayAsOf = new Date("2026-05-18T00:00:00+03:00");
    const shop = marketplaceId("S");
    const buyer = marketplaceId("B");
    const threadId = marketplaceId("T");
    await ingest(
      [
        seller(shop),
        // Thursday 30 April 16:00 → Monday 4 May 10:00. Friday 1 May is a working day by default.
        message(marketplaceId("M"), threadId, shop, buyer, "buyer", "2026-04-30T16:00:00+03:00"),
        message(marketplaceId("M"), threadId, shop, buyer, "seller", "2026-05-04T10:00:00+03:00"),
      ],
      NOW,
    );

    const plain = await evaluate(holidayAsOf);
    // Thursday 8 h + Friday 24 h + Monday 10 h = 42 business hours: late.
    expect((await metricsOf(plain.evaluationId, shop)).messages).toMatchObject({
      threads: 1,
      threadsOnTime: 0,
      medianResponseHours: 42,
    });

    await underPolicy(
      { ...DEFAULT_POLICY, response: { ...DEFAULT_POLICY.response, holidays: ["2026-05-01"] } },
      async (version) => {
        const withHoliday = await evaluate(holidayAsOf);
        expect(withHoliday).toMatchObject({ policyVersion: version });
        expect(withHoliday.evaluationId).not.toBe(plain.evaluationId);
        // Friday 1 May off: 8 h + 10 h = 18 business hours, on time.
        expect((await metricsOf(withHoliday.evaluationId, shop)).messages).toMatchObject({
          threads: 1,
          threadsOnTime: 1,
          medianResponseHours: 18,
        });
      },
    );
  });
});

describe("[EVALUATION] rates", () => {
  test("[EVALUATION] complaints and seller cancellations per order, refund hours by median, all as of asOf", async () => {
    const asOf = new Date("2026-07-06T00:00:00+03:00");
    const shop = marketplaceId("S");
    const o = (k: number) => `${shop}-O${k}`;
    // 20 orders, order k placed 3 + 5k days before asOf (days 3, 8, 13, …, 98).
    const events: MarketplaceEvent[] = [seller(shop)];
    for (let k = 0; k < 20; k++) events.push(order(o(k), shop, `${shop}-B${k}`, daysBefore(asOf, 3 + 5 * k)));
    events.push(
      // Cancelled by the seller: O0 (day 3, cancelled day 2) and O19 (day 98, shipped, then cancelled day 96).
      orderStatus(o(0), "cancelled_by_seller", daysBefore(asOf, 2)),
      orderStatus(o(19), "shipped", daysBefore(asOf, 97)),
      orderStatus(o(19), "cancelled_by_seller", daysBefore(asOf, 96)),
      // Cancelled by the buyer: not the seller's doing.
      orderStatus(o(1), "cancelled_by_buyer", daysBefore(asOf, 7)),
      // Cancelled by the seller only after asOf (sent before the earlier "shipped"): shipped as of asOf.
      orderStatus(o(2), "cancelled_by_seller", daysBefore(asOf, -1)),
      orderStatus(o(2), "shipped", daysBefore(asOf, 12)),
      // Cancelled by the seller before asOf and delivered after it (the seller's correction): cancelled as of asOf.
      orderStatus(o(5), "cancelled_by_seller", daysBefore(asOf, 20)),
      orderStatus(o(5), "delivered", daysBefore(asOf, -2)),
      // Complaints on days 2, 20, 45, 60, and one an hour after asOf.
      ...[2, 20, 45, 60, -1 / 24].map((day) => complaint(marketplaceId("C"), shop, `${shop}-B0`, daysBefore(asOf, day))),
      // Refunds: 2 h (refunded day 10), 10 h (day 40), 30 h (day 50); one refunded 2 h after asOf.
      refund(o(3), daysBefore(asOf, 10), new Date(daysBefore(asOf, 10).getTime() + 2 * HOUR_MS)),
      refund(o(8), daysBefore(asOf, 40), new Date(daysBefore(asOf, 40).getTime() + 10 * HOUR_MS)),
      refund(o(10), daysBefore(asOf, 50), new Date(daysBefore(asOf, 50).getTime() + 30 * HOUR_MS)),
      refund(o(4), daysBefore(asOf, 1), new Date(asOf.getTime() + 2 * HOUR_MS)),
    );
    await ingest(events, NOW);

    const metrics = await metricsOf((await evaluate(asOf)).evaluationId, shop);

    // Year: 20 orders; complaints 4 / 20 = 0.2; seller cancellations O0, O5, O19 → 3 / 20 = 0.15;
    // refunds 3, median of 2, 10, 30 h = 10.
    expect(metrics.year).toMatchObject({
      orders: 20,
      complaints: 4,
      complaintRate: 0.2,
      sellerCancellations: 3,
      sellerCancellationRate: 0.15,
      refunds: 3,
      medianRefundHours: 10,
    });
    // Month (last 30 days): orders on days 3, 8, 13, 18, 23, 28 → 6; complaints days 2 and 20 → 2 / 6;
    // cancellations O0 and O5 (day 28) → 2 / 6; refunds: the 2-hour one.
    expect(metrics.month).toMatchObject({ orders: 6, complaints: 2, sellerCancellations: 2, refunds: 1, medianRefundHours: 2 });
    expect(metrics.month.complaintRate).toBeCloseTo(2 / 6, 12);
    expect(metrics.month.sellerCancellationRate).toBeCloseTo(2 / 6, 12);
    // Recent (last 90 days): orders days 3 … 88 → 18; O19 (day 98) falls outside, so 2 cancellations.
    expect(metrics.recent).toMatchObject({
      orders: 18,
      complaints: 4,
      sellerCancellations: 2,
      refunds: 3,
      medianRefundHours: 10,
    });
  });
});

describe("[EVALUATION] eligibility", () => {
  test("[EVALUATION] a seller with 29 orders, or 9 unique reviews, in the year is not eligible and never flagged, however bad", async () => {
    const asOf = new Date("2026-08-03T00:00:00+03:00");
    // Ordinary: 30 orders, 10 unique reviews, the oldest one negative (rate 0.1).
    const ordinary = Array.from({ length: 3 }, () => marketplaceId("S"));
    const ordinaryReviews = evenly(10, 10, 340).map((day, i) => ({ day, rating: i === 9 ? 1 : 5 }));
    const allNegative = (count: number) => evenly(count, 10, 340).map((day) => ({ day, rating: 1 }));
    const [justEligible, fewOrders, fewReviews] = [marketplaceId("S"), marketplaceId("S"), marketplaceId("S")];
    const events = [
      ...ordinary.flatMap((sellerId) => shopEvents({ sellerId, orderDays: evenly(30, 5, 355), reviews: ordinaryReviews }, asOf)),
      // Exactly at the bar: 30 orders and 10 unique reviews, every one negative.
      ...shopEvents({ sellerId: justEligible, orderDays: evenly(30, 5, 355), reviews: allNegative(10) }, asOf),
      // 29 orders, 20 unique reviews, every one negative.
      ...shopEvents({ sellerId: fewOrders, orderDays: evenly(29, 5, 355), reviews: allNegative(20) }, asOf),
      // 40 orders; 9 buyers, each posting a 1-star review and another a day later: 18 reviews, 9 unique.
      ...shopEvents({ sellerId: fewReviews, orderDays: evenly(40, 5, 355), reviews: allNegative(9) }, asOf),
      ...evenly(9, 10, 340).map((day, i) =>
        review(marketplaceId("R"), fewReviews, `${fewReviews}-RB${i}`, 1, daysBefore(asOf, day - 1)),
      ),
    ];
    await ingest(events, NOW);

    const summary = await evaluate(asOf);

    const verdicts = await db
      .select({ sellerId: sellers.externalId, eligible: evaluationSellers.eligible, flagged: evaluationSellers.flagged })
      .from(evaluationSellers)
      .innerJoin(sellers, eq(sellers.id, evaluationSellers.sellerId))
      .where(eq(evaluationSellers.evaluationId, summary.evaluationId));
    const verdictOf = (sellerId: string) => verdicts.find((v) => v.sellerId === sellerId);
    for (const sellerId of ordinary) expect(verdictOf(sellerId)).toMatchObject({ eligible: true, flagged: false });
    expect(verdictOf(justEligible)).toMatchObject({ eligible: true, flagged: true });
    expect(verdictOf(fewOrders)).toMatchObject({ eligible: false, flagged: false });
    expect(verdictOf(fewReviews)).toMatchObject({ eligible: false, flagged: false });
    expect((await metricsOf(summary.evaluationId, fewReviews)).year).toMatchObject({
      orders: 40,
      uniqueReviews: 9,
      negativeReviews: 9,
    });

    // The portal is the 4 eligible sellers (no other seller of this file has 30 orders): median of
    // 0.1, 0.1, 0.1 and 1.0 = 0.1, so LOW_YEAR's bar is max(2 × 0.1, 0.1 + 0.03) = 0.2. The
    // just-eligible seller's 10 of 10: Wilson (z 1.96) lower end ≈ 0.722 > 0.2 → flagged.
    const [portalYear] = await db
      .select()
      .from(portalMetrics)
      .where(and(eq(portalMetrics.evaluationId, summary.evaluationId), eq(portalMetrics.window, "year")));
    expect(portalYear).toMatchObject({ eligibleSellers: 4, values: expect.objectContaining({ negativeReviewRate: 0.1 }) });
    expect(summary.flagged).toEqual([
      {
        sellerId: justEligible,
        reasons: [{ code: "LOW_YEAR", metric: "negativeReviewRate", window: "year", value: 1, portalValue: 0.1 }],
      },
    ]);
  });
});

describe("[EVALUATION] windows", () => {
  test("[EVALUATION] a review 100 days before asOf is in year and baseline, not recent; the messages window leaves out the last 7 days", async () => {
    // Monday 7 September 2026. Recent starts 9 June, month 8 August, the messages window
    // runs from 8 March 23:00 to 31 August 00:00 (Kyiv).
    const asOf = new Date("2026-09-07T00:00:00+03:00");
    const shop = marketplaceId("S");
    const reviewAt = (at: Date) => review(marketplaceId("R"), shop, marketplaceId("B"), 5, at);
    const thread = (asked: string, answered: string) => {
      const [threadId, buyerId] = [marketplaceId("T"), marketplaceId("B")];
      return [
        message(marketplaceId("M"), threadId, shop, buyerId, "buyer", asked),
        message(marketplaceId("M"), threadId, shop, buyerId, "seller", answered),
      ];
    };
    await ingest(
      [
        seller(shop),
        reviewAt(daysBefore(asOf, 100)), // year, baseline, messages
        reviewAt(daysBefore(asOf, 90)), // exactly 90 days: recent (start inclusive), not baseline (end exclusive); messages
        reviewAt(daysBefore(asOf, 20)), // year, recent, month, messages
        reviewAt(asOf), // at asOf: in no window (end exclusive)
        reviewAt(daysBefore(asOf, 365)), // exactly 365 days: year, baseline
        reviewAt(new Date(daysBefore(asOf, 365).getTime() - 1000)), // a second older: nowhere
        // Wednesday 2 September 10:00 → 11:00 (1 h): inside the last 7 days.
        ...thread("2026-09-02T10:00:00+03:00", "2026-09-02T11:00:00+03:00"),
        // Friday 28 August 10:00 → 12:00 (2 h): in the messages window.
        ...thread("2026-08-28T10:00:00+03:00", "2026-08-28T12:00:00+03:00"),
        // Thursday 5 March 10:00 → 13:00 (3 h, winter time): older than 182 days, in the year.
        ...thread("2026-03-05T10:00:00+02:00", "2026-03-05T13:00:00+02:00"),
      ],
      NOW,
    );

    const metrics = await metricsOf((await evaluate(asOf)).evaluationId, shop);

    expect(Object.fromEntries(WINDOWS.map((w) => [w, metrics[w].uniqueReviews]))).toEqual({
      year: 4, // days 100, 90, 20, 365
      recent: 2, // days 90, 20
      month: 1, // day 20
      baseline: 2, // days 100, 365
      messages: 3, // days 100, 90, 20
    });
    expect(Object.fromEntries(WINDOWS.map((w) => [w, [metrics[w].threads, metrics[w].medianResponseHours]]))).toEqual({
      year: [3, 2], // 1, 2, 3 h
      recent: [2, 1.5], // 1, 2 h
      month: [2, 1.5], // 1, 2 h
      baseline: [1, 3], // 3 h
      messages: [1, 2], // 2 h only: the 1-hour thread is in the last 7 days
    });
  });
});

describe("[EVALUATION] the SQL agrees with the pure functions", () => {
  test("[EVALUATION] on a seeded random portal, unique and negative reviews per window and response metrics equal the pure functions'", async () => {
    const asOf = new Date("2026-08-10T00:00:00+03:00");
    // Weekdays off, one of them (4 August) inside the 7 days before asOf.
    const holidays = [
      "2026-02-23",
      "2026-03-09",
      "2026-04-13",
      "2026-05-01",
      "2026-05-11",
      "2026-06-01",
      "2026-06-29",
      "2026-07-15",
      "2026-07-28",
      "2026-08-04",
      "2026-08-07",
    ];
    const random = createRng(20_260_810);
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
    const shops = Array.from({ length: 4 }, () => marketplaceId("S"));
    const buyers = Array.from({ length: 8 }, () => marketplaceId("B"));
    const SECOND = 1000;
    const usedTimes = new Set<number>();
    /** Whole seconds, never twice the same instant: ties between one buyer's reviews would be decided by ids. */
    const instant = (ms: number) => {
      let t = Math.floor(ms / SECOND) * SECOND;
      while (usedTimes.has(t)) t += SECOND;
      usedTimes.add(t);
      return new Date(t);
    };

    // Reviews over the 400 days before asOf (a few after it); 45% follow an earlier review of the
    // same buyer and shop within 0–10 days, so the 7-day rule has chains to fold. Some are edited
    // or removed, before or after asOf.
    type Generated = {
      index: number;
      id: string;
      shop: number;
      buyerId: string;
      postedAt: Date;
      rating: number;
      edit: { at: Date; rating: number } | null;
      removedAt: Date | null;
    };
    const generated: Generated[] = [];
    for (let index = 0; index < 320; index++) {
      const follow = generated.length > 0 && random() < 0.45 ? pick(generated) : null;
      const postedAt = follow
        ? instant(follow.postedAt.getTime() + random() * 10 * DAY_MS)
        : instant(asOf.getTime() - random() * 400 * DAY_MS);
      const rating = 1 + Math.floor(random() * 5);
      const edit =
        random() < 0.15
          ? { at: instant(postedAt.getTime() + 60 * SECOND + random() * 60 * DAY_MS), rating: 1 + Math.floor(random() * 5) }
          : null;
      const removedAt = random() < 0.08 ? instant(postedAt.getTime() + 60 * SECOND + random() * 60 * DAY_MS) : null;
      generated.push({
        index,
        id: marketplaceId("R"),
        shop: follow?.shop ?? Math.floor(random() * shops.length),
        buyerId: follow?.buyerId ?? pick(buyers),
        postedAt,
        rating,
        edit,
        removedAt,
      });
    }

    // Threads begun in the 200 days before asOf: 85% by the buyer. A buyer may write twice before
    // the answer; 80% are answered within 0–100 real hours (some after asOf); some buyers say
    // thanks afterwards and some sellers write again.
    type Thread = { shop: number; startedBy: "buyer" | "seller"; askedAt: Date; repliedAt: Date | null };
    const threads: Thread[] = [];
    const messageEvents: MarketplaceEvent[] = [];
    for (let i = 0; i < 240; i++) {
      const shop = Math.floor(random() * shops.length);
      const [threadId, buyerId] = [marketplaceId("T"), pick(buyers)];
      const send = (from: "buyer" | "seller", at: Date) =>
        messageEvents.push(message(marketplaceId("M"), threadId, shops[shop]!, buyerId, from, at));
      const startedAt = instant(asOf.getTime() - random() * 200 * DAY_MS);
      const later = (from: Date, hours: number) => instant(from.getTime() + SECOND + random() * hours * HOUR_MS);
      if (random() < 0.85) {
        send("buyer", startedAt);
        if (random() < 0.3) send("buyer", later(startedAt, 5));
        const repliedAt = random() < 0.8 ? later(startedAt, 100) : null;
        if (repliedAt) {
          send("seller", repliedAt);
          if (random() < 0.5) send("buyer", later(repliedAt, 3));
          if (random() < 0.3) send("seller", later(repliedAt, 48));
        }
        threads.push({ shop, startedBy: "buyer", askedAt: startedAt, repliedAt });
      } else {
        send("seller", startedAt);
        const askedAt = later(startedAt, 20);
        send("buyer", askedAt);
        const repliedAt = later(askedAt, 100);
        send("seller", repliedAt);
        threads.push({ shop, startedBy: "seller", askedAt, repliedAt });
      }
    }
    // Messages arrive in any order: shuffle them (Fisher–Yates, seeded).
    for (let i = messageEvents.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [messageEvents[i], messageEvents[j]] = [messageEvents[j]!, messageEvents[i]!];
    }

    // Reviews first, their edits and removals in a later batch; the shuffled messages in batches
    // of 100, so a thread's reply may arrive before its question and is sorted out on arrival.
    await ingest(
      [
        ...shops.map((shop) => seller(shop)),
        ...generated.map((r) => review(r.id, shops[r.shop]!, r.buyerId, r.rating, r.postedAt)),
      ],
      NOW,
    );
    await ingest(
      generated.flatMap((r) => [
        ...(r.edit ? [reviewUpdated(r.id, r.edit.rating, r.edit.at)] : []),
        ...(r.removedAt ? [reviewRemoved(r.id, r.removedAt)] : []),
      ]),
      NOW,
    );
    for (let start = 0; start < messageEvents.length; start += 100) await ingest(messageEvents.slice(start, start + 100), NOW);

    const summary = await underPolicy({ ...DEFAULT_POLICY, response: { ...DEFAULT_POLICY.response, holidays } }, () =>
      evaluate(asOf),
    );

    // The pure side. A review as it stood at asOf: posted before, not removed by then, rated by
    // its latest edit before asOf.
    const windows = evaluationWindows(asOf, DEFAULT_POLICY.windows);
    const inWindow = (at: Date, window: QualityWindow) => at >= windows[window].start && at < windows[window].end;
    const standing = generated
      .filter((r) => r.postedAt < asOf && !(r.removedAt && r.removedAt < asOf))
      .map((r) => ({
        id: r.index,
        sellerId: r.shop,
        buyerId: r.buyerId,
        postedAt: r.postedAt,
        rating: r.edit && r.edit.at < asOf ? r.edit.rating : r.rating,
      }));
    const counted = selectCountedReviews(standing, DEFAULT_POLICY.reviews.uniqueRatingDays);
    const limit = DEFAULT_POLICY.response.onTimeBusinessHours;
    const round = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);
    const keys = shops.flatMap((_, shop) => WINDOWS.map((window) => ({ shop, window, key: `${shop}/${window}` })));

    /** What the pure functions make of this portal, every shop and window, on a business calendar. */
    const computePure = (calendar: BusinessCalendar) => {
      const classified = threads.map((t) => ({
        ...t,
        ...classifyResponse(
          { startedBy: t.startedBy, firstBuyerMessageAt: t.askedAt, firstSellerReplyAt: t.repliedAt },
          asOf,
          calendar,
          limit,
        ),
      }));
      return Object.fromEntries(
        keys.map(({ shop, window, key }) => {
          const reviewsIn = counted.filter((r) => r.sellerId === shop && inWindow(r.postedAt, window));
          // Unanswered threads: the pure classification counts every one; the SQL waits until the
          // on-time limit has passed before judging it. Inside the messages window (older than 7
          // days) the two are the same; in the other windows, apply that wait here.
          const threadsIn = classified.filter(
            (t) =>
              t.shop === shop &&
              t.counted &&
              inWindow(t.askedAt, window) &&
              (t.responseHours !== null || businessHoursBetween(t.askedAt, asOf, calendar) > limit),
          );
          const hours = threadsIn.flatMap((t) => (t.responseHours === null ? [] : [t.responseHours]));
          const metrics = {
            uniqueReviews: reviewsIn.length,
            negativeReviews: reviewsIn.filter((r) => r.rating <= DEFAULT_POLICY.reviews.negativeMaxRating).length,
            averageRating: round(
              reviewsIn.length === 0 ? null : reviewsIn.reduce((sum, r) => sum + r.rating, 0) / reviewsIn.length,
            ),
            threads: threadsIn.length,
            threadsOnTime: threadsIn.filter((t) => t.onTime).length,
            medianResponseHours: round(median(hours)),
          };
          return [key, metrics];
        }),
      );
    };
    const expected = computePure({ timeZone: KYIV, holidays });

    const actual: Record<string, unknown> = {};
    for (const [shop, sellerId] of shops.entries()) {
      const metrics = await metricsOf(summary.evaluationId, sellerId);
      for (const window of WINDOWS) {
        const m = metrics[window];
        actual[`${shop}/${window}`] = {
          uniqueReviews: m.uniqueReviews,
          negativeReviews: m.negativeReviews,
          averageRating: round(m.averageRating),
          threads: m.threads,
          threadsOnTime: m.threadsOnTime,
          medianResponseHours: round(m.medianResponseHours),
        };
      }
    }
    expect(actual).toEqual(expected);

    // The same portal with every pass in the evaluation's own transaction, as on PGlite (a new
    // policy version with the same parameters is a new evaluation): every stored metric the same.
    const inTurn = await underPolicy({ ...DEFAULT_POLICY, response: { ...DEFAULT_POLICY.response, holidays } }, () =>
      runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW, sideConnection: false }),
    );
    expect(inTurn.evaluationId).not.toBe(summary.evaluationId);
    const stored = async (evaluationId: number) =>
      (
        await db
          .select()
          .from(sellerMetrics)
          .where(eq(sellerMetrics.evaluationId, evaluationId))
          .orderBy(sellerMetrics.sellerId, sellerMetrics.window)
      ).map(({ evaluationId: _, ...row }) => row);
    const concurrentRows = await stored(summary.evaluationId);
    expect(concurrentRows.length).toBeGreaterThanOrEqual(shops.length * WINDOWS.length);
    expect(await stored(inTurn.evaluationId)).toEqual(concurrentRows);

    // The data is not trivial: chains were folded, the holidays change the answer, and the
    // messages window has threads on time, late and unanswered.
    expect(counted.length).toBeLessThan(standing.length - 20);
    expect(computePure({ timeZone: KYIV, holidays: [] })).not.toEqual(expected);
    const messages = Object.values(expected).filter((_, i) => keys[i]!.window === "messages");
    const sum = (pick: (m: (typeof messages)[number]) => number) => messages.reduce((total, m) => total + pick(m), 0);
    expect(sum((m) => m.threadsOnTime)).toBeGreaterThan(20);
    expect(sum((m) => m.threads - m.threadsOnTime)).toBeGreaterThan(30);
  });
});
