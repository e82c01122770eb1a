import "server-only";
import type { SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";

/** The moderators' queues show this many rows a page. */
export const QUEUE_PAGE_SIZE = 25;

export type QueuePage<T> = { rows: T[]; page: number; pageSize: number; total: number; pageCount: number };

/** A page of a queue: `limit`/`offset` for the query, and the page as the UI shows it. */
export function queuePaging(page: number) {
  const safePage = Number.isSafeInteger(page) && page >= 1 ? Math.min(page, 10_000) : 1;
  return { page: safePage, limit: QUEUE_PAGE_SIZE, offset: (safePage - 1) * QUEUE_PAGE_SIZE };
}

export function toQueuePage<T>(rows: T[], total: number, page: number): QueuePage<T> {
  return { rows, page, pageSize: QUEUE_PAGE_SIZE, total, pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)) };
}

/** Runs a `select count(*)::int as n …` query. */
export async function countMatches(query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, query);
  return Number(row?.n ?? 0);
}
