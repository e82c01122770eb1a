import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  describeFlagReason,
  readFlagReasonExplanation,
  type FlagReasonAudience,
  type StoredFlagReason,
} from "./flag-reason-details";

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

/** Recent 7 of 12 against a baseline of 1 of 20 (z = 3.3731), the portal's recent rate 20%, as decideFlags stores it. */
const WORSENED: StoredFlagReason = {
  code: "WORSENED",
  metric: "negativeReviewRate",
  window: "recent",
  value: 7 / 12,
  intervalLow: 0.3196,
  intervalHigh: 0.8065,
  portalValue: 0.2,
  threshold: 2.33,
  details: { z: 3.3731, recent: { successes: 7, trials: 12, rate: 7 / 12 }, baseline: { successes: 1, trials: 20, rate: 0.05 } },
};
/** 12 of 30 over the year: Wilson low 0.2459 above max(2 × 0.05, 0.05 + 0.03) = 0.1. */
const LOW_YEAR: StoredFlagReason = {
  code: "LOW_YEAR",
  metric: "negativeReviewRate",
  window: "year",
  value: 0.4,
  intervalLow: 0.2459,
  intervalHigh: 0.5768,
  portalValue: 0.05,
  threshold: 0.1,
  details: { successes: 12, trials: 30, confidence: 0.95 },
};

function inWords(reason: StoredFlagReason, locale: Locale = "en", audience: FlagReasonAudience = "moderator") {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const format = createFormatter({ locale, timeZone: "Europe/Kyiv" });
  return describeFlagReason(reason, { t, format, audience });
}

describe("a flag reason in words", () => {
  test("[MODERATOR] WORSENED: the recent rate and its interval, the seller's own baseline, z against 2.33, the portal's rate", () => {
    expect(inWords(WORSENED)).toBe(
      "Negative-review rate over the last 90 days: 58.3% (7 of 12 reviews were negative; 95% interval 32%–80.7%), " +
        "against the seller's own baseline of 5% (1 of 20 reviews were negative, 365 to 91 days ago). " +
        "z = 3.37 against the threshold of 2.33. The portal's rate over the last 90 days: 20%.",
    );
    expect(inWords(WORSENED)).not.toContain("233%");
  });

  test("[SELLER] the same reason speaks of the seller's own baseline as theirs, in Ukrainian too", () => {
    expect(inWords(WORSENED, "en", "seller")).toContain("against your own baseline of 5%");
    expect(inWords(WORSENED, "uk", "seller")).toBe(
      "Частка негативних відгуків за останні 90 днів: 58,3% (7 з 12 відгуків негативні; 95% інтервал 32%–80,7%) " +
        "проти вашого власного базового рівня 5% (1 з 20 відгуків негативні, від 365 до 91 дня тому). " +
        "z = 3,37 при порозі 2,33. Значення порталу за останні 90 днів: 20%.",
    );
  });

  test("[MODERATOR] LOW_YEAR: the low end of the interval against the threshold", () => {
    expect(inWords(LOW_YEAR)).toBe(
      "Negative-review rate over the last 365 days: 40% (12 of 30 reviews were negative). " +
        "Even the low end of its 95% interval, 24.6%, is above the threshold of 10% (portal: 5%).",
    );
    expect(inWords({ ...LOW_YEAR, metric: "complaintRate", details: { successes: 2, trials: 40, confidence: 0.95 } })).toContain(
      "(2 of 40 orders had a complaint)",
    );
  });

  test("[MODERATOR] a reason flagged under FDR control also says its p-value against the week's threshold", () => {
    const details = { ...(WORSENED.details as object), pValue: 0.000372, bhThreshold: 0.00041, fdrQ: 0.05, fdrTests: 300 };
    expect(inWords({ ...WORSENED, details })).toMatch(
      / The portal's rate over the last 90 days: 20%\. P-value 0\.00037, at or below the week's threshold 0\.00041 \(false discovery rate controlled at q = 0\.05\)\.$/,
    );
    expect(inWords(WORSENED)).not.toContain("P-value");
  });

  test("a reason stored without its counts still reads in full sentences", () => {
    expect(inWords({ ...WORSENED, details: null })).toBe(
      "Negative-review rate over the last 90 days: 58.3% (95% interval 32%–80.7%), above the seller's own baseline " +
        "with z at or over the threshold of 2.33. The portal's rate over the last 90 days: 20%.",
    );
    expect(inWords({ ...LOW_YEAR, details: undefined }, "uk")).toBe(
      "Частка негативних відгуків за останні 365 днів: 40%. Навіть нижня межа інтервалу, 24,6%, вища за поріг 10% (портал: 5%).",
    );
  });
});
