/**
 * Applies the committed migrations (db/migrations) to PostgreSQL or to the embedded PGlite.
 * `npm run db:migrate`; also run by `npm start`/`npm run dev` before the app serves.
 */
import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { closeDatabase, getDatabaseHandle, type DatabaseHandle } from "./index";

export const MIGRATIONS_FOLDER = path.resolve(__dirname, "migrations");
/** Held while migrating, so two app instances starting together do not migrate twice. */
const MIGRATION_LOCK_KEY = 727000;

export async function migrateDatabase(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  if (handle.kind === "pglite") {
    // PGlite is single-process: nobody else can be migrating it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!databaseUrl) throw new Error("migrateDatabase: a PostgreSQL handle needs its URL for the lock");
  const lockClient = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePostgres(handle.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await lockClient.end({ timeout: 5 });
  }
}

async function main() {
  const handle = getDatabaseHandle();
  const started = Date.now();
  await migrateDatabase(handle, process.env.DATABASE_URL);
  console.log(`migrations applied (${handle.kind}) in ${Date.now() - started} ms`);
  await closeDatabase();
}

if (require.main === module) {
  main().catch(async (error) => {
    console.error(error);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
}
