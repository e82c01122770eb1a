import { describe, expect, test } from "vitest";
import { MAX_PAGE, neighbourPages, offsetPage, offsetPaging } from "@/lib/search/offset-paging";

describe("offset paging of numbered lists", () => {
  test("page 3 of 25 a page reads rows 51 to 75", () => {
    expect(offsetPaging(3, 25)).toEqual({ page: 3, pageSize: 25, limit: 25, offset: 50 });
  });

  test.each([0, -2, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("a page number of %s is page 1", (requested) => {
    expect(offsetPaging(requested, 50)).toEqual({ page: 1, pageSize: 50, limit: 50, offset: 0 });
  });

  test("a page number past MAX_PAGE is clamped to it, so the offset stays a number the database takes", () => {
    expect(offsetPaging(1e300, 50)).toEqual({ page: MAX_PAGE, pageSize: 50, limit: 50, offset: (MAX_PAGE - 1) * 50 });
  });

  test("the page count rounds up: 51 rows at 25 a page are 3 pages", () => {
    expect(offsetPage(["a"], 51, { page: 3, pageSize: 25 })).toEqual({
      rows: ["a"],
      page: 3,
      pageSize: 25,
      total: 51,
      pageCount: 3,
    });
    expect(neighbourPages({ page: 3, pageCount: 3 })).toEqual({ previous: 2, next: undefined });
  });

  test("an empty list is one empty page, with nowhere to go", () => {
    const page = offsetPage([], 0, offsetPaging(1, 25));
    expect(page).toEqual({ rows: [], page: 1, pageSize: 25, total: 0, pageCount: 1 });
    expect(neighbourPages(page)).toEqual({ previous: undefined, next: undefined });
  });

  test("a middle page links both ways", () => {
    expect(neighbourPages({ page: 2, pageCount: 3 })).toEqual({ previous: 1, next: 3 });
  });

  test("a page past the end is empty, keeps its number, and links back to the last page", () => {
    const page = offsetPage([], 60, offsetPaging(9, 25));
    expect(page).toEqual({ rows: [], page: 9, pageSize: 25, total: 60, pageCount: 3 });
    expect(neighbourPages(page)).toEqual({ previous: 3, next: undefined });
  });
});
