import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";

/** Every table an event batch can write to: a rejected batch must leave all of them as they were. */
export const INGESTION_TABLES = [
  "sellers",
  "orders",
  "order_status_changes",
  "reviews",
  "review_rating_changes",
  "complaints",
  "message_threads",
  "messages",
  "refunds",
  "ingested_events",
] as const;

export async function countIngestedRows(): Promise<Record<string, number>> {
  const columns = INGESTION_TABLES.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(", ");
  const [row] = await queryRows<Record<string, number>>(db, sql.raw(`select ${columns}`));
  return Object.fromEntries(INGESTION_TABLES.map((table) => [table, Number(row?.[table])]));
}
