import { CSV_UPLOAD_PATH, type ImportEventsCsvResult } from "@/lib/ingest/import-events-csv-input";

export type { ImportEventsCsvResult };

/**
 * The import form's call: posts the file to the upload route (not a server action, whose body
 * limit is sized for forms) and returns what the route answers, as a server action would.
 */
export async function importEventsCsvAction(formData: FormData): Promise<ImportEventsCsvResult> {
  try {
    const response = await fetch(CSV_UPLOAD_PATH, { method: "POST", body: formData });
    if (response.headers.get("content-type")?.startsWith("application/json"))
      return (await response.json()) as ImportEventsCsvResult;
  } catch {
    // The network failed: the same answer as a server error.
  }
  return { status: "error", code: "UNEXPECTED", message: "Something went wrong. Please try again." };
}
