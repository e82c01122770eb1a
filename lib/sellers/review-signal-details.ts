import { z } from "zod";
import { FAKE_SIGNAL_KINDS } from "@/db/enums";

/**
 * What each kind of fake-review signal stores as its reason (lib/quality/review-signals-sql.ts),
 * so a page can say it in words:
 * - no_matching_purchase: the buyer had placed no order with this seller before the review; the
 *   order the review names, if any, and who placed it;
 * - five_star_burst: the local day, its 5-star reviews and the seller's usual daily rate of them
 *   over the baseline days before it;
 * - repeat_buyer: how many reviews of this seller the buyer wrote within so many days of this one;
 * - single_activity_buyer: the buyer has no other trace at all (no order, complaint, message or
 *   other review).
 */
export const REVIEW_SIGNAL_DETAILS = {
  no_matching_purchase: z.object({ buyerId: z.string(), orderId: z.string().nullable(), orderBuyerId: z.string().nullable() }),
  five_star_burst: z.object({
    day: z.string(),
    fiveStarReviews: z.coerce.number(),
    usualDailyRate: z.coerce.number(),
    baselineDays: z.coerce.number(),
  }),
  repeat_buyer: z.object({ buyerId: z.string(), reviewsNearby: z.coerce.number(), withinDays: z.coerce.number() }),
  single_activity_buyer: z.object({ buyerId: z.string() }),
} as const satisfies Record<(typeof FAKE_SIGNAL_KINDS)[number], z.ZodType>;

export type ReviewSignalKind = keyof typeof REVIEW_SIGNAL_DETAILS;

/** A signal's kind with its reason, or `details: null` when a stored reason does not have the expected shape. */
export type ReviewSignalReason = {
  [K in ReviewSignalKind]: { kind: K; details: z.output<(typeof REVIEW_SIGNAL_DETAILS)[K]> | null };
}[ReviewSignalKind];

export function readReviewSignalReason(kind: ReviewSignalKind, details: unknown): ReviewSignalReason {
  const parsed = REVIEW_SIGNAL_DETAILS[kind].safeParse(details);
  return { kind, details: parsed.success ? parsed.data : null } as ReviewSignalReason;
}
