import "server-only";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { authorize } from "@/lib/auth/session";
import { ERROR_STATUS, forbidden, invalid, isDomainError, type DomainError } from "@/lib/errors";
import { importEventsCsv, type CsvImportResult } from "@/lib/ingest/import-events-csv";
import {
  importCsvInput,
  MAX_CSV_UPLOAD_MIB,
  MAX_CSV_UPLOAD_REQUEST_BYTES,
  type ImportEventsCsvResult,
  type ImportRejected,
} from "@/lib/ingest/import-events-csv-input";
import { fieldIssue, parseInput } from "@/lib/validation";

/** What POST /admin/import/upload answers: the form's result, and the HTTP status that goes with it. */
export type CsvUploadAnswer = { httpStatus: number; result: ImportEventsCsvResult };

const TOO_LARGE = `The file is larger than ${MAX_CSV_UPLOAD_MIB} MiB; split it into several files`;

/**
 * The admin's CSV upload: who is asking is settled before a byte of the body is read (the user
 * re-read from the database), then the declared size, and only then is the file read and imported.
 * A bad file comes back as its list of problems, with nothing written.
 */
export async function importUploadedCsv(request: Request, now: Date): Promise<CsvUploadAnswer> {
  const caller = await runAction("importEventsCsv", async () => {
    assertSameOrigin(request);
    return authorize("imports:run");
  });
  if (caller.status !== "ok") return answer(caller);

  // Node's HTTP parser never passes on more body than Content-Length says (and refuses a request
  // that also says chunked), so the declared length bounds what formData() below can read.
  const declared = request.headers.get("content-length");
  if (declared === null || Number(declared) > MAX_CSV_UPLOAD_REQUEST_BYTES) {
    const message = declared === null ? "Send the file with its length (Content-Length)" : TOO_LARGE;
    return {
      httpStatus: declared === null ? 411 : 413,
      result: { status: "invalid", message, fieldErrors: { file: message } },
    };
  }

  return answer(
    await runAction("importEventsCsv", async () => {
      const { file } = parseInput(importCsvInput, { file: (await readForm(request)).get("file") ?? undefined });
      const csv = await readUtf8(file);
      try {
        return await importEventsCsv({ actor: caller.data, csv, fileName: file.name, now });
      } catch (error) {
        if (isDomainError(error) && error.code === "INVALID") return rejected(error);
        throw error;
      }
    }),
  );
}

/**
 * A server action gets this check from Next; a route handler must make it itself. Browsers send
 * Origin with every POST; another site's page (a forged form) names its own.
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (URL.canParse(origin) && new URL(origin).host === host) return;
  throw forbidden("This upload must come from the import page");
}

async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw invalid("The upload is not a form with a file", [{ path: "file", message: "Choose a CSV file" }]);
  }
}

/** Spreadsheets also save in legacy encodings; guessing one would corrupt names, so only UTF-8 is read. */
async function readUtf8(file: File): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw invalid("The file is not UTF-8 text", [fieldIssue("file", { key: "fileUnreadable" })]);
  }
}

function rejected(error: DomainError): ImportRejected {
  return {
    status: "rejected",
    issues: error.issues.map((issue) => ({ row: issue.row ?? null, column: issue.column ?? null, message: issue.message })),
    issueCount: error.issueCount,
  };
}

/** The HTTP status for a result: the form reads the body whatever the status. */
function answer(result: ActionResult<CsvImportResult | ImportRejected>): CsvUploadAnswer {
  if (result.status === "ok") {
    return "issues" in result.data
      ? { httpStatus: 422, result: result.data }
      : { httpStatus: 200, result: { status: "ok", data: result.data } };
  }
  if (result.status === "invalid") return { httpStatus: 400, result };
  return { httpStatus: result.code === "UNEXPECTED" ? 500 : ERROR_STATUS[result.code], result };
}
