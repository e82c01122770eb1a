import { countRows, db } from "@/db";

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
  return countRows(db, INGESTION_TABLES);
}
