import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { EVENT_TYPES, type EventType } from "@/db/enums";
import { DomainError, invalid, isDomainError, type FieldIssue } from "@/lib/errors";
import { EVENT_DATA_SCHEMAS } from "./event-schemas";
import { MAX_REPORTED_ISSUES, parseEventBatch, type ParsedEvent } from "./parse-event-batch";

/**
 * The CSV form of the events of SPEC.md, for an admin's bulk import: one event per row under a
 * header row, `id,type,occurredAt` and then each data field as its own column. An empty cell is
 * an absent field. Every row goes through the API's own validation (parseEventBatch), and each
 * problem is reported at its place in the file: the row (the line the record starts on, the
 * header being row 1) and the column.
 */

/** An admin's backfill, not an API batch: validated whole and then ingested in one transaction. */
export const MAX_CSV_ROWS = 50_000;

const ENVELOPE_COLUMNS = ["id", "type", "occurredAt"] as const;

type DataSchema = (typeof EVENT_DATA_SCHEMAS)[EventType];
type CsvField = { name: string; isRequired: boolean };

function fieldsOf(schema: DataSchema): CsvField[] {
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    isRequired: !(field as z.ZodType).safeParse(undefined).success,
  }));
}

/** Each type's data fields, in the schema's order, read from the schemas so the two cannot disagree. */
export const CSV_FIELDS_BY_TYPE = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, fieldsOf(EVENT_DATA_SCHEMAS[type])]),
) as Record<EventType, CsvField[]>;

const DATA_COLUMNS = [...new Set(EVENT_TYPES.flatMap((type) => CSV_FIELDS_BY_TYPE[type].map((field) => field.name)))];

/** Every column a file may have, in the order the example file uses. */
export const CSV_COLUMNS: readonly string[] = [...ENVELOPE_COLUMNS, ...DATA_COLUMNS];
const KNOWN_COLUMNS = new Set(CSV_COLUMNS);
const ENVELOPE_COLUMN_SET = new Set<string>(ENVELOPE_COLUMNS);

/** Fields the schemas want as numbers; a cell is text, so these are converted first. */
const NUMBER_COLUMNS = new Set(
  EVENT_TYPES.flatMap((type) =>
    Object.entries(EVENT_DATA_SCHEMAS[type].shape)
      .filter(([, field]) => (field instanceof z.ZodOptional ? field.unwrap() : field) instanceof z.ZodNumber)
      .map(([name]) => name),
  ),
);
const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/** An event read from a CSV file: as the API would have parsed it, and the row it came from. */
export type CsvEvent = ParsedEvent & { row: number };

type CsvRecord = { cells: string[]; row: number };

/**
 * Reads a whole file and returns its events in file order, or throws INVALID listing the first
 * problems (`issueCount` says how many there are in all), each with its row and column.
 */
export function parseEventsCsv(text: string, now: Date): CsvEvent[] {
  if (text.trim() === "")
    throw csvInvalid([fileIssue("The file is empty: it needs a header row (id,type,occurredAt,…) and one row per event")]);
  const [header, ...records] = readRecords(text);
  if (!header) throw csvInvalid([fileIssue("The file has no rows")]);
  const columns = readHeader(header);
  if (records.length === 0) throw csvInvalid([fileIssue("The file has only a header row: add one row per event below it")]);

  const issues = issueList();
  const events: CsvEvent[] = [];
  records.forEach((record, index) => {
    const event = readEvent(record, index, columns, now, issues.add);
    if (event) events.push(event);
  });
  if (issues.count > 0) throw csvInvalid(issues.shown, issues.count);
  return events;
}

/**
 * Places the issues of an error about the events of a file (such as ingestEvents' "seller does
 * not exist") in the file: each event's row, and the column of its field.
 */
export function placeIssuesInFile(error: DomainError, events: readonly CsvEvent[]): DomainError {
  if (error.code !== "INVALID") return error;
  const issues = error.issues.map((issue) => {
    const row = issue.index === undefined ? undefined : events[issue.index]?.row;
    return csvIssue({ index: issue.index, row, column: columnOf(issue.path), message: issue.message });
  });
  return csvInvalid(issues, error.issueCount);
}

