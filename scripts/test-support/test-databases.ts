/**
 * Integration tests run against a real PostgreSQL server (started by scripts/test.sh, URL in
 * TEST_DATABASE_URL). The global setup migrates a template database once; each test file then
 * gets a fresh copy of it, so files are independent and can run in parallel.
 */
import postgres from "postgres";

export const TEMPLATE_DATABASE = "catalog_guard_template";

export function requireTestServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set: integration tests need a PostgreSQL server. Run them with `npm test`, which starts one.",
    );
  }
  return url;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function withServer<T>(serverUrl: string, body: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await body(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabaseFromTemplate(serverUrl: string, name: string): Promise<string> {
  await withServer(serverUrl, (sql) => sql.unsafe(`create database "${name}" template "${TEMPLATE_DATABASE}"`));
  return databaseUrl(serverUrl, name);
}
