import "server-only";
import type { SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { offsetPage, offsetPaging, type OffsetPage } from "@/lib/search/offset-paging";

/** The moderators' queues show this many rows a page. */
export const QUEUE_PAGE_SIZE = 25;

export type QueuePage<T> = OffsetPage<T>;

/** A page of a queue: `limit`/`offset` for the query (lib/search/offset-paging.ts). */
export function queuePaging(page: number) {
  return offsetPaging(page, QUEUE_PAGE_SIZE);
}

export function toQueuePage<T>(rows: T[], total: number, page: number): QueuePage<T> {
  return offsetPage(rows, total, { page, pageSize: QUEUE_PAGE_SIZE });
}

/** Runs a `select count(*)::int as n …` query. */
export async function countMatches(query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, query);
  return Number(row?.n ?? 0);
}
