import { z } from "zod";
import { FLAG_CODES, WINDOWS } from "@/db/enums";

/**
 * The shapes the quality API answers with (SPEC.md). The lib functions are typed from these, the
 * OpenAPI document is generated from them, and the API tests parse real answers with them, so
 * the three cannot drift apart.
 */

export const QUALITY_METRICS = [
  "orders",
  "uniqueReviews",
  "negativeReviewRate",
  "averageRating",
  "complaintRate",
  "sellerCancellationRate",
  "onTimeResponseRate",
  "medianResponseHours",
  "medianRefundHours",
] as const;
export type QualityMetric = (typeof QUALITY_METRICS)[number];

const metricValueSchema = z
  .object({
    value: z.number().nullable().describe("The seller's value; rates are fractions 0–1; null where there is nothing to measure"),
    portalValue: z.number().nullable().describe("The median over eligible sellers in the same evaluation"),
  })
  .meta({ id: "MetricValue" });

const windowMetricsSchema = z.object(
  Object.fromEntries(QUALITY_METRICS.map((metric) => [metric, metricValueSchema])) as Record<
    QualityMetric,
    typeof metricValueSchema
  >,
);

export const sellerQualitySchema = z
  .object({
    sellerId: z.string(),
    evaluationId: z.number().int().nullable().describe("The latest evaluation; null before the first one"),
    asOf: z.string().nullable(),
    eligible: z.boolean().describe("Enough orders and unique reviews over the year to be judged"),
    flagged: z.boolean(),
    metrics: z.object(
      Object.fromEntries(WINDOWS.map((window) => [window, windowMetricsSchema])) as Record<
        (typeof WINDOWS)[number],
        typeof windowMetricsSchema
      >,
    ),
  })
  .meta({ id: "SellerQuality" });
export type SellerQuality = z.output<typeof sellerQualitySchema>;
export type MetricValue = z.output<typeof metricValueSchema>;

export const flagReasonSummarySchema = z
  .object({
    code: z.enum(FLAG_CODES),
    metric: z.string(),
    window: z.enum(WINDOWS),
    value: z.number(),
    portalValue: z.number(),
  })
  .meta({ id: "FlagReason" });

export const evaluationSummarySchema = z
  .object({
    evaluationId: z.number().int(),
    asOf: z.string(),
    policyVersion: z.number().int(),
    sellersEvaluated: z.number().int(),
    flagged: z.array(z.object({ sellerId: z.string(), reasons: z.array(flagReasonSummarySchema) })),
  })
  .meta({ id: "Evaluation" });
export type EvaluationSummary = z.output<typeof evaluationSummarySchema>;
