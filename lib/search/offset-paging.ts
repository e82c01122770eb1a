/**
 * Offset paging of the lists a person pages through by number ("page 2 of 7"): the admin's users,
 * API keys and outbox, the moderators' queues and seller list. The counterpart of keyset.ts, which
 * pages long histories by cursor. Pure: the list's query uses `limit` and `offset`, counts its
 * matches, and hands both to `offsetPage`.
 */

/** No list is paged this far by hand; a larger ?page= would only make the database skip rows. */
export const MAX_PAGE = 10_000;

export type OffsetPaging = { page: number; pageSize: number; limit: number; offset: number };

export type OffsetPage<T> = { rows: T[]; page: number; pageSize: number; total: number; pageCount: number };

/** The page to read: a whole number from 1 to MAX_PAGE (anything else is page 1), and its LIMIT and OFFSET. */
export function offsetPaging(requestedPage: number, pageSize: number): OffsetPaging {
  const page = Number.isInteger(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, MAX_PAGE) : 1;
  return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize };
}

/** The page as the list shows it; an empty list is one empty page, and a page past the end is empty too. */
export function offsetPage<T>(rows: T[], total: number, paging: { page: number; pageSize: number }): OffsetPage<T> {
  return {
    rows,
    page: paging.page,
    pageSize: paging.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / paging.pageSize)),
  };
}

/** The pages to link to: none before the first or after the last; from a page past the end, back to the last. */
export function neighbourPages(list: { page: number; pageCount: number }): { previous?: number; next?: number } {
  return {
    previous: list.page > 1 ? Math.min(list.page - 1, list.pageCount) : undefined,
    next: list.page < list.pageCount ? list.page + 1 : undefined,
  };
}
