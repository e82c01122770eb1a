import { describe, expect, test } from "vitest";
import { compareWithPortal, DIRECTION_ARROW, isWorseThanPortal } from "./metric-direction";

describe("whether a seller's metric is worse than the portal's", () => {
  test.each([
    ["negativeReviewRate", 0.2, 0.1, true],
    ["negativeReviewRate", 0.1, 0.1, false],
    ["complaintRate", 0.01, 0.05, false],
    ["averageRating", 3.9, 4.5, true],
    ["averageRating", 4.8, 4.5, false],
    ["onTimeResponseRate", 0.7, 0.9, true],
    ["medianResponseHours", 30, 6, true],
    ["medianRefundHours", 2, 48, false],
    ["orders", 10, 1000, false],
    ["uniqueReviews", 1, 50, false],
  ] as const)("%s: %d against the portal's %d is worse: %s", (metric, value, portal, expected) => {
    expect(isWorseThanPortal(metric, value, portal)).toBe(expected);
  });

  test("nothing to compare is never worse", () => {
    expect(isWorseThanPortal("negativeReviewRate", null, 0.1)).toBe(false);
    expect(isWorseThanPortal("negativeReviewRate", 0.5, null)).toBe(false);
  });

  test.each([
    ["averageRating", 3.06, 4.28, "lower", true, "▼"],
    ["averageRating", 4.9, 4.28, "higher", false, "▲"],
    ["negativeReviewRate", 0.3, 0.1, "higher", true, "▲"],
    ["onTimeResponseRate", 0.5, 0.9, "lower", true, "▼"],
  ] as const)("%s %d against %d lies %s (worse: %s), arrow %s", (metric, value, portal, side, isWorse, arrow) => {
    expect(compareWithPortal(metric, value, portal)).toEqual({ side, isWorse });
    expect(DIRECTION_ARROW[side]).toBe(arrow);
  });

  test("equal or missing values lie on no side", () => {
    expect(compareWithPortal("averageRating", 4.28, 4.28)).toEqual({ side: null, isWorse: false });
    expect(compareWithPortal("averageRating", null, 4.28)).toEqual({ side: null, isWorse: false });
  });
});
