/**
 * One zod schema per appeal step, shared by the forms (useActionForm) and the lib/ functions, which
 * validate again. Each message is a catalog key (lib/field-messages.ts). Client-safe.
 */
import { z } from "zod";
import { fieldMessage } from "@/lib/field-messages";

/** A seller's reason must say what is wrong with the decision, not just that they disagree. */
export const APPEAL_REASON_MIN_LENGTH = 50;
/** The moderator's reason is read by the seller: the outcome is explained, not just stated. */
export const APPEAL_DECISION_REASON_MIN_LENGTH = 20;
const TEXT_MAX_LENGTH = 4000;
const EVIDENCE_MAX_LENGTH = 8000;

export const APPEAL_OUTCOMES = ["upheld", "overturned"] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** Ids travel in hidden fields: a bad one means the page is out of date. */
const id = () =>
  z.coerce
    .number({ error: fieldMessage("reloadPage") })
    .int(fieldMessage("reloadPage"))
    .positive(fieldMessage("reloadPage"));

/** `decisionId` is the contested extension (a case_decisions row); null contests the exclusion itself. */
export const submitAppealInput = z.object({
  caseId: id(),
  decisionId: id().nullable(),
  reason: z
    .string({ error: fieldMessage("required") })
    .trim()
    .min(APPEAL_REASON_MIN_LENGTH, fieldMessage("appealReasonTooShort"))
    .max(TEXT_MAX_LENGTH, fieldMessage("tooLong")),
  evidence: z.string().trim().max(EVIDENCE_MAX_LENGTH, fieldMessage("tooLong")).nullish(),
});
export type SubmitAppealInput = z.input<typeof submitAppealInput>;

export const decideAppealInput = z.object({
  appealId: id(),
  outcome: z.enum(APPEAL_OUTCOMES, { error: fieldMessage("appealOutcomeRequired") }),
  reason: z
    .string({ error: fieldMessage("required") })
    .trim()
    .min(APPEAL_DECISION_REASON_MIN_LENGTH, fieldMessage("messageToSellerTooShort"))
    .max(TEXT_MAX_LENGTH, fieldMessage("tooLong")),
});
export type DecideAppealInput = z.input<typeof decideAppealInput>;
