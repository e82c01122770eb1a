/**
 * The one database client. With DATABASE_URL set: PostgreSQL through postgres.js. Without it: an
 * embedded PostgreSQL (PGlite) stored in DATA_DIR, so the app runs with nothing else installed.
 * Both speak the same SQL and get the same committed migrations.
 *
 * The client is created on first use, not on import: `next build` imports server modules in
 * several worker processes, and PGlite's files must only ever be opened by one process.
 */
import path from "node:path";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { claimDataDirectory } from "./pglite-lock";
import * as schema from "./schema";

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that runs queries: the client or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

export function connectPostgres(url: string, options: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, {
    max: options.max ?? env.DB_POOL_SIZE,
    onnotice: () => {},
    // The portal's business rules use UTC instants; time zones are applied explicitly in SQL.
    connection: { TimeZone: "UTC" },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * One more PostgreSQL connection, outside the pool, for work that runs beside a transaction of
 * the pool's (the evaluation's side passes): taken from the pool instead, it could wait forever
 * for a connection held by requests that themselves wait on that transaction. Null on PGlite,
 * which has only the one connection.
 */
export function openExtraConnection(): DatabaseHandle | null {
  const handle = getDatabaseHandle();
  if (handle.kind !== "postgres" || !env.DATABASE_URL) return null;
  return connectPostgres(env.DATABASE_URL, { max: 1 });
}

/**
 * The postgres.js client under a transaction opened on PostgreSQL, for what drizzle does not wrap:
 * COPY streams. (drizzle keeps it as the transaction's `session.client`.)
 */
export function postgresClientOf(tx: Transaction): postgres.Sql {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (typeof client !== "function" || typeof (client as postgres.Sql).unsafe !== "function") {
    throw new Error("Not a transaction on PostgreSQL through postgres.js");
  }
  return client as postgres.Sql;
}

/** `dataDir` undefined: an in-memory database (used by tests that compare migrations). */
export function connectPglite(dataDir: string | undefined): DatabaseHandle {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const release = dataDir ? claimDataDirectory(dataDir) : () => {};
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

const globalForDb = globalThis as unknown as { catalogGuardDb?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.catalogGuardDb ??= env.DATABASE_URL
    ? connectPostgres(env.DATABASE_URL)
    : connectPglite(path.resolve(env.DATA_DIR, "pglite"));
  return globalForDb.catalogGuardDb;
}

export async function closeDatabase(): Promise<void> {
  const handle = globalForDb.catalogGuardDb;
  globalForDb.catalogGuardDb = undefined;
  await handle?.close();
}

/** The shared client, connected on first use. */
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const real = getDatabaseHandle().db;
    const value = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
});

/** Rows of a raw query, whichever driver ran it (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Rows in each of `tables`, in one statement (table names are ours, never user input). */
export async function countRows<T extends string>(executor: Executor, tables: readonly T[]): Promise<Record<T, number>> {
  const counts = tables.map((table) => `(select count(*)::int from ${table}) as ${table}`);
  const [row] = await queryRows<Record<string, number>>(executor, sql.raw(`select ${counts.join(", ")}`));
  return Object.fromEntries(tables.map((table) => [table, Number(row?.[table] ?? 0)])) as Record<T, number>;
}

export { schema };
