import { describe, expect, test } from "vitest";
import { readFlagReasonExplanation } from "./flag-reason-details";

describe("reading the counts behind a flag reason", () => {
  test("LOW_YEAR and WORSENED details as decideFlags stores them", () => {
    expect(readFlagReasonExplanation("LOW_YEAR", { successes: 12, trials: 30, confidence: 0.95 })).toEqual({
      code: "LOW_YEAR",
      details: { successes: 12, trials: 30, confidence: 0.95 },
    });
    const worsened = {
      z: 2.9047,
      recent: { successes: 5, trials: 10, rate: 0.5 },
      baseline: { successes: 1, trials: 20, rate: 0.05 },
    };
    expect(readFlagReasonExplanation("WORSENED", worsened)).toEqual({ code: "WORSENED", details: worsened });
  });

  test("details of another shape (or none) are unknown, not an error", () => {
    expect(readFlagReasonExplanation("WORSENED", { successes: 1 })).toEqual({ code: "WORSENED", details: null });
    expect(readFlagReasonExplanation("LOW_YEAR", null)).toEqual({ code: "LOW_YEAR", details: null });
  });
});