/** The events as a CSV file in this format (the example file; tests). */
export function eventsToCsv(
  events: readonly { id: string; type: string; occurredAt: string; data: Record<string, unknown> }[],
): string {
  const lines = [CSV_COLUMNS.map(quoteCell).join(",")];
  for (const event of events) {
    const values: Record<string, unknown> = { id: event.id, type: event.type, occurredAt: event.occurredAt, ...event.data };
    lines.push(CSV_COLUMNS.map((column) => quoteCell(values[column] === undefined ? "" : String(values[column]))).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

function quoteCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// ---------------------------------------------------------------- reading the file

/**
 * Every record with the row it starts on. csv-parse's `info.lines` counts a CRLF inside a quoted
 * cell as two lines, so rows are found from the record's byte offset (`info.bytes`) instead.
 */
function readRecords(text: string): CsvRecord[] {
  const bytes = Buffer.from(text.replace(/^\uFEFF/, ""), "utf8");
  const rowAt = rowLocator(bytes);
  const records: CsvRecord[] = [];
  let end = 0; // where the last record read ended, so where the next one begins
  try {
    parse(bytes, {
      skip_empty_lines: true,
      relax_column_count: true, // a row with too few or too many cells is reported with the others
      on_record: (cells: string[], info) => {
        const row = rowAt(end);
        end = info.bytes;
        // A spreadsheet's trailing ",,,," lines are empty rows, not events.
        if (cells.every((cell) => cell === "")) return null;
        records.push({ cells, row });
        if (records.length > MAX_CSV_ROWS + 1) {
          throw csvInvalid([
            fileIssue(`The file has more than ${MAX_CSV_ROWS.toLocaleString("en")} rows; split it into several files`),
          ]);
        }
        return null;
      },
    });
  } catch (error) {
    if (isDomainError(error)) throw error;
    if (error instanceof CsvError) throw csvInvalid([csvIssue({ row: rowAt(end), message: describeCsvError(error) })]);
    throw error;
  }
  return records;
}

/** The row (1-based line) on which a record starting at a byte offset begins, past any blank lines. */
function rowLocator(bytes: Buffer): (offset: number) => number {
  const CR = 0x0d;
  const LF = 0x0a;
  const lineStarts: number[] = [0];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] !== LF)) lineStarts.push(i + 1);
  }
  return (offset) => {
    let start = offset;
    while (bytes[start] === CR || bytes[start] === LF) start++;
    // The number of lines that start at or before `start`.
    let low = 0;
    let high = lineStarts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lineStarts[middle]! <= start) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return "A quoted cell that starts in this row is never closed: check the quotes from here on";
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return 'A quoted cell in this row has text after its closing quote; inside a quoted cell, write a quote as two quotes ("")';
    case "INVALID_OPENING_QUOTE":
      return 'A cell in this row has a quote in the middle; put the whole cell in quotes and write the quote as two quotes ("")';
    default:
      return `The file is not valid CSV here: ${error.message}`;
  }
}

function readHeader(header: CsvRecord): string[] {
  const issues: FieldIssue[] = [];
  const at = (column: string | undefined, message: string) => issues.push(csvIssue({ row: header.row, column, message }));
  const columns = header.cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  columns.forEach((name, position) => {
    if (name === "") at(undefined, `Column ${position + 1} of the header has no name`);
    else if (!KNOWN_COLUMNS.has(name)) at(name, unknownColumnMessage(name));
    else if (seen.has(name)) at(name, `Column ${name} appears twice in the header`);
    seen.add(name);
  });
  for (const name of ENVELOPE_COLUMNS) {
    if (!seen.has(name)) at(name, `The header has no ${name} column; every event needs an id, a type and an occurredAt`);
  }
  if (issues.length > 0) throw csvInvalid(issues);
  return columns;
}

function unknownColumnMessage(name: string): string {
  const meant = CSV_COLUMNS.find((column) => column.toLowerCase() === name.toLowerCase());
  if (meant) return `Unknown column ${name}: did you mean ${meant}? Column names are case-sensitive`;
  return `Unknown column ${name}; the columns are ${CSV_COLUMNS.join(", ")}`;
}

// ---------------------------------------------------------------- one row, one event

