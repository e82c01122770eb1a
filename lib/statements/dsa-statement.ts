import "server-only";
import { createFormatter, createTranslator } from "use-intl/core";
import { z } from "zod";
import { MESSAGES } from "@/lib/i18n/messages";
import { describeFlagReason, type FlagReasonTranslator } from "@/lib/sellers/flag-reason-details";
import type { StatementOfReasons } from "./statement-of-reasons";

/**
 * A statement of reasons in the shape of the DSA Transparency Database's statement submission
 * (Art. 24(5); https://transparency.dsa.ec.europa.eu/page/api-documentation): the field names and
 * the enumerated values of its API, dates written YYYY-MM-DD, text within its lengths. Our
 * restriction hides all of a seller's products from the catalog until a moderator reinstates
 * them: access to their content disabled, and a partial suspension of the service.
 */

/** The EEA's member states: the catalog is restricted wherever it is offered. */
export const DSA_TERRITORIAL_SCOPE = [
  "AT",
  "BE",
  "BG",
  "CY",
  "CZ",
  "DE",
  "DK",
  "EE",
  "ES",
  "FI",
  "FR",
  "GR",
  "HR",
  "HU",
  "IE",
  "IS",
  "IT",
  "LI",
  "LT",
  "LU",
  "LV",
  "MT",
  "NL",
  "NO",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
] as const;

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date written YYYY-MM-DD");

export const dsaStatementSchema = z
  .object({
    decision_visibility: z
      .array(
        z.enum([
          "DECISION_VISIBILITY_CONTENT_REMOVED",
          "DECISION_VISIBILITY_CONTENT_DISABLED",
          "DECISION_VISIBILITY_CONTENT_DEMOTED",
          "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED",
          "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
          "DECISION_VISIBILITY_CONTENT_LABELLED",
          "DECISION_VISIBILITY_OTHER",
        ]),
      )
      .min(1),
    end_date_visibility_restriction: ymd.nullable(),
    decision_provision: z.enum([
      "DECISION_PROVISION_PARTIAL_SUSPENSION",
      "DECISION_PROVISION_TOTAL_SUSPENSION",
      "DECISION_PROVISION_PARTIAL_TERMINATION",
      "DECISION_PROVISION_TOTAL_TERMINATION",
    ]),
    end_date_service_restriction: ymd.nullable(),
    decision_ground: z.enum(["DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT"]),
    incompatible_content_ground: z.string().min(1).max(500),
    incompatible_content_explanation: z.string().min(1).max(2000),
    incompatible_content_illegal: z.enum(["Yes", "No"]),
    content_type: z
      .array(
        z.enum([
          "CONTENT_TYPE_APP",
          "CONTENT_TYPE_AUDIO",
          "CONTENT_TYPE_IMAGE",
          "CONTENT_TYPE_PRODUCT",
          "CONTENT_TYPE_SYNTHETIC_MEDIA",
          "CONTENT_TYPE_TEXT",
          "CONTENT_TYPE_VIDEO",
          "CONTENT_TYPE_OTHER",
        ]),
      )
      .min(1),
    category: z.enum([
      "STATEMENT_CATEGORY_ANIMAL_WELFARE",
      "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
      "STATEMENT_CATEGORY_CYBER_VIOLENCE",
      "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
      "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
      "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
      "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
      "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
      "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
      "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
      "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
      "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
      "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
      "STATEMENT_CATEGORY_SELF_HARM",
      "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
      "STATEMENT_CATEGORY_VIOLENCE",
    ]),
    territorial_scope: z.array(z.enum(DSA_TERRITORIAL_SCOPE)).min(1),
    account_type: z.enum(["ACCOUNT_TYPE_BUSINESS", "ACCOUNT_TYPE_PRIVATE"]),
    decision_facts: z.string().min(1).max(5000),
    source_type: z.enum(["SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER", "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY"]),
    automated_detection: z.enum(["Yes", "No"]),
    automated_decision: z.enum(["AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY", "AUTOMATED_DECISION_NOT_AUTOMATED"]),
    application_date: ymd,
    puid: z
      .string()
      .min(1)
      .max(500)
      .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only"),
  })
  .strict()
  .refine((s) => !s.end_date_service_restriction || s.end_date_service_restriction >= s.application_date, {
    message: "the restriction cannot end before it applies",
    path: ["end_date_service_restriction"],
  });

