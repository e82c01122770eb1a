import { describe, expect, test } from "vitest";
import { invalid, isDomainError, type DomainError } from "@/lib/errors";
import { CSV_COLUMNS, eventsToCsv, MAX_CSV_ROWS, parseEventsCsv, placeIssuesInFile, type CsvEvent } from "./csv-events";
import { EXAMPLE_EVENTS, EXAMPLE_EVENTS_CSV } from "./csv-events-example";
import { parseEventBatch } from "./parse-event-batch";

const NOW = new Date("2026-06-01T00:00:00Z");

function rejection(text: string): DomainError {
  try {
    parseEventsCsv(text, NOW);
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("the file was accepted");
}

const withoutRows = (events: CsvEvent[]) => events.map(({ row: _row, ...event }) => event);

const HEADER =
  "id,type,occurredAt,sellerId,name,email,orderId,buyerId,amount,currency,status,reviewId,rating,text,by,complaintId,reason,messageId,threadId,from,requestedAt";

describe("parseEventsCsv", () => {
  test("an empty file, or one with only blank lines, is named as empty", () => {
    for (const text of ["", "\n\n", "  \r\n"]) {
      const error = rejection(text);
      expect(error.code).toBe("INVALID");
      expect(error.issues).toEqual([{ path: "(file)", message: expect.stringContaining("The file is empty") }]);
    }
  });

  test("a header without rows says that the events are missing", () => {
    expect(rejection("id,type,occurredAt,sellerId,name\r\n").issues).toEqual([
      { path: "(file)", message: "The file has only a header row: add one row per event below it" },
    ]);
  });

  test("a file of every event type gives exactly the events its JSON equivalent gives the API", () => {
    const csv = [
      HEADER,
      "e1,seller.upserted,2026-03-02T09:00:00+02:00,S1,Shop One,one@example.com,,,,,,,,,,,,,,,",
      "e2,order.placed,2026-03-02T10:00:00+02:00,S1,,,O1,B1,499.90,UAH,,,,,,,,,,,",
      "e3,order.status_changed,2026-03-03T10:00:00+02:00,,,,O1,,,,delivered,,,,,,,,,,",
      'e4,review.posted,2026-03-04T10:00:00+02:00,S1,,,O1,B1,,,,R1,2,"Late, and ""damaged""",,,,,,,',
      "e5,review.updated,2026-03-05T10:00:00+02:00,,,,,,,,,R1,4,,,,,,,,",
      "e6,complaint.filed,2026-03-05T11:00:00+02:00,S1,,,O1,B1,,,,,,Never again,,C1,late delivery,,,,",
      "e7,message.sent,2026-03-05T12:00:00+02:00,S1,,,,B1,,,,,,Where is it?,,,,M1,T1,buyer,",
      "e8,refund.issued,2026-03-06T12:00:00+02:00,,,,O1,,,,,,,,,,,,,,2026-03-05T12:00:00+02:00",
      "e9,review.removed,2026-03-07T12:00:00+02:00,,,,,,,,,R1,,,buyer,,,,,,",
    ].join("\n");
    const json = {
      events: [
        {
          id: "e1",
          type: "seller.upserted",
          occurredAt: "2026-03-02T09:00:00+02:00",
          data: { sellerId: "S1", name: "Shop One", email: "one@example.com" },
        },
        {
          id: "e2",
          type: "order.placed",
          occurredAt: "2026-03-02T10:00:00+02:00",
          data: { sellerId: "S1", orderId: "O1", buyerId: "B1", amount: 499.9, currency: "UAH" },
        },
        {
          id: "e3",
          type: "order.status_changed",
          occurredAt: "2026-03-03T10:00:00+02:00",
          data: { orderId: "O1", status: "delivered" },
        },
        {
          id: "e4",
          type: "review.posted",
          occurredAt: "2026-03-04T10:00:00+02:00",
          data: { sellerId: "S1", orderId: "O1", buyerId: "B1", reviewId: "R1", rating: 2, text: 'Late, and "damaged"' },
        },
        { id: "e5", type: "review.updated", occurredAt: "2026-03-05T10:00:00+02:00", data: { reviewId: "R1", rating: 4 } },
        {
          id: "e6",
          type: "complaint.filed",
          occurredAt: "2026-03-05T11:00:00+02:00",
          data: { sellerId: "S1", orderId: "O1", buyerId: "B1", text: "Never again", complaintId: "C1", reason: "late delivery" },
        },
        {
          id: "e7",
          type: "message.sent",
          occurredAt: "2026-03-05T12:00:00+02:00",
          data: { sellerId: "S1", buyerId: "B1", text: "Where is it?", messageId: "M1", threadId: "T1", from: "buyer" },
        },
        {
          id: "e8",
          type: "refund.issued",
          occurredAt: "2026-03-06T12:00:00+02:00",
          data: { orderId: "O1", requestedAt: "2026-03-05T12:00:00+02:00" },
        },
        { id: "e9", type: "review.removed", occurredAt: "2026-03-07T12:00:00+02:00", data: { reviewId: "R1", by: "buyer" } },
      ],
    };
    const events = parseEventsCsv(csv, NOW);
    expect(withoutRows(events)).toEqual(parseEventBatch(json, NOW));
    expect(events.map((event) => event.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test("the example file offered for download is valid and reads back as the events it was written from", () => {
    expect(withoutRows(parseEventsCsv(EXAMPLE_EVENTS_CSV, NOW))).toEqual(parseEventBatch({ events: EXAMPLE_EVENTS }, NOW));
    expect(EXAMPLE_EVENTS_CSV.split("\r\n")[0]).toBe(HEADER);
    expect(CSV_COLUMNS.join(",")).toBe(HEADER);
  });

  test("a bad rating in row 4 is reported at row 4, column rating, and nothing else is", () => {
    const csv = [
      "id,type,occurredAt,sellerId,name,reviewId,buyerId,rating",
      "e1,seller.upserted,2026-03-02T09:00:00Z,S1,Shop,,,",
      "e2,review.posted,2026-03-03T09:00:00Z,S1,,R1,B1,5",
      "e3,review.posted,2026-03-03T10:00:00Z,S1,,R2,B2,6",
      "e4,review.posted,2026-03-03T11:00:00Z,S1,,R3,B3,1",
    ].join("\n");
    const error = rejection(csv);
    expect(error.code).toBe("INVALID");
    expect(error.issues).toEqual([
      { index: 2, row: 4, column: "rating", path: "rating", message: "rating must be a whole number from 1 to 5" },
    ]);
    expect(error.message).toBe("row 4, column rating: rating must be a whole number from 1 to 5");
  });

  test("numbers are read as numbers; a cell that is not one stays text, so the schema names the problem", () => {
    const csv = [
      "id,type,occurredAt,sellerId,orderId,buyerId,amount",
      'e1,order.placed,2026-03-02T09:00:00Z,S1,O1,B1,"12,50"',
    ].join("\n");
    expect(rejection(csv).issues).toEqual([
      { index: 0, row: 2, column: "amount", path: "amount", message: "amount must be a number" },
    ]);
    const [event] = parseEventsCsv(csv.replace('"12,50"', " 12.5 "), NOW);
    expect(event?.data).toEqual({ sellerId: "S1", orderId: "O1", buyerId: "B1", amount: 12.5 });
  });

  test("an unknown column is named, with a hint when only its case is wrong; so are missing and repeated ones", () => {
    expect(rejection("id,type,occurredAt,shop\ne1,seller.upserted,2026-03-02T09:00:00Z,x").issues).toEqual([
      { row: 1, column: "shop", path: "shop", message: `Unknown column shop; the columns are ${CSV_COLUMNS.join(", ")}` },
    ]);
    expect(rejection("id,type,occurredat,sellerId,sellerId\n").issues).toEqual([
      {
        row: 1,
        column: "occurredat",
        path: "occurredat",
        message: "Unknown column occurredat: did you mean occurredAt? Column names are case-sensitive",
      },
      { row: 1, column: "sellerId", path: "sellerId", message: "Column sellerId appears twice in the header" },
      {
        row: 1,
        column: "occurredAt",
        path: "occurredAt",
        message: "The header has no occurredAt column; every event needs an id, a type and an occurredAt",
      },
    ]);
  });

  test("a quoted cell with a comma and line breaks is one cell, and later rows keep their line numbers (LF and CRLF)", () => {
    for (const newline of ["\n", "\r\n"]) {
      const csv = [
        "id,type,occurredAt,sellerId,name",
        'e1,seller.upserted,2026-03-02T09:00:00Z,S1,"Shop, Ltd.',
        "second line",
        'third line"',
        "e2,seller.upserted,2026-03-02T09:00:00Z,S2,Fine",
        "e3,seller.upserted,not a date,S3,Broken",
      ].join(newline);
      const error = rejection(csv);
      expect(error.issues).toEqual([
        {
          index: 2,
          row: 6,
          column: "occurredAt",
          path: "occurredAt",
          message: expect.stringContaining("occurredAt must be an ISO-8601 date-time"),
        },
      ]);
      const events = parseEventsCsv(csv.split(newline).slice(0, 5).join(newline), NOW);
      expect(events.map((event) => [event.row, event.data])).toEqual([
        [2, { sellerId: "S1", name: `Shop, Ltd.${newline}second line${newline}third line` }],
        [5, { sellerId: "S2", name: "Fine" }],
      ]);
    }
  });

  test("an unknown type names the row and the column type", () => {
    const csv = [
      "id,type,occurredAt,sellerId,name",
      "e1,seller.upserted,2026-03-02T09:00:00Z,S1,Shop",
      "e2,seller.deleted,2026-03-02T09:00:00Z,S1,",
    ].join("\n");
    expect(rejection(csv).issues).toEqual([
      {
        index: 1,
        row: 3,
        column: "type",
        path: "type",
        message: expect.stringMatching(/^type must be one of seller\.upserted, /),
      },
    ]);
  });

  test("an empty cell of a required field says it is required, and a cell the type has no field for is refused", () => {
    const csv = ["id,type,occurredAt,sellerId,name,rating", ",seller.upserted,2026-03-02T09:00:00Z,,Shop,5"].join("\n");
    expect(rejection(csv).issues).toEqual([
      { index: 0, row: 2, column: "id", path: "id", message: "id is required" },
      { index: 0, row: 2, column: "sellerId", path: "sellerId", message: "sellerId is required for seller.upserted events" },
      {
        index: 0,
        row: 2,
        column: "rating",
        path: "rating",
        message: "rating is not a field of seller.upserted events; leave this cell empty",
      },
    ]);
  });

  test("the API's own rules apply: an event in the future is refused", () => {
    const csv = ["id,type,occurredAt,sellerId,name", "e1,seller.upserted,2026-06-02T00:00:00Z,S1,Shop"].join("\n");
    expect(rejection(csv).issues).toEqual([
      { index: 0, row: 2, column: "occurredAt", path: "occurredAt", message: "occurredAt lies in the future" },
    ]);
  });

  test("malformed CSV names the row: an unclosed quote, text after a closing quote, a wrong number of cells", () => {
    const header = "id,type,occurredAt,sellerId,name";
    const good = "e1,seller.upserted,2026-03-02T09:00:00Z,S1,Shop";
    expect(rejection([header, good, 'e2,seller.upserted,2026-03-02T09:00:00Z,S2,"Shop', good].join("\n")).issues).toEqual([
      { row: 3, path: "(row)", message: "A quoted cell that starts in this row is never closed: check the quotes from here on" },
    ]);
    expect(rejection([header, good, good, 'e3,seller.upserted,2026-03-02T09:00:00Z,S3,"Shop" Ltd'].join("\n")).issues).toEqual([
      { row: 4, path: "(row)", message: expect.stringContaining("text after its closing quote") },
    ]);
    expect(rejection([header, "e1,seller.upserted,2026-03-02T09:00:00Z,S1,Shop, Ltd", good].join("\n")).issues).toEqual([
      {
        index: 0,
        row: 2,
        path: "(row)",
        message: "This row has 6 cells and the header has 5; a cell that contains a comma must be in quotes",
      },
    ]);
  });

  test("blank lines and spreadsheet rows of empty cells are skipped without shifting row numbers; a byte-order mark is ignored", () => {
    const csv =
      "\uFEFFid,type,occurredAt,sellerId,name\r\n\r\n,,,,\r\ne1,seller.upserted,2026-03-02T09:00:00Z,S1,Shop\r\ne2,seller.upserted,2026-03-02T09:00:00Z,,Shop\r\n";
    expect(rejection(csv).issues).toEqual([
      { index: 1, row: 5, column: "sellerId", path: "sellerId", message: "sellerId is required for seller.upserted events" },
    ]);
  });

  test("only the first 100 issues are listed, and the count says how many there are", () => {
    const rows = Array.from({ length: 250 }, (_, i) => `e${i},seller.upserted,2026-03-02T09:00:00Z,S${i},`);
    const error = rejection(["id,type,occurredAt,sellerId,name", ...rows].join("\n"));
    expect(error.issues).toHaveLength(100);
    expect(error.issueCount).toBe(250);
    expect(error.issues[99]).toMatchObject({ row: 101, column: "name" });
    expect(error.message).toBe("row 2, column name: name is required for seller.upserted events (and 249 more)");
  });

  test(`more than ${MAX_CSV_ROWS.toLocaleString("en")} rows are refused as a whole`, () => {
    const row = "e,seller.upserted,2026-03-02T09:00:00Z,S1,Shop\n";
    const error = rejection(`id,type,occurredAt,sellerId,name\n${row.repeat(MAX_CSV_ROWS + 1)}`);
    expect(error.issues).toEqual([
      { path: "(file)", message: "The file has more than 50,000 rows; split it into several files" },
    ]);
  });

  test(`${MAX_CSV_ROWS.toLocaleString("en")} rows are read, every one`, () => {
    const events = Array.from({ length: MAX_CSV_ROWS }, (_, i) => ({
      id: `e${i}`,
      type: "seller.upserted",
      occurredAt: "2026-03-02T09:00:00Z",
      data: { sellerId: `S${i}`, name: "Shop" },
    }));
    const parsed = parseEventsCsv(eventsToCsv(events), NOW);
    expect(parsed).toHaveLength(MAX_CSV_ROWS);
    expect(parsed.at(-1)).toMatchObject({ index: MAX_CSV_ROWS - 1, row: MAX_CSV_ROWS + 1 });
  });
});

describe("placeIssuesInFile", () => {
  test("an issue found later (a reference to an unknown seller) is placed at its event's row and column", () => {
    const csv =
      ["id,type,occurredAt,sellerId,orderId,buyerId", 'e1,order.placed,2026-03-02T09:00:00Z,S1,"O1', '",B1'].join("\n") +
      "\ne2,order.placed,2026-03-02T09:00:00Z,S9,O2,B1";
    const events = parseEventsCsv(csv, NOW);
    const located = placeIssuesInFile(
      invalid(
        "events[1].data.sellerId: seller S9 does not exist",
        [{ index: 1, path: "data.sellerId", message: "seller S9 does not exist; send seller.upserted first" }],
        7,
      ),
      events,
    );
    expect(located.issues).toEqual([
      { index: 1, row: 4, column: "sellerId", path: "sellerId", message: "seller S9 does not exist; send seller.upserted first" },
    ]);
    expect(located.issueCount).toBe(7);
    expect(located.message).toBe("row 4, column sellerId: seller S9 does not exist; send seller.upserted first (and 6 more)");
  });
});