/** One row's event, or its issues, left to right. */
function readEvent(
  record: CsvRecord,
  index: number,
  columns: readonly string[],
  now: Date,
  reportAll: (issue: FieldIssue) => void,
): CsvEvent | undefined {
  const rowIssues: FieldIssue[] = [];
  const report = (issue: FieldIssue) => rowIssues.push(issue);
  const event = readRow(record, index, columns, now, report);
  const position = (issue: FieldIssue) => (issue.column === undefined ? -1 : columns.indexOf(issue.column));
  rowIssues.sort((a, b) => position(a) - position(b)).forEach(reportAll);
  return rowIssues.length === 0 ? event : undefined;
}

function readRow(
  record: CsvRecord,
  index: number,
  columns: readonly string[],
  now: Date,
  report: (issue: FieldIssue) => void,
): CsvEvent | undefined {
  const { cells, row } = record;
  if (cells.length !== columns.length) {
    report(
      csvIssue({
        index,
        row,
        message: `This row has ${cells.length} cells and the header has ${columns.length}; a cell that contains a comma must be in quotes`,
      }),
    );
    return undefined;
  }

  const envelope: Record<string, string> = {};
  const data: Record<string, unknown> = {};
  columns.forEach((column, position) => {
    const cell = cells[position]!;
    if (cell === "") return; // an empty cell is an absent field
    if (ENVELOPE_COLUMN_SET.has(column)) envelope[column] = cell;
    else data[column] = NUMBER_COLUMNS.has(column) && DECIMAL.test(cell) ? Number(cell) : cell;
  });

  const type = envelope.type;
  const fields = isEventType(type) ? CSV_FIELDS_BY_TYPE[type] : undefined;
  if (fields) {
    // The schemas would refuse the field too, but only as an unrecognized key of `data`.
    for (const column of Object.keys(data)) {
      if (fields.some((field) => field.name === column)) continue;
      report(csvIssue({ index, row, column, message: `${column} is not a field of ${type} events; leave this cell empty` }));
      delete data[column];
    }
  }

  try {
    const [event] = parseEventBatch({ events: [{ ...envelope, data }] }, now);
    return event && { ...event, index, row };
  } catch (error) {
    if (!isDomainError(error) || error.code !== "INVALID") throw error;
    for (const issue of error.issues) {
      const column = columnOf(issue.path);
      const isEmpty = column !== undefined && envelope[column] === undefined && data[column] === undefined;
      // zod says "sellerId must be a string" of a field that is not there; in a file it is an empty cell.
      const message =
        isEmpty && column !== "type"
          ? `${column} is required${fields && !ENVELOPE_COLUMN_SET.has(column) ? ` for ${type} events` : ""}`
          : issue.message;
      report(csvIssue({ index, row, column, message }));
    }
    return undefined;
  }
}

function isEventType(value: unknown): value is EventType {
  return (EVENT_TYPES as readonly unknown[]).includes(value);
}

/** The column of an event's field: `data.rating` is in column rating, `occurredAt` in occurredAt. */
function columnOf(path: string): string | undefined {
  const name = path.startsWith("data.") ? path.slice("data.".length) : path;
  return KNOWN_COLUMNS.has(name) ? name : undefined;
}

// ---------------------------------------------------------------- issues

function csvIssue(place: { index?: number; row?: number; column?: string; message: string }): FieldIssue {
  const issue: FieldIssue = { path: place.column ?? (place.row === undefined ? "(file)" : "(row)"), message: place.message };
  if (place.index !== undefined) issue.index = place.index;
  if (place.row !== undefined) issue.row = place.row;
  if (place.column !== undefined) issue.column = place.column;
  return issue;
}

function fileIssue(message: string): FieldIssue {
  return csvIssue({ message });
}

/** The first issues to show, and how many there are. */
function issueList() {
  const list = {
    shown: [] as FieldIssue[],
    count: 0,
    add: (issue: FieldIssue) => {
      list.count++;
      if (list.shown.length < MAX_REPORTED_ISSUES) list.shown.push(issue);
    },
  };
  return list;
}

function csvInvalid(issues: FieldIssue[], issueCount = issues.length): DomainError {
  const first = issues[0];
  const where = first
    ? [first.row === undefined ? null : `row ${first.row}`, first.column && `column ${first.column}`].filter(Boolean).join(", ")
    : "";
  const more = issueCount > 1 ? ` (and ${(issueCount - 1).toLocaleString("en")} more)` : "";
  const message = first ? `${where ? `${where}: ` : ""}${first.message}${more}` : "The file is invalid";
  return invalid(message, issues, issueCount);
}
