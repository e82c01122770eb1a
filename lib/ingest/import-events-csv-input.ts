import { fieldMessage } from "@/lib/field-messages";
import { z } from "zod";

/**
 * The CSV import's upload, checked by the form (react-hook-form) and again by the server action.
 * No server-only code here: the browser uses it too.
 */

/** A 50,000-row file of long texts fits; the server action's body limit (next.config.js) is set just above it. */
export const MAX_CSV_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_UPLOAD_MIB = MAX_CSV_UPLOAD_BYTES / 1024 / 1024;

/** A file input's value is a FileList in the browser; the server action receives the File itself. */
function firstFile(value: unknown): unknown {
  if (typeof FileList !== "undefined" && value instanceof FileList) return value.item(0) ?? undefined;
  return value;
}

/** Each message is a catalog key (lib/field-messages.ts), worded in the reader's language. */
export const importCsvInput = z.object({
  file: z.preprocess(
    firstFile,
    z
      .file({ error: fieldMessage("fileRequired") })
      .min(1, fieldMessage("fileEmpty"))
      .max(MAX_CSV_UPLOAD_BYTES, fieldMessage("fileTooLarge"))
      .refine((file) => /\.csv$/i.test(file.name), fieldMessage("fileNotCsv")),
  ),
});
