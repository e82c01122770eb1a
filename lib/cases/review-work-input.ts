/**
 * The seller's work on a negative review in scope: its root cause, and what was done about it.
 * One zod schema per input, shared by the seller's forms (useActionForm) and the lib functions,
 * which validate again. Each message is a catalog key (lib/field-messages.ts). Client-safe.
 */
import { z } from "zod";
import { REVIEW_RESOLUTIONS, ROOT_CAUSES } from "@/db/enums";
import { fieldMessage, type FieldMessageKey } from "@/lib/field-messages";

/** "Other" needs a few words: the moderator and the letter read what the cause was. */
export const ROOT_CAUSE_NOTE_MIN = 10;
/** What was agreed with the buyer, in a sentence someone else can check. */
export const AGREEMENT_MIN = 20;
/** A public reply stays under the review for every buyer to read: a real answer, not "sorry". */
export const PUBLIC_REPLY_MIN = 40;
const TEXT_MAX = 2000;

/** The steps a seller may tick beside an outcome; a public reply records its own step. */
export const SELLER_REVIEW_STEPS = ["contacted_buyer", "review_removed", "review_edited"] as const;
export type SellerReviewStep = (typeof SELLER_REVIEW_STEPS)[number];

/** Ids travel in hidden fields: a bad one means the page is out of date. */
const id = () =>
  z.coerce
    .number({ error: fieldMessage("reloadPage") })
    .int(fieldMessage("reloadPage"))
    .positive(fieldMessage("reloadPage"));

const text = () =>
  z
    .string({ error: fieldMessage("required") })
    .trim()
    .max(TEXT_MAX, fieldMessage("tooLong"));

/** A text shorter than `minimum`, reported on `path` with the bound the message names. */
function requireLength(
  ctx: z.core.$RefinementCtx,
  params: { path: string; value: string | undefined; minimum: number; message: FieldMessageKey },
) {
  if ((params.value ?? "").length >= params.minimum) return;
  ctx.addIssue({
    code: "too_small",
    origin: "string",
    minimum: params.minimum,
    inclusive: true,
    path: [params.path],
    message: fieldMessage(params.message),
    input: params.value,
  });
}

export const nameRootCauseInput = z
  .object({
    caseId: id(),
    reviewId: id(),
    rootCause: z.enum(ROOT_CAUSES, { error: fieldMessage("rootCauseRequired") }),
    /** Read only for "other". */
    rootCauseNote: text().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.rootCause !== "other") return;
    requireLength(ctx, {
      path: "rootCauseNote",
      value: value.rootCauseNote,
      minimum: ROOT_CAUSE_NOTE_MIN,
      message: "rootCauseNoteTooShort",
    });
  });
export type NameRootCauseInput = z.input<typeof nameRootCauseInput>;

export const recordReviewOutcomeInput = z
  .object({
    caseId: id(),
    reviewId: id(),
    outcome: z.enum(REVIEW_RESOLUTIONS, { error: fieldMessage("reviewOutcomeRequired") }),
    /** What was agreed with the buyer, or the public reply itself. */
    text: text(),
    steps: z
      .array(z.enum(SELLER_REVIEW_STEPS, { error: fieldMessage("reloadPage") }))
      .max(SELLER_REVIEW_STEPS.length, fieldMessage("reloadPage"))
      .default([]),
  })
  .superRefine((value, ctx) => {
    const isReply = value.outcome === "answered_publicly";
    requireLength(ctx, {
      path: "text",
      value: value.text,
      minimum: isReply ? PUBLIC_REPLY_MIN : AGREEMENT_MIN,
      message: isReply ? "publicReplyTooShort" : "agreementTooShort",
    });
  });
export type RecordReviewOutcomeInput = z.input<typeof recordReviewOutcomeInput>;
