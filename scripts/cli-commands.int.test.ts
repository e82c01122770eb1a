/**
 * The README's commands, started as a person starts them (`npm run …` in the repository) on
 * PostgreSQL, each checked for what the README promises, and `npm start` and `npm run worker`
 * refusing a bad environment. `user:create` and `api-key:create` are tested the same way in their
 * own files beside this one, `audit:verify` on a tampered trail in lib/audit/audit-tamper.int.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { auditLog, cases } from "@/db/schema";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { QUEUES } from "@/lib/jobs/job-worker";
import { MESSAGES } from "@/lib/i18n/messages";
import { DEMO_ACCOUNTS } from "@/db/seed/demo-accounts";
import { isRunning } from "@/scripts/lib/processes";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { DAY_MS } from "@/scripts/test-support/events";
import { createTestUser } from "@/scripts/test-support/factories";
import { runScript, startScript, type ScriptEnv } from "@/scripts/test-support/run-script";
import { startSmtpReceiver } from "@/scripts/test-support/smtp-receiver";
import { databaseUrl, requireTestServerUrl, withServer } from "@/scripts/test-support/test-databases";
import { startWebhookReceiver } from "@/scripts/test-support/webhook-receiver";

const SESSION_SECRET = "session-secret-session-secret-session-secret";
const WEBHOOK_SECRET = "webhook-secret-webhook-secret-webhook-secret";
const MIGRATIONS = fs.readdirSync(path.resolve(__dirname, "../db/migrations")).filter((file) => file.endsWith(".sql"));

describe("[OPERATOR] setting up a portal on an empty PostgreSQL", () => {
  const name = `cg_cli_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = databaseUrl(requireTestServerUrl(), name);
  let sqlClient: postgres.Sql;
  const on = { DATABASE_URL: url };

  beforeAll(async () => {
    await withServer(requireTestServerUrl(), (server) => server.unsafe(`create database "${name}"`));
    sqlClient = postgres(url, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sqlClient?.end();
    await withServer(requireTestServerUrl(), (server) => server.unsafe(`drop database if exists "${name}" with (force)`));
  });

  test("db:migrate, db:seed, evaluate and audit:verify do what the README says", async () => {
    const migrated = await runScript("db:migrate", [], { env: on });
    expect(migrated).toMatchObject({ code: 0, stdout: expect.stringMatching(/migrations applied \(postgres\)/) });
    const [applied] = await sqlClient`select count(*)::int as count from drizzle.__drizzle_migrations`;
    expect(applied!.count).toBe(MIGRATIONS.length);

    // The demo accounts' passwords are published: a production database is refused, and nothing written.
    const refused = await runScript("db:seed", ["--sellers", "20"], { env: on });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refusing to seed with NODE_ENV=production");
    const [before] =
      await sqlClient`select (select count(*) from sellers)::int as sellers, (select count(*) from users)::int as users`;
    expect(before).toEqual({ sellers: 0, users: 0 });

    const seeded = await runScript("db:seed", ["--sellers", "20"], { env: { ...on, NODE_ENV: "development" } });
    expect(seeded.code).toBe(0);
    for (const account of DEMO_ACCOUNTS) expect(seeded.stdout).toMatch(new RegExp(`${account.email}\\s+${account.password}`));
    const [after] =
      await sqlClient`select (select count(*) from sellers)::int as sellers, (select count(*) from reviews)::int as reviews`;
    expect(after!.sellers).toBe(20);
    expect(after!.reviews).toBeGreaterThan(0);
    const accounts = await sqlClient<{ email: string; role: string }[]>`select email, role from users`;
    const byEmail = (a: { email: string }, b: { email: string }) => a.email.localeCompare(b.email);
    expect([...accounts].sort(byEmail)).toEqual(DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })).sort(byEmail));
    const again = await runScript("db:seed", ["--sellers", "20"], { env: { ...on, NODE_ENV: "development" } });
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining("database already seeded") });

    // Monday 00:00 in the portal's time zone (Kyiv, UTC+2 in November); the same week again reuses it.
    const asOf = ["--as-of", "2026-11-23T00:00:00+02:00"];
    const evaluated = await runScript("evaluate", asOf, { env: on });
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toMatch(/evaluation \d+ as of 2026-11-22T22:00:00.000Z, policy v1: 20 sellers, \d+ flagged/);
    const evaluations = await sqlClient`select id, status, sellers_evaluated, requested_by from evaluations`;
    expect(evaluations).toEqual([
      expect.objectContaining({
        status: "completed",
        sellers_evaluated: 20,
        requested_by: expect.stringMatching(/^cli:evaluate/),
      }),
    ]);
    const reused = await runScript("evaluate", asOf, { env: on });
    expect(reused.stdout).toContain(`evaluation ${evaluations[0]!.id} as of 2026-11-22T22:00:00.000Z`);
    expect(await sqlClient`select id from evaluations`).toHaveLength(1);

    const verified = await runScript("audit:verify", [], { env: on });
    const [entries] = await sqlClient`select count(*)::int as count from audit_log`;
    expect(entries!.count).toBeGreaterThan(DEMO_ACCOUNTS.length);
    // The walk checked every entry before it, then recorded its own result as the last one.
    expect(verified).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`audit trail intact: ${entries!.count - 1} entries checked`),
    });
    const [recorded] = await sqlClient`select action, after from audit_log order by seq desc limit 1`;
    expect(recorded).toEqual({
      action: "audit.verified",
      after: { ok: true, entries: entries!.count - 1, lastSeq: entries!.count - 1 },
    });
  }, 120_000);
});

/** Puts a job on a queue now, as its cron tick would, so the test need not wait for the minute. */
async function sendJobs(queues: string[]) {
  const boss = new PgBoss({
    connectionString: process.env.DATABASE_URL!,
    schema: "pgboss",
    max: 1,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    for (const queue of queues) await boss.send(queue, {});
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

test("[OPERATOR] npm run worker stays up, schedules the weekly evaluation for Monday 00:00 portal time, runs due jobs, and stops on SIGTERM", async () => {
  const smtp = await startSmtpReceiver();
  const webhook = await startWebhookReceiver();
  // A case opened 15 days ago: its re-check date has come, its e-mail and catalog event are undelivered.
  const openedAt = new Date(Date.now() - 15 * DAY_MS);
  const { actor } = await createTestUser("moderator");
  const flagged = await createFlaggedSeller({ now: openedAt });
  const { user: sellerAccount } = await createTestUser("seller", { sellerExternalId: flagged.externalId });
  const { case: dueCase } = await openCaseFromFlag({ actor, input: { flagId: flagged.flag.id }, now: openedAt });

  const worker = startScript("worker", [], {
    env: {
      PORTAL_TIME_ZONE: "America/Chicago",
      LOG_LEVEL: "info",
      NEXTAUTH_URL: "https://guard.example.test",
      SMTP_URL: smtp.url,
      CATALOG_WEBHOOK_URL: `${webhook.url}/hooks`,
      CATALOG_WEBHOOK_SECRET: WEBHOOK_SECRET,
    },
  });
  let processes: number[] = [];
  try {
    await worker.waitForOutput(/job worker started/, 45_000);
    processes = worker.processTree();
    const schedules = await queryRows<{ name: string; cron: string; timezone: string }>(
      db,
      sql`select name, cron, timezone from pgboss.schedule order by name`,
    );
    expect(schedules).toContainEqual({ name: QUEUES.weeklyEvaluation, cron: "0 0 * * 1", timezone: "America/Chicago" });
    expect(schedules.map((schedule) => schedule.name).sort()).toEqual(Object.values(QUEUES).sort());

    await sendJobs([QUEUES.dueCases, QUEUES.delivery]);
    const statusOf = async () =>
      (await db.select({ status: cases.status }).from(cases).where(eq(cases.id, dueCase.id)))[0]?.status;
    await expect.poll(statusOf, { timeout: 30_000, interval: 250 }).toBe("DUE_FOR_RECHECK");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "case.due_for_recheck"))).toEqual([
      expect.objectContaining({ entityId: String(dueCase.id), actorLabel: "scheduler" }),
    ]);
    await expect
      .poll(() => webhook.received.map(({ type, sellerId }) => ({ type, sellerId })), { timeout: 30_000 })
      .toEqual([{ type: "seller.excluded", sellerId: flagged.externalId }]);
    await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(1);
    expect(smtp.received[0]).toMatchObject({
      to: [sellerAccount.email],
      subject: MESSAGES.en.notifications.case_opened.title,
      text: expect.stringContaining("https://guard.example.test/seller/inbox"),
    });
    expect(worker.process.exitCode).toBeNull();

    worker.process.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output()).toMatch(/worker stopping/);
    // npm and the worker itself: neither is left running (an orphaned worker would run on).
    await expect.poll(() => processes.filter(isRunning).map(commandLineOf), { timeout: 5_000 }).toEqual([]);
  } finally {
    for (const pid of new Set([...processes, ...worker.processTree()])) if (isRunning(pid)) process.kill(pid, "SIGKILL");
    await smtp.close();
    await webhook.close();
  }
}, 120_000);

