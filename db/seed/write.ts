/**
 * Writes a generated portal in one transaction, thousands of rows per INSERT: either the whole
 * portal is there or none of it, so a failed seed can simply be run again.
 */
import { getTableColumns, getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { countRows, queryRows, type Executor, type Transaction } from "@/db";
import {
  complaints,
  messageThreads,
  messages,
  orderStatusChanges,
  orders,
  refunds,
  reviewRatingChanges,
  reviews,
  sellers,
} from "@/db/schema";
import type { SeedData } from "./types";

/** Rows per INSERT: one JSON parameter each, which PGlite and PostgreSQL parse far faster than bound values. */
const CHUNK_SIZE = 5000;

type IdRow = { id: number; externalId: string };

/** Our keys by marketplace id, for the rows that refer to them. */
class KeyMap {
  private readonly ids = new Map<string, number>();

  add(rows: readonly IdRow[]): void {
    for (const row of rows) this.ids.set(row.externalId, Number(row.id));
  }

  get(externalId: string): number {
    const id = this.ids.get(externalId);
    if (id === undefined) throw new Error(`seed: no row was written for ${externalId}`);
    return id;
  }

  getOptional(externalId: string | null): number | null {
    return externalId === null ? null : this.get(externalId);
  }
}

/**
 * `insert into <table> (<columns>) select … from json_populate_recordset(…)`: a chunk of rows in
 * one statement; PostgreSQL casts each JSON value to its column's type (enums, timestamptz …).
 */
function buildChunkInsert<T extends PgTable>(table: T, rows: readonly T["$inferInsert"][], returning: SQL): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] ?? {}).filter((key) => key in columns);
  const names = keys.map((key) => (columns[key] as Column).name);
  const json = rows.map((row) => Object.fromEntries(keys.map((key, i) => [names[i], (row as Record<string, unknown>)[key]])));
  const tableName = sql.identifier(getTableName(table));
  const columnList = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  return sql`insert into ${tableName} (${columnList}) select ${columnList} from json_populate_recordset(null::${tableName}, ${JSON.stringify(json)}::json) ${returning}`;
}

async function insertRows<T extends PgTable>(tx: Transaction, table: T, rows: readonly T["$inferInsert"][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await tx.execute(buildChunkInsert(table, rows.slice(start, start + CHUNK_SIZE), sql``));
  }
}

/** Inserts rows that have a marketplace id and collects the key each got. */
async function insertRowsCollectingKeys<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly T["$inferInsert"][],
): Promise<KeyMap> {
  const keys = new KeyMap();
  const returning = sql`returning id, external_id as "externalId"`;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    keys.add(await queryRows<IdRow>(tx, buildChunkInsert(table, rows.slice(start, start + CHUNK_SIZE), returning)));
  }
  return keys;
}

export async function writePortal(executor: Executor, data: SeedData): Promise<void> {
  await executor.transaction(async (tx) => {
    const sellerRows = data.sellers.map((seller) => ({ ...seller, updatedAt: seller.createdAt }));
    const sellerKeys = await insertRowsCollectingKeys(tx, sellers, sellerRows);
    const orderRows = data.orders.map(({ sellerExternalId, ...order }) => ({
      ...order,
      sellerId: sellerKeys.get(sellerExternalId),
    }));
    const orderKeys = await insertRowsCollectingKeys(tx, orders, orderRows);
    await writeOrderHistory(tx, data, sellerKeys, orderKeys);
    await writeReviews(tx, data, sellerKeys, orderKeys);
    await writeComplaints(tx, data, sellerKeys, orderKeys);
    await writeConversations(tx, data, sellerKeys);
  });
}

async function writeOrderHistory(tx: Transaction, data: SeedData, sellerKeys: KeyMap, orderKeys: KeyMap): Promise<void> {
  const changeRows = data.orderStatusChanges.map(({ sellerExternalId, orderExternalId, ...change }) => ({
    ...change,
    sellerId: sellerKeys.get(sellerExternalId),
    orderId: orderKeys.get(orderExternalId),
  }));
  await insertRows(tx, orderStatusChanges, changeRows);
  const refundRows = data.refunds.map(({ sellerExternalId, orderExternalId, ...refund }) => ({
    ...refund,
    sellerId: sellerKeys.get(sellerExternalId),
    orderId: orderKeys.get(orderExternalId),
  }));
  await insertRows(tx, refunds, refundRows);
}

async function writeReviews(tx: Transaction, data: SeedData, sellerKeys: KeyMap, orderKeys: KeyMap): Promise<void> {
  const reviewRows = data.reviews.map(({ sellerExternalId, orderExternalId, ...review }) => ({
    ...review,
    sellerId: sellerKeys.get(sellerExternalId),
    orderId: orderKeys.getOptional(orderExternalId),
  }));
  const reviewKeys = await insertRowsCollectingKeys(tx, reviews, reviewRows);
  const changeRows = data.reviewRatingChanges.map(({ sellerExternalId, reviewExternalId, ...change }) => ({
    ...change,
    sellerId: sellerKeys.get(sellerExternalId),
    reviewId: reviewKeys.get(reviewExternalId),
  }));
  await insertRows(tx, reviewRatingChanges, changeRows);
}

async function writeComplaints(tx: Transaction, data: SeedData, sellerKeys: KeyMap, orderKeys: KeyMap): Promise<void> {
  const complaintRows = data.complaints.map(({ sellerExternalId, orderExternalId, ...complaint }) => ({
    ...complaint,
    sellerId: sellerKeys.get(sellerExternalId),
    orderId: orderKeys.getOptional(orderExternalId),
  }));
  await insertRows(tx, complaints, complaintRows);
}

async function writeConversations(tx: Transaction, data: SeedData, sellerKeys: KeyMap): Promise<void> {
  const threadRows = data.messageThreads.map(({ sellerExternalId, ...thread }) => ({
    ...thread,
    sellerId: sellerKeys.get(sellerExternalId),
  }));
  const threadKeys = await insertRowsCollectingKeys(tx, messageThreads, threadRows);
  const messageRows = data.messages.map(({ sellerExternalId, threadExternalId, ...message }) => ({
    ...message,
    sellerId: sellerKeys.get(sellerExternalId),
    threadId: threadKeys.get(threadExternalId),
  }));
  await insertRows(tx, messages, messageRows);
}

export async function hasSellers(executor: Executor): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(executor, sql`select exists (select 1 from sellers) as found`);
  return rows[0]?.found === true;
}

/** The tables the seed fills, plus the accounts and their audit entries. */
const COUNTED_TABLES = [
  "sellers",
  "orders",
  "order_status_changes",
  "reviews",
  "review_rating_changes",
  "complaints",
  "message_threads",
  "messages",
  "refunds",
  "users",
  "audit_log",
] as const;

export async function countSeededRows(executor: Executor): Promise<{ table: string; rows: number }[]> {
  const counts = await countRows(executor, COUNTED_TABLES);
  return COUNTED_TABLES.map((table) => ({ table, rows: counts[table] }));
}
