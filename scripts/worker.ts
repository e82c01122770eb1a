/**
 * `npm run worker` — the scheduled jobs (lib/jobs/job-worker.ts): the weekly evaluation on Monday
 * 00:00 in the portal's time zone, nightly housekeeping, every minute the catalog events and
 * seller e-mails that are due, every five minutes the cases whose re-check date has come. Run it
 * beside `npm start`, as its own process; it needs PostgreSQL (DATABASE_URL), where pg-boss keeps
 * the schedule. The npm script execs node with tsx's loader, no wrapper process between: a SIGTERM
 * sent to npm reaches this process, which lets the running jobs finish before it exits.
 */
import { closeDatabase } from "@/db";
import { requireEnvFor } from "@/lib/env";
import { startJobWorker } from "@/lib/jobs/job-worker";
import { logger } from "@/lib/logger";

async function main() {
  const env = requireEnvFor("worker");
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
