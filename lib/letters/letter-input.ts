/**
 * The improvement letter's input: Problem → Solution pairs, each problem tied to a root cause. One
 * schema for the seller's form (its resolver) and for the lib functions, which validate again; each
 * message is a catalog key (lib/field-messages.ts), worded in the reader's language on both sides.
 * Client-safe: no server imports.
 */
import { z } from "zod";
import { ROOT_CAUSES } from "@/db/enums";
import { fieldMessage } from "@/lib/field-messages";

export const LETTER_MAX_PAIRS = 10;
export const PROBLEM_MIN_LENGTH = 20;
export const SOLUTION_MIN_LENGTH = 30;
const TEXT_MAX_LENGTH = 2000;

const caseId = z.coerce
  .number({ error: fieldMessage("reloadPage") })
  .int(fieldMessage("reloadPage"))
  .positive(fieldMessage("reloadPage"));
const rootCause = z.enum(ROOT_CAUSES, { error: fieldMessage("letterRootCauseRequired") });
const text = (min: number, tooShort: "letterProblemTooShort" | "letterSolutionTooShort") =>
  z
    .string({ error: fieldMessage("required") })
    .trim()
    .min(min, fieldMessage(tooShort))
    .max(TEXT_MAX_LENGTH, fieldMessage("tooLong"));

export const letterItemInput = z.object({
  rootCause,
  problem: text(PROBLEM_MIN_LENGTH, "letterProblemTooShort"),
  solution: text(SOLUTION_MIN_LENGTH, "letterSolutionTooShort"),
});
export type LetterItemInput = z.output<typeof letterItemInput>;

const pairs = <T extends z.ZodType>(item: T) => z.array(item).max(LETTER_MAX_PAIRS, fieldMessage("letterPairsTooMany"));

/**
 * *Submit*: every pair complete. `submitKey` is made once per opened form: a double click or a
 * retried request carries the same key and gets the letter it already made.
 */
export const submitLetterInput = z.object({
  caseId,
  submitKey: z.uuid(fieldMessage("reloadPage")),
  items: pairs(letterItemInput).min(1, fieldMessage("letterPairsRequired")),
});
export type SubmitLetterInput = z.input<typeof submitLetterInput>;

/**
 * A draft saved as the seller types: the texts may still be short or empty (the same maximum
 * lengths), but each pair names its root cause (a pair is stored with one). `savedAt` is the
 * draft's time the form last saw (ISO), null before the first save: a save from an older form is
 * refused rather than overwriting what another tab or device saved since.
 */
export const saveLetterDraftInput = z.object({
  caseId,
  savedAt: z.iso
    .datetime({ offset: true, error: fieldMessage("reloadPage") })
    .nullable()
    .default(null),
  items: pairs(
    z.object({
      rootCause,
      problem: z.string().trim().max(TEXT_MAX_LENGTH, fieldMessage("tooLong")),
      solution: z.string().trim().max(TEXT_MAX_LENGTH, fieldMessage("tooLong")),
    }),
  ),
});
export type SaveLetterDraftInput = z.input<typeof saveLetterDraftInput>;
