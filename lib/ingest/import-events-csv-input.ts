import { fieldMessage } from "@/lib/field-messages";
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/action-result";
import type { CsvImportResult } from "@/lib/ingest/import-events-csv";

/**
 * The CSV import's upload, checked by the form (react-hook-form) and again by the upload route.
 * No server-only code here: the browser uses it too.
 */

/** A 50,000-row file of long texts fits. */
export const MAX_CSV_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_UPLOAD_MIB = MAX_CSV_UPLOAD_BYTES / 1024 / 1024;

/**
 * The route the form posts the file to: its own route rather than a server action, so that the
 * caller is authorized before the body is read, and the server actions' body limit stays small.
 */
export const CSV_UPLOAD_PATH = "/admin/import/upload";
/** The largest upload request: the file and the multipart envelope around it. */
export const MAX_CSV_UPLOAD_REQUEST_BYTES = MAX_CSV_UPLOAD_BYTES + 64 * 1024;

/** A problem in the file, where the admin can find it: the row (line) and the column. */
export type ImportIssue = { row: number | null; column: string | null; message: string };

/** The file was read but not imported (nothing was written): its first problems, and how many there are. */
export type ImportRejected = { status: "rejected"; issues: ImportIssue[]; issueCount: number };

export type ImportEventsCsvResult = ActionResult<CsvImportResult> | ImportRejected;

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
