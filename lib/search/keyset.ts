import { sql, type SQL } from "drizzle-orm";

/**
 * Keyset paging of long lists (a seller's reviews, complaints and suspected fake reviews; a case's
 * reviews in scope; the audit trail), newest first by (time, id) or by one increasing key. A cursor
 * is the id of a row on the edge of the current page: `before` gives the page of rows older than
 * it, `after` the page of rows newer than it. The row's own time is read back from the database,
 * so no timestamp passes through the URL and loses its microseconds.
 */
export type ListCursor = { before?: number; after?: number };

export type KeysetPage<T> = {
  rows: T[];
  pageSize: number;
  newerCursor?: { after: number };
  olderCursor?: { before: number };
};

export type KeysetKey = {
  /** The sort columns of the listed rows, e.g. sql`r.posted_at` and sql`r.id`. */
  time: SQL;
  id: SQL;
  /** The same two columns of the cursor's row, e.g. `(id) => sql\`select posted_at, id from reviews where id = ${id}\``. */
  cursorRow: (id: number) => SQL;
};

/** Reviews (aliased `r`) newest first: the seller view's lists and the case page's reviews in scope. */
export const REVIEWS_BY_POSTED_AT: KeysetKey = {
  time: sql`r.posted_at`,
  id: sql`r.id`,
  cursorRow: (id) => sql`select posted_at, id from reviews where id = ${id}`,
};

/** The WHERE condition (`and …`, or nothing on the first page) and ORDER BY of one page. */
export function keysetQuery(key: KeysetKey, cursor: ListCursor): { condition: SQL; orderBy: SQL } {
  if (cursor.after !== undefined) {
    return {
      condition: sql`and (${key.time}, ${key.id}) > (${key.cursorRow(cursor.after)})`,
      orderBy: sql`${key.time} asc, ${key.id} asc`,
    };
  }
  const condition = cursor.before !== undefined ? sql`and (${key.time}, ${key.id}) < (${key.cursorRow(cursor.before)})` : sql``;
  return { condition, orderBy: sql`${key.time} desc, ${key.id} desc` };
}

/**
 * A page from up to `pageSize + 1` rows read in keysetQuery's order (the extra row says there is
 * more that way), newest first, with the cursors to the neighbouring pages.
 */
export function keysetPage<T extends { id: number }>(found: readonly T[], pageSize: number, cursor: ListCursor): KeysetPage<T>;
export function keysetPage<T>(
  found: readonly T[],
  pageSize: number,
  cursor: ListCursor,
  keyOf: (row: T) => number,
): KeysetPage<T>;
export function keysetPage<T>(
  found: readonly T[],
  pageSize: number,
  cursor: ListCursor,
  keyOf: (row: T) => number = (row) => (row as { id: number }).id,
): KeysetPage<T> {
  const isGoingNewer = cursor.after !== undefined;
  const hasMoreThatWay = found.length > pageSize;
  const page = found.slice(0, pageSize);
  const rows = isGoingNewer ? page.reverse() : page;
  const hasNewer = isGoingNewer ? hasMoreThatWay : cursor.before !== undefined;
  const hasOlder = isGoingNewer ? true : hasMoreThatWay;
  return {
    rows,
    pageSize,
    newerCursor: hasNewer && rows.length ? { after: keyOf(rows[0]!) } : undefined,
    olderCursor: hasOlder && rows.length ? { before: keyOf(rows[rows.length - 1]!) } : undefined,
  };
}

/** A cursor from query parameters `<prefix>Before` / `<prefix>After` (positive integer ids; anything else is ignored). */
export function readListCursor(read: (name: string) => string | undefined, prefix: string): ListCursor {
  const id = (name: string) => {
    const value = Number(read(name));
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  const after = id(`${prefix}After`);
  return after !== undefined ? { after } : { before: id(`${prefix}Before`) };
}

/** The query parameters of a cursor, named `<prefix>Before` / `<prefix>After`. */
export function listCursorParams(prefix: string, cursor: ListCursor | undefined): Record<string, number | undefined> {
  return { [`${prefix}Before`]: cursor?.before, [`${prefix}After`]: cursor?.after };
}
