/**
 * `npm run worker` — the scheduled jobs (lib/jobs/job-worker.ts): the weekly evaluation on Monday
 * 00:00 in the portal's time zone, nightly housekeeping, every minute the catalog events and
 * seller e-mails that are due, every five minutes the cases whose re-check date has come. Run it
 * beside `npm start`, as its own process; it needs PostgreSQL (DATABASE_URL), where pg-boss keeps
 * the schedule.
 */
import { closeDatabase } from "@/db";
import { env } from "@/lib/env";
import { startJobWorker } from "@/lib/jobs/job-worker";
import { logger } from "@/lib/logger";

async function main() {
  if (!env.DATABASE_URL) {
    console.error(
      "worker: scheduled jobs need PostgreSQL (set DATABASE_URL). On the embedded database, run `npm run evaluate` instead.",
    );
    process.exit(2);
  }
  const worker = await startJobWorker({ connectionString: env.DATABASE_URL, timeZone: env.PORTAL_TIME_ZONE });
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "worker stopping");
    await worker.stop();
    await closeDatabase();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch(async (error: unknown) => {
  console.error(error);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
