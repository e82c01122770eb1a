import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { auditLog, cases, notifications, signInAttempts } from "@/db/schema";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import {
  DELIVERY_CRON,
  DUE_CASES_CRON,
  pruneSignInAttempts,
  QUEUES,
  startJobWorker,
  WEEKLY_EVALUATION_CRON,
  VERIFY_AUDIT_CHAIN_CRON,
  type JobWorker,
} from "@/lib/jobs/job-worker";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

// A job that fires a few seconds after Monday 00:00 in Kyiv (22:00 UTC on Sunday in winter).
const CLOCK = new Date("2026-11-23T00:00:04+02:00");
let worker: JobWorker;

beforeAll(async () => {
  worker = await startJobWorker({ connectionString: process.env.DATABASE_URL!, timeZone: "Europe/Kyiv", clock: () => CLOCK });
}, 60_000);
afterAll(async () => {
  await worker?.stop();
});

test("[SCHEDULER] the weekly evaluation is scheduled for Monday 00:00 in the portal's time zone", async () => {
  const schedules = await worker.boss.getSchedules();
  const weekly = schedules.find((schedule) => schedule.name === QUEUES.weeklyEvaluation);
  expect(weekly).toMatchObject({ cron: WEEKLY_EVALUATION_CRON, timezone: "Europe/Kyiv" });
  expect(WEEKLY_EVALUATION_CRON).toBe("0 0 * * 1");
});

test("[SCHEDULER] a weekly job runs the evaluation as of that Monday 00:00, once however often it fires", async () => {
  await worker.boss.send(QUEUES.weeklyEvaluation, {});
  const evaluations = async () =>
    queryRows<{ as_of: Date | string; requested_by: string }>(
      db,
      sql`select as_of, requested_by from evaluations where status = 'completed'`,
    );
  await expect.poll(async () => (await evaluations()).length, { timeout: 30_000, interval: 500 }).toBe(1);
  const [evaluation] = await evaluations();
  expect(new Date(evaluation!.as_of).toISOString()).toBe("2026-11-22T22:00:00.000Z");
  expect(evaluation!.requested_by).toBe("scheduler");

  // A retry or a second tick the same week finds the evaluation made already.
  const jobId = await worker.boss.send(QUEUES.weeklyEvaluation, {});
  await expect
    .poll(async () => (await worker.boss.getJobById(QUEUES.weeklyEvaluation, jobId!))?.state, { timeout: 30_000, interval: 500 })
    .toBe("completed");
  expect(await evaluations()).toHaveLength(1);
}, 90_000);

test("[SCHEDULER] nightly pruning removes sign-in attempts older than 30 days and keeps the rest", async () => {
  const now = new Date("2026-11-23T03:30:00Z");
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  await db.insert(signInAttempts).values([
    { email: "old@example.test", ip: "10.0.0.1", outcome: "failed", attemptedAt: daysAgo(31) },
    { email: "recent@example.test", ip: "10.0.0.1", outcome: "failed", attemptedAt: daysAgo(29) },
  ]);
  expect(await pruneSignInAttempts(now)).toBe(1);
  const left = await db.select({ email: signInAttempts.email }).from(signInAttempts);
  expect(left.map((row) => row.email)).toEqual(["recent@example.test"]);
});

test("[SCHEDULER] due catalog events and seller e-mails are delivered every minute", async () => {
  const schedules = await worker.boss.getSchedules();
  expect(schedules.find((schedule) => schedule.name === QUEUES.delivery)).toMatchObject({ cron: DELIVERY_CRON });
  expect(DELIVERY_CRON).toBe("* * * * *");

  // A delivery job runs a pass: the test environment has no SMTP, so a pending e-mail is skipped.
  const seller = await createTestSeller();
  const [notification] = await db
    .insert(notifications)
    .values({
      sellerId: seller.id,
      kind: "case_reinstated",
      payload: { kind: "case_reinstated", caseId: 1, reinstatedAt: CLOCK.toISOString() },
    })
    .returning();
  await worker.boss.send(QUEUES.delivery, {});
  const statusOf = async () =>
    (await queryRows<{ email_status: string }>(db, sql`select email_status from notifications where id = ${notification!.id}`))[0]
      ?.email_status;
  await expect.poll(statusOf, { timeout: 30_000, interval: 500 }).toBe("skipped");
}, 60_000);

test("[SCHEDULER] every five minutes, cases whose re-check date has come are recorded as due, audited", async () => {
  const schedules = await worker.boss.getSchedules();
  expect(schedules.find((schedule) => schedule.name === QUEUES.dueCases)).toMatchObject({ cron: DUE_CASES_CRON });
  const { actor } = await createTestUser("moderator");
  const openedAt = new Date(CLOCK.getTime() - 15 * 86_400_000);
  const due = await createFlaggedSeller({ now: openedAt });
  const { case: dueCase } = await openCaseFromFlag({ actor, input: { flagId: due.flag.id }, now: openedAt });
  const recent = await createFlaggedSeller({ now: CLOCK });
  const { case: recentCase } = await openCaseFromFlag({ actor, input: { flagId: recent.flag.id }, now: CLOCK });

  await worker.boss.send(QUEUES.dueCases, {});
  const statusOf = async (id: number) =>
    (await db.select({ status: cases.status }).from(cases).where(eq(cases.id, id)))[0]?.status;
  await expect.poll(() => statusOf(dueCase.id), { timeout: 30_000, interval: 500 }).toBe("DUE_FOR_RECHECK");
  expect(await statusOf(recentCase.id)).toBe("EXCLUDED");
  const entries = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "case.due_for_recheck"), eq(auditLog.entityId, String(dueCase.id))));
  expect(entries).toEqual([expect.objectContaining({ actorRole: "system", actorLabel: "scheduler" })]);
}, 60_000);

test("[SCHEDULER] each night the audit chain is walked and the result recorded for the audit page", async () => {
  const schedules = await worker.boss.getSchedules();
  expect(schedules.find((schedule) => schedule.name === QUEUES.verifyAuditChain)).toMatchObject({
    cron: VERIFY_AUDIT_CHAIN_CRON,
    options: expect.objectContaining({ tz: "Europe/Kyiv" }),
  });
  const jobId = await worker.boss.send(QUEUES.verifyAuditChain, {});
  await expect
    .poll(async () => (await worker.boss.getJobById(QUEUES.verifyAuditChain, jobId!))?.state, { timeout: 30_000, interval: 500 })
    .toBe("completed");
  const [recorded] = await db
    .select({ actorLabel: auditLog.actorLabel, after: auditLog.after, occurredAt: auditLog.occurredAt })
    .from(auditLog)
    .where(eq(auditLog.action, "audit.verified"));
  expect(recorded).toMatchObject({ actorLabel: "scheduler", after: { ok: true }, occurredAt: CLOCK });
}, 60_000);