export type DsaStatement = z.infer<typeof dsaStatementSchema>;

/** YYYY-MM-DD of `at` in `timeZone`. */
const dayIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);

const INCOMPATIBLE_CONTENT_GROUND =
  "Marketplace seller standards: quality of service to buyers (negative reviews and complaints against the portal's rates), as published in the seller terms";

/** The facts in English, with their numbers: the Transparency Database is read in English. */
function decisionFacts(statement: StatementOfReasons, timeZone: string): string {
  const t = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as FlagReasonTranslator;
  const format = createFormatter({ locale: "en", timeZone });
  const reasons = statement.facts.reasons.map((reason) => describeFlagReason(reason, { t, format, audience: "moderator" }));
  const detection = statement.facts.asOf
    ? `Detected by the weekly quality evaluation as of ${dayIn(statement.facts.asOf, timeZone)}` +
      (statement.facts.snapshotAt ? ` (data as committed at ${statement.facts.snapshotAt.toISOString()})` : "") +
      `, under scoring policy version ${statement.policy.version ?? "unknown"}.`
    : "Opened by a moderator without an evaluation's flag.";
  const decision = {
    exclusion: `A moderator excluded the seller's products from the catalog on ${dayIn(statement.decidedAt, timeZone)} after reviewing the evidence.`,
    extend: `A moderator extended the exclusion on ${dayIn(statement.decidedAt, timeZone)}; next re-check ${
      statement.restriction.earliestEndAt ? dayIn(statement.restriction.earliestEndAt, timeZone) : "not set"
    }. Reasons: ${statement.extendReasons.join(", ") || "none given"}.`,
    reinstate: `A moderator reinstated the seller's products on ${dayIn(statement.decidedAt, timeZone)}: the restriction ended.`,
  }[statement.kind];
  return [detection, ...reasons, decision].join(" ").slice(0, 5000);
}

/** A statement of reasons as the Transparency Database's submission; dates in the portal's time zone. */
export function toDsaStatement(statement: StatementOfReasons, timeZone: string): DsaStatement {
  const end = statement.restriction.endAt ? dayIn(statement.restriction.endAt, timeZone) : null;
  return {
    decision_visibility: ["DECISION_VISIBILITY_CONTENT_DISABLED"],
    end_date_visibility_restriction: end,
    decision_provision: "DECISION_PROVISION_PARTIAL_SUSPENSION",
    end_date_service_restriction: end,
    decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
    incompatible_content_ground: INCOMPATIBLE_CONTENT_GROUND,
    incompatible_content_explanation: (
      "The seller's rates of negative reviews or complaints were significantly worse than the portal's, or than the seller's own baseline, " +
      "by the rules and thresholds of the scoring policy in force; all of the seller's products are hidden from the catalog until a moderator " +
      "finds the causes resolved at the re-check."
    ).slice(0, 2000),
    incompatible_content_illegal: "No",
    content_type: ["CONTENT_TYPE_PRODUCT"],
    category: "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    territorial_scope: [...DSA_TERRITORIAL_SCOPE],
    account_type: "ACCOUNT_TYPE_BUSINESS",
    decision_facts: decisionFacts(statement, timeZone),
    source_type: "SOURCE_VOLUNTARY",
    automated_detection: statement.facts.evaluationId == null ? "No" : "Yes",
    automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED",
    application_date: dayIn(statement.restriction.startAt, timeZone),
    puid: statement.puid,
  };
}
