"use server";

import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { authorize } from "@/lib/auth/session";
import { invalid, isDomainError, type DomainError } from "@/lib/errors";
import { importCsvInput } from "@/lib/ingest/import-events-csv-input";
import { importEventsCsv, type CsvImportResult } from "@/lib/ingest/import-events-csv";
import { parseInput } from "@/lib/validation";

/** A problem in the file, where the admin can find it: the row (line) and the column. */
export type ImportIssue = { row: number | null; column: string | null; message: string };

/** The file was read but not imported (nothing was written): its first problems, and how many there are. */
export type ImportRejected = { status: "rejected"; issues: ImportIssue[]; issueCount: number };

export type ImportEventsCsvResult = ActionResult<CsvImportResult> | ImportRejected;

/** Parse the upload → authorize (re-reading the user) → read the file → import it; a bad file comes back as its list of problems. */
export async function importEventsCsvAction(formData: FormData): Promise<ImportEventsCsvResult> {
  const result = await runAction("importEventsCsv", async (): Promise<CsvImportResult | ImportRejected> => {
    const { file } = parseInput(importCsvInput, { file: formData instanceof FormData ? formData.get("file") : undefined });
    const actor = await authorize("imports:run");
    const csv = await readUtf8(file);
    try {
      return await importEventsCsv({ actor, csv, fileName: file.name, now: new Date() });
    } catch (error) {
      if (isDomainError(error) && error.code === "INVALID") return rejected(error);
      throw error;
    }
  });
  if (result.status !== "ok") return result;
  return "issues" in result.data ? result.data : { status: "ok", data: result.data };
}

/** Spreadsheets also save in legacy encodings; guessing one would corrupt names, so only UTF-8 is read. */
async function readUtf8(file: File): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw invalid("The file is not UTF-8 text", [{ path: "file", message: "The file is not UTF-8 text; save it as CSV UTF-8" }]);
  }
}

function rejected(error: DomainError): ImportRejected {
  return {
    status: "rejected",
    issues: error.issues.map((issue) => ({ row: issue.row ?? null, column: issue.column ?? null, message: issue.message })),
    issueCount: error.issueCount,
  };
}
