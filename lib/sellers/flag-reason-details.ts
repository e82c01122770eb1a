import { z } from "zod";
import { WINDOWS, type FlagCode, type QualityWindow } from "@/db/enums";

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

/**
 * A flag reason as stored (flag_reasons, the evidence frozen on a case, a seller's notification):
 * the rates are fractions, `threshold` is a rate for LOW_YEAR and the z statistic's for WORSENED.
 * Older rows may lack the details, and a notification the interval.
 */
export type StoredFlagReason = {
  code: FlagCode;
  metric: string;
  window: string;
  value: number;
  intervalLow?: number | null;
  intervalHigh?: number | null;
  portalValue: number;
  threshold?: number | null;
  details?: unknown;
};

/** The messages the formatter reads, from the root of the catalog. */
type FlagReasonMessageKey =
  | `flagReasons.${"WORSENED" | "WORSENED_brief" | "LOW_YEAR" | "LOW_YEAR_brief" | "counts" | "fdr"}`
  | `quality.metrics.${"negativeReviewRate" | "complaintRate"}`
  | `quality.windowRanges.${QualityWindow}`;

/** next-intl's translator (useTranslations(), getTranslations(), createTranslator()) at the catalog's root. */
export type FlagReasonTranslator = (key: FlagReasonMessageKey, values?: Record<string, string | number>) => string;
export type FlagReasonFormatter = { number(value: number, options?: Intl.NumberFormatOptions): string };

/** Who reads it: a moderator reads "the seller's own baseline", the seller "your own baseline". */
export type FlagReasonAudience = "moderator" | "seller";

const RATE_METRICS = ["negativeReviewRate", "complaintRate"] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * One flag reason in a sentence with its numbers, the one wording for every place a reason is
 * read (flag queue, flag page, case evidence, seller view, the seller's notification). WORSENED:
 * the recent rate and its interval against the seller's own baseline, z against the policy's
 * threshold, and the portal's recent rate. LOW_YEAR: the rate, and the low end of its interval
 * against the threshold. Rates as percentages, z as a plain number.
 */
/** A reason flagged under FDR control (lib/quality/compute-flags.ts) also stores its test's p-value and the week's threshold. */
const FDR_DETAILS = z.object({ pValue: z.number(), bhThreshold: z.number(), fdrQ: z.number() });

export function describeFlagReason(
  reason: StoredFlagReason,
  options: { t: FlagReasonTranslator; format: FlagReasonFormatter; audience: FlagReasonAudience },
): string {
  const sentence = describeRule(reason, options);
  const fdr = FDR_DETAILS.safeParse(reason.details);
  if (!fdr.success) return sentence;
  const small = (value: number) => options.format.number(value, { maximumSignificantDigits: 2 });
  return `${sentence} ${options.t("flagReasons.fdr", {
    pValue: small(fdr.data.pValue),
    threshold: small(fdr.data.bhThreshold),
    q: options.format.number(fdr.data.fdrQ, { maximumFractionDigits: 3 }),
  })}`;
}

function describeRule(
  reason: StoredFlagReason,
  options: { t: FlagReasonTranslator; format: FlagReasonFormatter; audience: FlagReasonAudience },
): string {
  const { t, format, audience } = options;
  const rate = (value: number | null | undefined) =>
    value == null ? "—" : format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const metric = isOneOf(RATE_METRICS, reason.metric) ? t(`quality.metrics.${reason.metric}`) : reason.metric;
  const windowWords = (window: string) => (isOneOf(WINDOWS, window) ? t(`quality.windowRanges.${window}`) : window);
  const counts = (successes: number, trials: number) =>
    t("flagReasons.counts", { successes: format.number(successes), trials: format.number(trials), metric: reason.metric });
  const shared = {
    audience,
    metric,
    window: windowWords(reason.window),
    value: rate(reason.value),
    low: rate(reason.intervalLow),
    high: rate(reason.intervalHigh),
    portal: rate(reason.portalValue),
  };
  const explanation = readFlagReasonExplanation(reason.code, reason.details);

  if (explanation.code === "WORSENED") {
    const threshold = reason.threshold == null ? "—" : format.number(reason.threshold, { maximumFractionDigits: 2 });
    if (!explanation.details) return t("flagReasons.WORSENED_brief", { ...shared, threshold });
    const { recent, baseline } = explanation.details;
    return t("flagReasons.WORSENED", {
      ...shared,
      threshold,
      recentCounts: counts(recent.successes, recent.trials),
      baseline: rate(baseline.rate),
      baselineCounts: counts(baseline.successes, baseline.trials),
      baselineWindow: windowWords("baseline"),
      z: format.number(explanation.details.z, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    });
  }
  const threshold = rate(reason.threshold);
  if (!explanation.details) return t("flagReasons.LOW_YEAR_brief", { ...shared, threshold });
  const { successes, trials, confidence } = explanation.details;
  return t("flagReasons.LOW_YEAR", {
    ...shared,
    threshold,
    counts: counts(successes, trials),
    confidence: format.number(confidence, { style: "percent", maximumFractionDigits: 1 }),
  });
}
