import { describe, expect, test } from "vitest";
import { importCsvInput, MAX_CSV_UPLOAD_BYTES } from "./import-events-csv-input";

/** The issue code and catalog key of an upload the schema refuses (the form words each key in the reader's language). */
function refusal(file: unknown) {
  const parsed = importCsvInput.safeParse({ file });
  if (parsed.success) throw new Error("the upload was accepted");
  return parsed.error.issues.map((issue) => ({ path: issue.path.join("."), code: issue.code, message: issue.message }));
}

describe("importCsvInput", () => {
  test("a .csv file of up to 20 MiB is accepted, whatever type the browser gave it", () => {
    const file = new File(["id,type,occurredAt\n"], "Events.CSV", { type: "application/vnd.ms-excel" });
    expect(importCsvInput.parse({ file }).file).toBe(file);
    expect(importCsvInput.safeParse({ file: new File([new Uint8Array(MAX_CSV_UPLOAD_BYTES)], "big.csv") }).success).toBe(true);
  });

  test("each refusal has its own code: no file, an empty file, a file too large, a file that is not .csv", () => {
    expect(refusal(undefined)).toEqual([{ path: "file", code: "invalid_type", message: "fileRequired" }]);
    expect(refusal("id,type")).toEqual([{ path: "file", code: "invalid_type", message: "fileRequired" }]);
    expect(refusal(new File([], "empty.csv"))).toEqual([{ path: "file", code: "too_small", message: "fileEmpty" }]);
    expect(refusal(new File([new Uint8Array(MAX_CSV_UPLOAD_BYTES + 1)], "big.csv"))).toEqual([
      { path: "file", code: "too_big", message: "fileTooLarge" },
    ]);
    expect(refusal(new File(["x"], "events.xlsx"))).toEqual([{ path: "file", code: "custom", message: "fileNotCsv" }]);
  });
});
