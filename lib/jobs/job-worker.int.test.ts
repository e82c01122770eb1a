import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { signInAttempts } from "@/db/schema";
import { pruneSignInAttempts, QUEUES, startJobWorker, WEEKLY_EVALUATION_CRON, type JobWorker } from "@/lib/jobs/job-worker";

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
    queryRows<{ as_of: Date | string; requested_by: string }>(db, sql`select as_of, requested_by from evaluations where status = 'completed'`);
  await expect.poll(async () => (await evaluations()).length, { timeout: 30_000, interval: 500 }).toBe(1);
  const [evaluation] = await evaluations();
  expect(new Date(evaluation!.as_of).toISOString()).toBe("2026-11-22T22:00:00.000Z");
  expect(evaluation!.requested_by).toBe("scheduler");

  // A retry or a second tick the same week finds the evaluation made already.
  const jobId = await worker.boss.send(QUEUES.weeklyEvaluation, {});
  await expect.poll(async () => (await worker.boss.getJobById(QUEUES.weeklyEvaluation, jobId!))?.state, { timeout: 30_000, interval: 500 }).toBe("completed");
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
