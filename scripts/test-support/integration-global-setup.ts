import { connectPostgres } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { TEMPLATE_DATABASE, databaseUrl, requireTestServerUrl, withServer } from "./test-databases";

export default async function setup() {
  const serverUrl = requireTestServerUrl();
  await withServer(serverUrl, async (sql) => {
    await sql.unsafe(`drop database if exists "${TEMPLATE_DATABASE}" with (force)`);
    await sql.unsafe(`create database "${TEMPLATE_DATABASE}"`);
  });
  const url = databaseUrl(serverUrl, TEMPLATE_DATABASE);
  const handle = connectPostgres(url, { max: 2 });
  try {
    await migrateDatabase(handle, url);
  } finally {
    await handle.close();
  }
}
