import { z } from "zod";
import type { FlagCode } from "@/db/enums";

/**
 * The counts behind a flag reason as decideFlags stores them (lib/quality/decide-flags.ts), so a
 * page can say the reason in words: LOW_YEAR the year's successes of trials at a confidence,
 * WORSENED the z statistic with the recent and baseline proportions.
 */
const proportion = z.object({ successes: z.number(), trials: z.number(), rate: z.number().nullable() });

export const FLAG_REASON_DETAILS = {
  LOW_YEAR: z.object({ successes: z.number(), trials: z.number(), confidence: z.number() }),
  WORSENED: z.object({ z: z.number(), recent: proportion, baseline: proportion }),
} as const satisfies Record<FlagCode, z.ZodType>;

export type FlagReasonExplanation = {
  [C in FlagCode]: { code: C; details: z.output<(typeof FLAG_REASON_DETAILS)[C]> | null };
}[FlagCode];

/** `details: null` when the stored details do not have the expected shape (an older policy's, say). */
export function readFlagReasonExplanation(code: FlagCode, details: unknown): FlagReasonExplanation {
  const parsed = FLAG_REASON_DETAILS[code].safeParse(details);
  return { code, details: parsed.success ? parsed.data : null } as FlagReasonExplanation;
}
