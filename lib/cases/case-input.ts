/**
 * One zod schema per case action, shared by the moderator's forms (useActionForm) and the lib/
 * functions, which validate again. Each message is a catalog key (lib/field-messages.ts), worded in
 * the reader's language on both sides. Client-safe: no server imports.
 */
import { z } from "zod";
import { EXTEND_REASONS, LETTER_VERDICTS } from "@/db/enums";
import { fieldMessage } from "@/lib/field-messages";
import { CHECKLIST_ITEMS } from "./checklist";

/** Ids and versions travel in hidden fields: a bad one means the page is out of date. */
const id = () =>
  z.coerce
    .number({ error: fieldMessage("reloadPage") })
    .int(fieldMessage("reloadPage"))
    .positive(fieldMessage("reloadPage"));
/** A reason whoever reads the case later needs; `tooShort` words a message the seller reads. */
const writtenText = (min: number, tooShort: "writtenReasonTooShort" | "messageToSellerTooShort") =>
  z
    .string({ error: fieldMessage("required") })
    .trim()
    .min(min, fieldMessage(tooShort))
    .max(4000, fieldMessage("tooLong"));
const writtenReason = (min = 10) => writtenText(min, "writtenReasonTooShort");
const messageToSeller = (min: number) => writtenText(min, "messageToSellerTooShort");
const expectedVersion = id();

/** `note` is a message to the seller: it goes into the exclusion notice word for word. */
export const openCaseFromFlagInput = z.object({
  flagId: id(),
  note: z.string().trim().max(4000, fieldMessage("tooLong")).optional(),
});

export const openCaseManuallyInput = z.object({
  sellerId: id(),
  /** A message to the seller as well: the exclusion notice quotes it. */
  reason: messageToSeller(10),
});

export const dismissFlagInput = z.object({ flagId: id(), reason: writtenReason() });

export const reinstateCaseInput = z.object({
  caseId: id(),
  expectedVersion,
  /** A written reason for each checklist item that fails at the moment of the decision. */
  overrides: z
    .array(z.object({ item: z.enum(CHECKLIST_ITEMS, { error: fieldMessage("reloadPage") }), reason: writtenReason() }))
    .max(CHECKLIST_ITEMS.length, fieldMessage("reloadPage"))
    .default([]),
  note: z.string().trim().max(4000, fieldMessage("tooLong")).optional(),
});
export type ReinstateCaseInput = z.input<typeof reinstateCaseInput>;

export const extendCaseInput = z.object({
  caseId: id(),
  expectedVersion,
  reasons: z.array(z.enum(EXTEND_REASONS)).min(1, fieldMessage("extendReasonsRequired")),
  /** The new re-check day, in the portal's time zone. */
  recheckOn: z.string({ error: fieldMessage("dateInvalid") }).regex(/^\d{4}-\d{2}-\d{2}$/, fieldMessage("dateInvalid")),
  message: messageToSeller(20),
});
export type ExtendCaseInput = z.input<typeof extendCaseInput>;

export const answerLetterInput = z.object({
  letterId: id(),
  verdict: z.enum(LETTER_VERDICTS, { error: fieldMessage("verdictRequired") }),
  message: messageToSeller(20),
});
export type AnswerLetterInput = z.input<typeof answerLetterInput>;

export const assignCaseInput = z.object({
  caseId: id(),
  /** null releases the case. */
  assigneeId: z.uuid(fieldMessage("reloadPage")).nullable(),
});

export const addCaseNoteInput = z.object({
  caseId: id(),
  body: z.string().trim().min(1, fieldMessage("noteEmpty")).max(8000, fieldMessage("tooLong")),
});
export type AddCaseNoteInput = z.input<typeof addCaseNoteInput>;

export const decideFakeReviewInput = z.object({
  caseId: id(),
  signalId: id(),
  decision: z.enum(["confirmed", "cleared"], { error: fieldMessage("choose") }),
  reason: z.string().trim().max(4000, fieldMessage("tooLong")).optional(),
});
