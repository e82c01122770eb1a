import { describe, expect, test } from "vitest";
import { retryDelayMs } from "@/lib/delivery/retry-delay";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const delay = (attempts: number, random = 0.5) => retryDelayMs({ attempts, baseMs: 30 * SECOND, capMs: 6 * HOUR, random });

describe("the back-off between delivery attempts", () => {
  test("doubles from 30 s after each failure (without jitter: random 0.5)", () => {
    expect([1, 2, 3, 4, 5].map((attempts) => delay(attempts))).toEqual([30, 60, 120, 240, 480].map((s) => s * SECOND));
  });

  test("is capped at 6 hours, also after very many failures", () => {
    expect(delay(10)).toBe(15_360 * SECOND); // 30 s × 2^9, 4.3 hours
    expect(delay(11)).toBe(6 * HOUR); // 30 s × 2^10 would be 8.5 hours
  });

  test("jitter spreads it by at most ±20% and never past the cap", () => {
    expect(delay(1, 0)).toBe(24 * SECOND);
    expect(delay(1, 0.999_999)).toBe(36 * SECOND);
    expect(delay(50, 0.999_999)).toBe(6 * HOUR);
    expect(delay(2000, 0)).toBe(Math.round(6 * HOUR * 0.8));
  });
});
