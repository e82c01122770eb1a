/**
 * One zod schema per case action, shared by the moderator's forms (zodResolver) and the lib/
 * functions, which validate again. Client-safe: no server imports.
 */
import { z } from "zod";
import { EXTEND_REASONS, LETTER_VERDICTS } from "@/db/enums";
import { CHECKLIST_ITEMS } from "./checklist";

const id = (what: string) =>
  z.coerce
    .number({ error: `${what} is required` })
    .int(`${what} must be a whole number`)
    .positive(`${what} is required`);
const writtenReason = (what: string, min = 10) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(min, `${what} must be at least ${min} characters: say why, for whoever reads the case later`)
    .max(4000, `${what} must be at most 4,000 characters`);
const expectedVersion = z.coerce.number().int().positive("the case version is missing: reload the page");

export const openCaseFromFlagInput = z.object({ flagId: id("The flag"), note: z.string().trim().max(4000).optional() });

export const openCaseManuallyInput = z.object({
  sellerId: id("The seller"),
  reason: writtenReason("The reason for the exclusion"),
});

export const dismissFlagInput = z.object({ flagId: id("The flag"), reason: writtenReason("The reason for dismissing") });

export const reinstateCaseInput = z.object({
  caseId: id("The case"),
  expectedVersion,
  /** A written reason for each checklist item that fails at the moment of the decision. */
  overrides: z
    .array(z.object({ item: z.enum(CHECKLIST_ITEMS), reason: writtenReason("The override reason") }))
    .max(CHECKLIST_ITEMS.length)
    .default([]),
  note: z.string().trim().max(4000).optional(),
});
export type ReinstateCaseInput = z.input<typeof reinstateCaseInput>;

export const extendCaseInput = z.object({
  caseId: id("The case"),
  expectedVersion,
  reasons: z.array(z.enum(EXTEND_REASONS)).min(1, "Choose at least one reason for not reinstating the seller yet"),
  /** The new re-check day, in the portal's time zone. */
  recheckOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "The new re-check date must be a date (YYYY-MM-DD)"),
  message: writtenReason("The message to the seller", 20),
});
export type ExtendCaseInput = z.input<typeof extendCaseInput>;

export const answerLetterInput = z.object({
  letterId: id("The letter"),
  verdict: z.enum(LETTER_VERDICTS, { error: "Choose whether to accept the letter or ask for changes" }),
  message: writtenReason("The answer to the seller", 20),
});
export type AnswerLetterInput = z.input<typeof answerLetterInput>;

export const assignCaseInput = z.object({
  caseId: id("The case"),
  /** null releases the case. */
  assigneeId: z.uuid("The moderator is not valid").nullable(),
});

export const addCaseNoteInput = z.object({
  caseId: id("The case"),
  body: z.string().trim().min(1, "The note is empty").max(8000, "A note must be at most 8,000 characters"),
});
export type AddCaseNoteInput = z.input<typeof addCaseNoteInput>;

export const decideFakeReviewInput = z.object({
  caseId: id("The case"),
  signalId: id("The signal"),
  decision: z.enum(["confirmed", "cleared"], { error: "Choose confirm or clear" }),
  reason: z.string().trim().max(4000).optional(),
});
