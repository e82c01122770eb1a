import { z } from "zod";

/**
 * The scoring policy: every number the evaluation, the flags, the fake-review signals and the
 * exclusion rules use. Policies are versioned (table `scoring_policies`); an evaluation records the
 * version it used. DEFAULT_POLICY is SPEC.md's default and is stored as version 1.
 *
 * No database here: the policy's shape is shared by lib/, the admin form and the unit tests.
 */

const days = (what: string, max = 3650) =>
  z.number().int(`${what} must be a whole number of days`).min(1, `${what} must be at least 1 day`).max(max);
const fraction = (what: string) => z.number().min(0, `${what} must be between 0 and 1`).max(1, `${what} must be between 0 and 1`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "holidays are dates written YYYY-MM-DD");

export const policyParamsSchema = z
  .object({
    windows: z.object({
      /** Y: the last N days before asOf. */
      yearDays: days("The year window"),
      /** Q: "the last 1–3 months". */
      recentDays: days("The recent window"),
      /** M: the seller's live panel. */
      monthDays: days("The month window"),
      /** Threads started in the last N days count for response times… */
      messagesDays: days("The messages window"),
      /** …except the last N days, which the seller may not have had time to answer yet. */
      messagesGraceDays: z.number().int().min(0).max(60),
    }),
    reviews: z.object({
      /** A buyer's review counts only if no counted review of theirs to that seller lies this many days before it. */
      uniqueRatingDays: z.number().int().min(0).max(365),
      /** A review is negative at rating ≤ this, positive at ≥ positiveMinRating. */
      negativeMaxRating: z.number().int().min(1).max(4),
      positiveMinRating: z.number().int().min(2).max(5),
    }),
    eligibility: z.object({
      minOrders: z.number().int().min(0),
      minUniqueReviews: z.number().int().min(0),
    }),
    lowYear: z.object({
      /** Two-sided confidence of the Wilson interval whose lower end is compared (0.95 → z = 1.96). */
      confidence: z.number().gt(0.5).lt(1),
      /** The threshold is max(multiplier × portal value, portal value + margin). */
      multiplier: z.number().min(1),
      margin: fraction("The margin"),
    }),
    worsened: z.object({
      minRecentReviews: z.number().int().min(1),
      /** One-sided two-proportion z-test: recent rate above baseline at z ≥ this. */
      minZ: z.number().positive(),
    }),
    response: z.object({
      onTimeBusinessHours: z.number().positive(),
      /** Whole days off, in the portal's time zone, on top of Saturdays and Sundays. */
      holidays: z.array(isoDate).max(1000),
    }),
    fakeReviews: z.object({
      /** A day with at least burstMinReviews 5-star reviews and burstMultiplier × the usual daily rate. */
      burstMinReviews: z.number().int().min(2),
      burstMultiplier: z.number().min(1),
      /** The usual daily rate is measured over this many days before the burst day. */
      burstBaselineDays: days("The burst baseline"),
      /** Several reviews from one buyer to one seller within repeatBuyerDays. */
      repeatBuyerMinReviews: z.number().int().min(2),
      repeatBuyerDays: days("The repeat-buyer window"),
    }),
    exclusion: z.object({
      // SPEC: "Minimum exclusion: 14 days" — a policy may ask for longer, never shorter.
      minDays: days("The minimum exclusion").min(14, "The minimum exclusion cannot be shorter than 14 days"),
      /** Minimum exclusion when the seller has been excluded before. */
      repeatMinDays: days("The minimum repeat exclusion").min(14, "The minimum repeat exclusion cannot be shorter than 14 days"),
      letterAnswerDays: days("The letter answer deadline"),
    }),
    /**
     * False discoveries across a week's tests: with `q` set, a seller is flagged only when the
     * rule's p-value survives Benjamini–Hochberg at q over the p-values of both rules for every
     * eligible seller; null leaves SPEC's rules as they are. Versions stored before it existed read as null.
     */
    fdr: z.object({ q: z.number().gt(0, "q must be above 0").max(0.5, "q must be at most 0.5").nullable() }).default({ q: null }),
    /** How long after a decision the seller may contest it (SPEC: default 6 months). */
    appeals: z.object({ periodMonths: z.number().int("whole months").min(1).max(24) }).default({ periodMonths: 6 }),
  })
  .refine((p) => p.reviews.negativeMaxRating < p.reviews.positiveMinRating, {
    message: "a rating cannot be both negative and positive",
    path: ["reviews", "positiveMinRating"],
  })
  .refine((p) => p.windows.recentDays < p.windows.yearDays, {
    message: "the recent window must be shorter than the year window",
    path: ["windows", "recentDays"],
  })
  .refine((p) => p.windows.messagesGraceDays < p.windows.messagesDays, {
    message: "the grace days must be fewer than the messages window",
    path: ["windows", "messagesGraceDays"],
  })
  .refine((p) => p.exclusion.repeatMinDays >= p.exclusion.minDays, {
    message: "a repeat exclusion cannot be shorter than a first one",
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
