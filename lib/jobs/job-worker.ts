import "server-only";
import { lt } from "drizzle-orm";
import PgBoss from "pg-boss";
import { db } from "@/db";
import { signInAttempts } from "@/db/schema";
import { verifyAndRecordAuditChain } from "@/lib/audit/verify-and-record-audit-chain";
import type { Actor } from "@/lib/auth/actor";
import { markDueCases } from "@/lib/cases/mark-due-cases";
import { currentTime } from "@/lib/clock";
import { runDeliveryPass } from "@/lib/delivery/kick-delivery";
import { logger } from "@/lib/logger";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { runEvaluation } from "@/lib/quality/run-evaluation";

/**
 * Scheduled work, through pg-boss on the same PostgreSQL: the weekly evaluation (Monday 00:00 in
 * the portal's time zone), the nightly pruning of old sign-in attempts, and every minute the delivery
 * of catalog events and seller e-mails that are due (lib/delivery), and every five minutes the cases
 * whose re-check date has come, and each night the audit chain's verification. pg-boss keeps the
 * schedule in the database, so several app instances may all start a worker: each cron tick
 * becomes one job, and a singleton queue runs one evaluation at a time. A job that fails is
 * retried; the evaluation itself is idempotent per asOf, so a retry never makes a second one.
 */

export const QUEUES = {
  weeklyEvaluation: "quality-evaluation-weekly",
  pruneSignInAttempts: "prune-sign-in-attempts",
  delivery: "deliver-outbox-and-email",
  dueCases: "mark-due-cases",
  verifyAuditChain: "verify-audit-chain",
} as const;

/** Minute, hour, day of month, month, day of week (1 = Monday). */
export const WEEKLY_EVALUATION_CRON = "0 0 * * 1";
const PRUNE_CRON = "30 3 * * *";
/** Retries of failed deliveries are due at their own times; a pass each minute picks them up. */
export const DELIVERY_CRON = "* * * * *";
/** Cases whose re-check date came are recorded as due (decisions never wait for it). */
export const DUE_CASES_CRON = "*/5 * * * *";
/** Each night the audit chain is walked and the result recorded (the audit page shows the latest). */
export const VERIFY_AUDIT_CHAIN_CRON = "45 2 * * *";
/** Long enough for the rate limits (15 minutes) and for looking into an incident. */
const SIGN_IN_ATTEMPTS_KEPT_DAYS = 30;

const SCHEDULER_ACTOR: Actor = { kind: "system", label: "scheduler" };

export type JobWorker = { boss: PgBoss; stop: () => Promise<void> };

export async function startJobWorker(options: {
  connectionString: string;
  timeZone: string;
  clock?: () => Date;
}): Promise<JobWorker> {
  const clock = options.clock ?? currentTime;
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: "pgboss",
    max: 2,
    application_name: "catalog-guard-jobs",
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();

  await ensureQueue(boss, {
    name: QUEUES.weeklyEvaluation,
    policy: "singleton",
    retryLimit: 3,
    retryDelay: 600,
    retryBackoff: true,
    expireInSeconds: 3 * 3600,
  });
  await ensureQueue(boss, { name: QUEUES.pruneSignInAttempts, policy: "singleton", retryLimit: 2, expireInSeconds: 600 });
  // Stately: one pass at a time and at most one waiting; a failed pass is not retried, the next minute's is the retry.
  await ensureQueue(boss, { name: QUEUES.delivery, policy: "stately", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(QUEUES.weeklyEvaluation, WEEKLY_EVALUATION_CRON, {}, { tz: options.timeZone });
  await boss.schedule(QUEUES.pruneSignInAttempts, PRUNE_CRON, {}, { tz: options.timeZone });
  await ensureQueue(boss, { name: QUEUES.dueCases, policy: "stately", retryLimit: 0, expireInSeconds: 300 });
  await boss.schedule(QUEUES.delivery, DELIVERY_CRON, {}, { tz: options.timeZone });
  await boss.schedule(QUEUES.dueCases, DUE_CASES_CRON, {}, { tz: options.timeZone });
  await ensureQueue(boss, { name: QUEUES.verifyAuditChain, policy: "singleton", retryLimit: 1, expireInSeconds: 3600 });
  await boss.schedule(QUEUES.verifyAuditChain, VERIFY_AUDIT_CHAIN_CRON, {}, { tz: options.timeZone });

  await boss.work(QUEUES.weeklyEvaluation, async () => {
    const summary = await runEvaluation({ actor: SCHEDULER_ACTOR, now: clock() });
    logger.info(
      { evaluationId: summary.evaluationId, asOf: summary.asOf, flagged: summary.flagged.length },
      "weekly evaluation done",
    );
    await computeReviewSignals({ actor: SCHEDULER_ACTOR, evaluationId: summary.evaluationId, now: clock() });
  });
  await boss.work(QUEUES.pruneSignInAttempts, async () => {
    await pruneSignInAttempts(clock());
  });
  await boss.work(QUEUES.delivery, async () => {
    const result = await runDeliveryPass(clock());
    logger.debug({ result }, "delivery pass done");
  });
  await boss.work(QUEUES.dueCases, async () => {
    const marked = await markDueCases(clock());
    if (marked > 0) logger.info({ marked }, "cases due for re-check");
  });
  await boss.work(QUEUES.verifyAuditChain, async () => {
    const result = await verifyAndRecordAuditChain({ actor: SCHEDULER_ACTOR, now: clock() });
    if (result.ok) logger.info({ result }, "audit chain intact");
    else logger.error({ result }, "audit chain BROKEN");
  });
  logger.info({ timeZone: options.timeZone }, "job worker started");
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }) };
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  if (await boss.getQueue(queue.name)) return boss.updateQueue(queue.name, queue);
  try {
    await boss.createQueue(queue.name, queue);
  } catch (error) {
    // Another instance created it a moment ago.
    if (!(await boss.getQueue(queue.name))) throw error;
  }
}

/** Sign-in attempts older than the retention period are of no use to the limits and are personal data. */
export async function pruneSignInAttempts(now: Date): Promise<number> {
  const before = new Date(now.getTime() - SIGN_IN_ATTEMPTS_KEPT_DAYS * 86_400_000);
  const deleted = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.attemptedAt, before))
    .returning({ id: signInAttempts.id });
  logger.info({ deleted: deleted.length, before }, "pruned sign-in attempts");
  return deleted.length;
}
