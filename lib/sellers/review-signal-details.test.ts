import { describe, expect, test } from "vitest";
import { readReviewSignalReason } from "./review-signal-details";

describe("reading a fake-review signal's stored reason", () => {
  test("each kind's details as the signal step stores them", () => {
    expect(readReviewSignalReason("no_matching_purchase", { buyerId: "B1", orderId: null, orderBuyerId: null })).toEqual({
      kind: "no_matching_purchase",
      details: { buyerId: "B1", orderId: null, orderBuyerId: null },
    });
    // jsonb numerics from round(…::numeric, 3) may come back as numbers or strings.
    expect(
      readReviewSignalReason("five_star_burst", {
        day: "2026-09-01",
        fiveStarReviews: 7,
        usualDailyRate: "0.125",
        baselineDays: 28,
      }),
    ).toEqual({
      kind: "five_star_burst",
      details: { day: "2026-09-01", fiveStarReviews: 7, usualDailyRate: 0.125, baselineDays: 28 },
    });
    expect(readReviewSignalReason("repeat_buyer", { buyerId: "B2", reviewsNearby: 3, withinDays: 30 }).details).toEqual({
      buyerId: "B2",
      reviewsNearby: 3,
      withinDays: 30,
    });
    expect(readReviewSignalReason("single_activity_buyer", { buyerId: "B3" }).details).toEqual({ buyerId: "B3" });
  });

  test("a reason of another shape is kept as unknown, not thrown", () => {
    expect(readReviewSignalReason("repeat_buyer", { something: "else" })).toEqual({ kind: "repeat_buyer", details: null });
  });
});
