import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { isDomainError } from "@/lib/errors";
import { parseEventsCsv, placeIssuesInFile } from "./csv-events";
import type { IngestResult } from "./event-schemas";
import { ingestEvents } from "./ingest-events";

export type CsvImportResult = IngestResult & { rows: number };

const MAX_FILE_NAME_LENGTH = 255;

/**
 * An admin's CSV import (SPEC.md, "The data that comes in"): the whole file is validated first,
 * then ingested in one transaction with the API's rules, so a file goes in entirely or not at all.
 * Every problem is reported at its row and column. The import's one audit entry is written in
 * the same transaction, last, so the audit chain's lock is held only from there to the commit.
 */
export async function importEventsCsv(params: {
  actor: Actor;
  csv: string;
  fileName: string;
  now: Date;
}): Promise<CsvImportResult> {
  const { actor, now } = params;
  assertCan(actor, "imports:run");
  const events = parseEventsCsv(params.csv, now);
  const fileName = params.fileName.trim().slice(0, MAX_FILE_NAME_LENGTH);
  try {
    const result = await ingestEvents({
      actor,
      events,
      now,
      beforeCommit: (tx, { accepted, duplicates }) =>
        recordAudit(tx, {
          actor,
          action: "events.imported",
          entityType: "import",
          after: { fileName, rows: events.length, accepted, duplicates },
          at: now,
        }),
    });
    return { ...result, rows: events.length };
  } catch (error) {
    // The batch's checks against the database (an unknown seller, an order placed twice) name
    // events by index; the admin needs the row and column.
    if (isDomainError(error)) throw placeIssuesInFile(error, events);
    throw error;
  }
}