/** "pid command line" of a process, for the failure message. */
function commandLineOf(pid: number): string {
  try {
    return `${pid} ${fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").trim()}`;
  } catch {
    return String(pid);
  }
}

describe("[OPERATOR] a missing or malformed variable stops npm start and npm run worker with one line naming it", () => {
  // lib/env.test.ts names every variable's problem; here, each way a process is refused.
  type Refusal = { story: string; env: ScriptEnv; line: string; commands?: ("start" | "worker")[] };
  const REFUSALS: Refusal[] = [
    { story: "no NEXTAUTH_SECRET", env: { NEXTAUTH_SECRET: "" }, line: "NEXTAUTH_SECRET: is required", commands: ["start"] },
    {
      story: "a NEXTAUTH_SECRET that is too short",
      env: { NEXTAUTH_SECRET: "too-short" },
      line: "NEXTAUTH_SECRET: must be at least 32 characters",
    },
    {
      story: "no DATABASE_URL for the worker",
      env: { DATABASE_URL: "" },
      line: "DATABASE_URL: is required",
      commands: ["worker"],
    },
    {
      story: "a DATABASE_URL that is not PostgreSQL's",
      env: { DATABASE_URL: "mysql://db.example.com/guard" },
      line: "DATABASE_URL: must be a postgres:// connection string",
    },
    {
      story: "CATALOG_WEBHOOK_URL without its secret",
      env: { CATALOG_WEBHOOK_URL: "https://catalog.example.com/hooks" },
      line: "CATALOG_WEBHOOK_SECRET: is required when CATALOG_WEBHOOK_URL is set",
    },
    { story: "an unknown PORTAL_TIME_ZONE", env: { PORTAL_TIME_ZONE: "Mars/Olympus" }, line: "PORTAL_TIME_ZONE:" },
  ];
  const runs = (["start", "worker"] as const).flatMap((command) =>
    REFUSALS.filter((refusal) => !refusal.commands || refusal.commands.includes(command)).map((refusal) => ({
      command,
      ...refusal,
    })),
  );

  test.concurrent.each(runs)("npm $command: $story", async ({ command, env, line }) => {
    const { code, stdout, stderr } = await runScript(command, [], {
      env: { NEXTAUTH_SECRET: SESSION_SECRET, PORT: "0", ...env },
      timeoutMs: 60_000,
    });
    expect(code).toBe(1);
    // Besides the one line only npm's "> command" banners, and the migrations `npm start` applies first.
    const lines = `${stdout}\n${stderr}`
      .split("\n")
      .filter((text) => text.trim() !== "" && !text.startsWith("> ") && !text.startsWith("migrations applied"));
    expect(lines).toEqual([expect.stringMatching(/^Invalid environment: /)]);
    expect(lines[0]).toContain(line);
  });
});
