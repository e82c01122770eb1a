import { describe, expect, test } from "vitest";
import { keysetPage, listCursorParams, readListCursor } from "@/lib/search/keyset";

const rows = (...ids: number[]) => ids.map((id) => ({ id }));

describe("keyset pages of a seller's lists", () => {
  test("the first page: one row more than a page means an older page, and there is no newer one", () => {
    expect(keysetPage(rows(9, 8, 7), 2, {})).toEqual({
      rows: rows(9, 8),
      pageSize: 2,
      newerCursor: undefined,
      olderCursor: { before: 8 },
    });
  });

  test("the last page going older: a newer page, no older one", () => {
    expect(keysetPage(rows(3, 2), 2, { before: 4 })).toEqual({
      rows: rows(3, 2),
      pageSize: 2,
      newerCursor: { after: 3 },
      olderCursor: undefined,
    });
  });

  test("going newer: rows come oldest first and are turned round; the extra row means a newer page still", () => {
    expect(keysetPage(rows(5, 6, 7), 2, { after: 4 })).toEqual({
      rows: rows(6, 5),
      pageSize: 2,
      newerCursor: { after: 6 },
      olderCursor: { before: 5 },
    });
    expect(keysetPage(rows(5, 6), 2, { after: 4 })).toEqual({
      rows: rows(6, 5),
      pageSize: 2,
      newerCursor: undefined,
      olderCursor: { before: 5 },
    });
  });

  test("an empty page has no cursors", () => {
    expect(keysetPage([], 2, { before: 1 })).toEqual({ rows: [], pageSize: 2, newerCursor: undefined, olderCursor: undefined });
  });

  test("cursors go to and come from query parameters; junk is ignored", () => {
    const params: Record<string, string> = { reviewsBefore: "12", complaintsAfter: "7", signalsBefore: "-3", otherAfter: "1.5" };
    const read = (name: string) => params[name];
    expect(readListCursor(read, "reviews")).toEqual({ before: 12 });
    expect(readListCursor(read, "complaints")).toEqual({ after: 7 });
    expect(readListCursor(read, "signals")).toEqual({ before: undefined });
    expect(readListCursor(read, "other")).toEqual({ before: undefined });
    expect(listCursorParams("reviews", { after: 3 })).toEqual({ reviewsBefore: undefined, reviewsAfter: 3 });
  });
});
