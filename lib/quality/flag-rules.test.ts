import { describe, expect, test } from "vitest";
import { evaluateLowYear, evaluateWorsened } from "@/lib/quality/flag-rules";
import { DEFAULT_POLICY } from "@/lib/quality/policy";

// Default policy: LOW_YEAR at 95% confidence (z = 1.959964), threshold max(2 × portal, portal + 0.03);
// WORSENED at ≥ 5 recent reviews and z ≥ 2.33.
const LOW_YEAR = DEFAULT_POLICY.lowYear;
const WORSENED = DEFAULT_POLICY.worsened;

describe("LOW_YEAR: statistically worse than the portal over the year", () => {
  test("30 negative of 100 against a portal of 5% is flagged: even the Wilson low end, 21.9%, is above 10%", () => {
    // threshold = max(2 × 0.05, 0.05 + 0.03) = max(0.10, 0.08) = 0.10
    // z² = 3.841459, denominator = 1.03841459
    // centre = (0.3 + 0.01920730) / 1.03841459 = 0.30740036
    // half-width = 1.8874581 × √(0.3 × 0.7 / 100 + 0.00009603648) = 1.8874581 × 0.04686188 = 0.08845
    // low = 0.21895 > 0.10
    const result = evaluateLowYear({ successes: 30, trials: 100, portalValue: 0.05 }, LOW_YEAR);
    expect(result.flagged).toBe(true);
    expect(result.threshold).toBeCloseTo(0.1, 12);
    expect(result.interval?.low).toBeCloseTo(0.218949, 6);
    expect(result.interval?.high).toBeCloseTo(0.395849, 6);
  });

  test("15 negative of 100 against a portal of 5% is not flagged: 15% is above 10%, but could be bad luck", () => {
    // centre = (0.15 + 0.01920730) / 1.03841459 = 0.16294654
    // half-width = 1.8874581 × √(0.15 × 0.85 / 100 + 0.00009603648) = 1.8874581 × 0.03702750 = 0.06988
    // low = 0.09306 < 0.10
    const result = evaluateLowYear({ successes: 15, trials: 100, portalValue: 0.05 }, LOW_YEAR);
    expect(result.flagged).toBe(false);
    expect(result.interval?.low).toBeCloseTo(0.09306, 6);
  });

  test("a small portal value uses the margin: portal 1% makes the bar 4%, not 2%", () => {
    // 4 of 10: low = 0.16818 > max(0.02, 0.04) = 0.04.
    const result = evaluateLowYear({ successes: 4, trials: 10, portalValue: 0.01 }, LOW_YEAR);
    expect(result.threshold).toBeCloseTo(0.04, 12);
    expect(result.interval?.low).toBeCloseTo(0.16818, 6);
    expect(result.flagged).toBe(true);
  });

  test("more complaints than orders are capped at the orders: 120 of 100 is read as 100 of 100", () => {
    // low = 1 − (z²/n)/(1 + z²/n) = 1 − 0.03841459 / 1.03841459 = 0.963007
    const result = evaluateLowYear({ successes: 120, trials: 100, portalValue: 0.05 }, LOW_YEAR);
    expect(result.interval).toEqual({ low: expect.closeTo(0.963007, 6), high: 1 });
    expect(result.flagged).toBe(true);
  });

  test("without a portal value (no eligible seller) nothing is flagged, but the interval is still shown", () => {
    const result = evaluateLowYear({ successes: 30, trials: 100, portalValue: null }, LOW_YEAR);
    expect(result).toEqual({ flagged: false, interval: expect.any(Object), threshold: null });
  });

  test("without trials there is no interval and no flag", () => {
    expect(evaluateLowYear({ successes: 0, trials: 0, portalValue: 0.05 }, LOW_YEAR)).toEqual({
      flagged: false,
      interval: null,
      threshold: expect.closeTo(0.1, 12),
    });
  });
});

describe("WORSENED: recently worse than the seller's own baseline and than the portal", () => {
  test("20 negative of 50 recently against 10 of 100 before, portal 10%: z = 4.33, flagged", () => {
    // pooled p = 30/150 = 0.2; se = √(0.2 × 0.8 × (1/50 + 1/100)) = √0.0048 = 0.069282
    // z = (0.4 − 0.1) / 0.069282 = 4.3301 ≥ 2.33, and 0.4 > 0.1.
    const result = evaluateWorsened(
      { recent: { successes: 20, trials: 50 }, baseline: { successes: 10, trials: 100 }, recentPortalValue: 0.1 },
      WORSENED,
    );
    expect(result).toEqual({ flagged: true, z: expect.closeTo(4.330127, 6), recentRate: 0.4, baselineRate: 0.1 });
  });

  test("4 negative of 4 recent reviews is below the minimum of 5: not flagged despite z = 14.3", () => {
    // pooled p = 4/204 = 0.0196078; se = √(0.0196078 × 0.9803922 × (1/4 + 1/200)) = √0.00490196 = 0.0700140
    // z = (1 − 0) / 0.0700140 = 14.2829
    const result = evaluateWorsened(
      { recent: { successes: 4, trials: 4 }, baseline: { successes: 0, trials: 200 }, recentPortalValue: 0.1 },
      WORSENED,
    );
    expect(result.z).toBeCloseTo(14.282857, 5);
    expect(result.flagged).toBe(false);
  });

  test("a rise that could be chance is not flagged: 3 of 10 against 20 of 100 gives z = 0.74", () => {
    // pooled p = 23/110 = 0.2090909; se = √(0.2090909 × 0.7909091 × 0.11) = 0.1348737; z = 0.1 / 0.1348737 = 0.7414
    const result = evaluateWorsened(
      { recent: { successes: 3, trials: 10 }, baseline: { successes: 20, trials: 100 }, recentPortalValue: 0.1 },
      WORSENED,
    );
    expect(result.z).toBeCloseTo(0.741435, 6);
    expect(result.flagged).toBe(false);
  });

  test("worse than before but not above the portal's recent value is not flagged", () => {
    const result = evaluateWorsened(
      { recent: { successes: 20, trials: 50 }, baseline: { successes: 10, trials: 100 }, recentPortalValue: 0.45 },
      WORSENED,
    );
    expect(result.flagged).toBe(false);
    expect(
      evaluateWorsened(
        { recent: { successes: 20, trials: 50 }, baseline: { successes: 10, trials: 100 }, recentPortalValue: null },
        WORSENED,
      ).flagged,
    ).toBe(false);
  });

  test("a seller without baseline reviews has nothing to have worsened from", () => {
    expect(
      evaluateWorsened(
        { recent: { successes: 5, trials: 5 }, baseline: { successes: 0, trials: 0 }, recentPortalValue: 0.1 },
        WORSENED,
      ),
    ).toEqual({ flagged: false, z: null, recentRate: 1, baselineRate: null });
  });
});
