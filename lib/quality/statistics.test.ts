import { describe, expect, test } from "vitest";
import {
  lowYearThreshold,
  median,
  normalQuantile,
  twoProportionZ,
  wilsonInterval,
  zForConfidence,
} from "@/lib/quality/statistics";

// Digits: 1e-9 → toBeCloseTo(x, 9) checks |difference| < 5e-10.
describe("the normal quantile", () => {
  test("the textbook values: 0.975 → 1.959964, 0.995 → 2.575829, 0.95 → 1.644854, 0.5 → 0", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 9);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035, 9);
    expect(normalQuantile(0.95)).toBeCloseTo(1.644853627, 9);
    expect(normalQuantile(0.5)).toBe(0);
  });

  test("is symmetric around one half, in the far tails too", () => {
    // Probabilities whose complement 1 − p is exact in floating point (binary fractions).
    for (const p of [2 ** -40, 1 / 1024, 1 / 64, 1 / 8, 1 / 4, 3 / 8, 31 / 64]) {
      expect(normalQuantile(1 - p)).toBe(-normalQuantile(p));
    }
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323062, 9);
  });

  test("is infinite at 0 and 1 and refuses anything outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(() => normalQuantile(-0.1)).toThrow(RangeError);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });

  test("a two-sided 95% confidence is z = 1.959964 and 99% is z = 2.575829", () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959963985, 9);
    expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035, 9);
    expect(() => zForConfidence(1)).toThrow(RangeError);
  });
});

describe("the Wilson score interval", () => {
  const z = 1.959964;

  test("10 negative out of 100 at 95%: 5.52% … 17.44%", () => {
    // z² = 3.841459; z²/n = 0.03841459; denominator 1 + z²/n = 1.03841459
    // centre = (0.1 + z²/200) / 1.03841459 = 0.11920730 / 1.03841459 = 0.11479740
    // half-width = (z / 1.03841459) × √(0.1 × 0.9 / 100 + z²/40000) = 1.8874581 × √0.00099603648 = 0.05956826
    const interval = wilsonInterval(10, 100, z);
    expect(interval?.low).toBeCloseTo(0.05522914, 6);
    expect(interval?.high).toBeCloseTo(0.17436566, 6);
  });

  test("0 out of 10 is not a certain zero: 0 … 27.75%", () => {
    // At 0 successes the centre equals the half-width, (z²/20) / (1 + z²/10), so low = 0 and
    // high = (z²/10) / (1 + z²/10) = 0.3841459 / 1.3841459 = 0.2775328.
    expect(wilsonInterval(0, 10, z)).toEqual({ low: 0, high: expect.closeTo(0.2775328, 6) });
  });

  test("10 out of 10 mirrors it: 72.25% … 100%", () => {
    expect(wilsonInterval(10, 10, z)).toEqual({ low: expect.closeTo(1 - 0.2775328, 6), high: expect.closeTo(1, 12) });
  });

  test("stays inside [0, 1] where rounding would step outside", () => {
    // 100/100: centre + half-width is 1.0000000000000002 in floating point.
    const interval = wilsonInterval(100, 100, z);
    expect(interval?.high).toBe(1);
    expect(interval?.low).toBeCloseTo(0.9630065, 6);
  });

  test("no trials, no interval", () => {
    expect(wilsonInterval(0, 0, z)).toBeNull();
  });

  test("negative counts and more successes than trials are mistakes", () => {
    expect(() => wilsonInterval(-1, 10, z)).toThrow(RangeError);
    expect(() => wilsonInterval(1, -10, z)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10, z)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, -1)).toThrow(RangeError);
  });
});

describe("the one-sided two-proportion z-test", () => {
  test("20 negative of 50 recently against 10 of 100 before: z = 4.3301", () => {
    // pooled p = 30/150 = 0.2; se = √(0.2 × 0.8 × (1/50 + 1/100)) = √0.0048 = 0.0692820
    // z = (0.4 − 0.1) / 0.0692820 = 4.330127
    expect(twoProportionZ({ successes: 20, trials: 50 }, { successes: 10, trials: 100 })).toBeCloseTo(4.330127, 6);
  });

  test("an improvement gives a negative z", () => {
    expect(twoProportionZ({ successes: 10, trials: 100 }, { successes: 20, trials: 50 })).toBeCloseTo(-4.330127, 6);
  });

  test("nothing to test without trials on either side, or without any variance", () => {
    expect(twoProportionZ({ successes: 0, trials: 0 }, { successes: 10, trials: 100 })).toBeNull();
    expect(twoProportionZ({ successes: 3, trials: 10 }, { successes: 0, trials: 0 })).toBeNull();
    // pooled 0/60 and 60/60: every review alike, the standard error is 0
    expect(twoProportionZ({ successes: 0, trials: 10 }, { successes: 0, trials: 50 })).toBeNull();
    expect(twoProportionZ({ successes: 10, trials: 10 }, { successes: 50, trials: 50 })).toBeNull();
  });
});

describe("the median", () => {
  test("an odd count: the middle value, whatever the input order", () => {
    expect(median([0.3, 0.1, 0.2])).toBe(0.2);
  });

  test("an even count: halfway between the two middle values, as percentile_cont(0.5)", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([0.1, 0.2])).toBeCloseTo(0.15, 15);
  });

  test("sorts numerically, not as text", () => {
    expect(median([10, 9, 100])).toBe(10);
  });

  test("no values, no median", () => {
    expect(median([])).toBeNull();
  });
});

describe("the LOW_YEAR threshold", () => {
  test("twice the portal value when that is the larger: portal 5% → 10%", () => {
    expect(lowYearThreshold(0.05, 2, 0.03)).toBeCloseTo(0.1, 15);
  });

  test("portal value plus the margin when the portal is small: portal 1% → 4%", () => {
    expect(lowYearThreshold(0.01, 2, 0.03)).toBeCloseTo(0.04, 15);
  });
});
