import { z } from "zod";
import { fieldMessage } from "@/lib/field-messages";

/**
 * The scoring policy: every number the evaluation, the flags, the fake-review signals and the
 * exclusion rules use. Policies are versioned (table `scoring_policies`); an evaluation records the
 * version it used. DEFAULT_POLICY is SPEC.md's default and is stored as version 1.
 *
 * No database here: the policy's shape is shared by lib/, the admin form and the unit tests.
 */

// Messages are catalog keys (actionErrors.fields), worded in the reader's language with the bound
// they name: the admin's form and the server's check say the same thing.
const wholeNumber = (min: number, max?: number) => {
  const schema = z.number().int(fieldMessage("policyWholeNumber")).min(min, fieldMessage("policyAtLeast"));
  return max === undefined ? schema : schema.max(max, fieldMessage("policyAtMost"));
};
const days = (max = 3650) =>
  z
    .number()
    .int(fieldMessage("policyWholeDays"))
    .min(1, fieldMessage("policyDaysAtLeast"))
    .max(max, fieldMessage("policyDaysAtMost"));
const fraction = () => z.number().min(0, fieldMessage("policyFraction")).max(1, fieldMessage("policyFraction"));
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage("policyHolidayDate"));

export const policyParamsSchema = z
  .object({
    windows: z.object({
      /** Y: the last N days before asOf. */
      yearDays: days(),
      /** Q: "the last 1–3 months". */
      recentDays: days(),
      /** M: the seller's live panel. */
      monthDays: days(),
      /** Threads started in the last N days count for response times… */
      messagesDays: days(),
      /** …except the last N days, which the seller may not have had time to answer yet. */
      messagesGraceDays: wholeNumber(0, 60),
    }),
    reviews: z.object({
      /** A buyer's review counts only if no counted review of theirs to that seller lies this many days before it. */
      uniqueRatingDays: wholeNumber(0, 365),
      /** A review is negative at rating ≤ this, positive at ≥ positiveMinRating. */
      negativeMaxRating: wholeNumber(1, 4),
      positiveMinRating: wholeNumber(2, 5),
    }),
    eligibility: z.object({
      minOrders: wholeNumber(0, 1_000_000),
      minUniqueReviews: wholeNumber(0, 1_000_000),
    }),
    lowYear: z.object({
      /** Two-sided confidence of the Wilson interval whose lower end is compared (0.95 → z = 1.96). */
      confidence: z.number().gt(0.5, fieldMessage("policyAbove")).lt(1, fieldMessage("policyBelow")),
      /** The threshold is max(multiplier × portal value, portal value + margin). */
      multiplier: z.number().min(1, fieldMessage("policyAtLeast")).max(100, fieldMessage("policyAtMost")),
      margin: fraction(),
    }),
    worsened: z.object({
      minRecentReviews: wholeNumber(1, 1_000_000),
      /** One-sided two-proportion z-test: recent rate above baseline at z ≥ this. */
      minZ: z.number().gt(0, fieldMessage("policyAbove")).max(10, fieldMessage("policyAtMost")),
    }),
    response: z.object({
      onTimeBusinessHours: z.number().gt(0, fieldMessage("policyAbove")).max(1000, fieldMessage("policyAtMost")),
      /** Whole days off, in the portal's time zone, on top of Saturdays and Sundays. */
      holidays: z.array(isoDate).max(1000, fieldMessage("policyTooManyHolidays")),
    }),
    fakeReviews: z.object({
      /** A day with at least burstMinReviews 5-star reviews and burstMultiplier × the usual daily rate. */
      burstMinReviews: wholeNumber(2, 1_000_000),
      burstMultiplier: z.number().min(1, fieldMessage("policyAtLeast")).max(1000, fieldMessage("policyAtMost")),
      /** The usual daily rate is measured over this many days before the burst day. */
      burstBaselineDays: days(),
      /** Several reviews from one buyer to one seller within repeatBuyerDays. */
      repeatBuyerMinReviews: wholeNumber(2, 1_000_000),
      repeatBuyerDays: days(),
    }),
    exclusion: z.object({
      // SPEC: "Minimum exclusion: 14 days" — a policy may ask for longer, never shorter.
      minDays: days().min(14, fieldMessage("policyExclusionFloor")),
      /** Minimum exclusion when the seller has been excluded before. */
      repeatMinDays: days().min(14, fieldMessage("policyRepeatExclusionFloor")),
      letterAnswerDays: days(),
    }),
    /**
     * False discoveries across a week's tests: with `q` set, a seller is flagged only when the
     * rule's p-value survives Benjamini–Hochberg at q over the p-values of both rules for every
     * eligible seller; null leaves SPEC's rules as they are. Versions stored before it existed read as null.
     */
    fdr: z
      .object({ q: z.number().gt(0, fieldMessage("policyAbove")).max(0.5, fieldMessage("policyAtMost")).nullable() })
      .default({ q: null }),
    /** How long after a decision the seller may contest it (SPEC: default 6 months). */
    appeals: z.object({ periodMonths: wholeNumber(1, 24) }).default({ periodMonths: 6 }),
  })
  .refine((p) => p.reviews.negativeMaxRating < p.reviews.positiveMinRating, {
    message: fieldMessage("policyRatingsOverlap"),
    path: ["reviews", "positiveMinRating"],
  })
  .refine((p) => p.windows.recentDays < p.windows.yearDays, {
    message: fieldMessage("policyRecentWindow"),
    path: ["windows", "recentDays"],
  })
  .refine((p) => p.windows.messagesGraceDays < p.windows.messagesDays, {
    message: fieldMessage("policyGraceDays"),
    path: ["windows", "messagesGraceDays"],
  })
  .refine((p) => p.exclusion.repeatMinDays >= p.exclusion.minDays, {
    message: fieldMessage("policyRepeatShorter"),
    path: ["exclusion", "repeatMinDays"],
  });

export type PolicyParams = z.infer<typeof policyParamsSchema>;

export type Policy = { version: number; params: PolicyParams };

/** SPEC.md's default policy, stored as version 1. */
export const DEFAULT_POLICY: PolicyParams = {
  windows: { yearDays: 365, recentDays: 90, monthDays: 30, messagesDays: 182, messagesGraceDays: 7 },
  reviews: { uniqueRatingDays: 7, negativeMaxRating: 2, positiveMinRating: 4 },
  eligibility: { minOrders: 30, minUniqueReviews: 10 },
  lowYear: { confidence: 0.95, multiplier: 2, margin: 0.03 },
  worsened: { minRecentReviews: 5, minZ: 2.33 },
  response: { onTimeBusinessHours: 24, holidays: [] },
  fakeReviews: {
    burstMinReviews: 5,
    burstMultiplier: 5,
    burstBaselineDays: 90,
    repeatBuyerMinReviews: 3,
    repeatBuyerDays: 30,
  },
  exclusion: { minDays: 14, repeatMinDays: 14, letterAnswerDays: 14 },
  fdr: { q: null },
  appeals: { periodMonths: 6 },
};
