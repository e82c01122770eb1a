/**
 * An evaluation run is atomic and serialised (lib/quality/run-evaluation.ts): two runs of the same
 * asOf make one evaluation, a run killed half way leaves nothing behind, a future asOf is refused.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { count, desc, eq } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, evaluationSellers, evaluations, flags, portalMetrics, scoringPolicies, sellerMetrics } from "@/db/schema";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { DAY_MS, TEST_ACTOR, evenly, ingest, marketplaceId, shopEvents, type ShopPlan } from "@/scripts/test-support/events";

const NOW = new Date("2026-11-20T12:00:00Z");
const evaluate = (asOf: Date) => runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW });

/**
 * A portal in which one seller is flagged at every asOf used here (31 August … 14 September 2026):
 * five sellers with 2 of 20 reviews negative (portal value 0.1, LOW_YEAR bar 0.2) and one with
 * 12 of 20 (Wilson lower end ≈ 0.387 > 0.2). Orders and reviews lie 3 to 350 days before 7
 * September, inside the year window of each asOf.
 */
const PLANTED_AT = new Date("2026-09-07T00:00:00+03:00");
const bad = marketplaceId("S-bad");
const rated = (negative: number) => evenly(20, 5, 340).map((day, i) => ({ day, rating: i < negative ? 1 : 5 }));
const plans: ShopPlan[] = [
  ...Array.from({ length: 5 }, () => ({ sellerId: marketplaceId("S"), orderDays: evenly(40, 3, 350), reviews: rated(2) })),
  { sellerId: bad, orderDays: evenly(40, 3, 350), reviews: rated(12) },
];

beforeAll(async () => {
  await ingest(
    plans.flatMap((plan) => shopEvents(plan, PLANTED_AT)),
    NOW,
  );
});

async function rowCounts() {
  const tables = { scoringPolicies, evaluations, evaluationSellers, sellerMetrics, portalMetrics, flags, auditLog };
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n] as const),
  );
  return Object.fromEntries(entries);
}

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("[EVALUATION] runs", () => {
  test("[EVALUATION] two runs of the same asOf at once make one evaluation, and both answer with it", async () => {
    const asOf = new Date("2026-08-31T00:00:00+03:00");

    const [first, second] = await Promise.all([evaluate(asOf), evaluate(asOf)]);

    expect(second.evaluationId).toBe(first.evaluationId);
    expect(second).toEqual(first);
    const rows = await db.select().from(evaluations).where(eq(evaluations.asOf, asOf));
    expect(rows).toMatchObject([{ id: first.evaluationId, status: "completed" }]);
    // The default policy was stored once, however many runs raced to store it.
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "policy.created"))).toHaveLength(1);
  });

  test("[EVALUATION] a run killed half way leaves the previous evaluation as the latest, and nothing of its own", async () => {
    const asOfA = new Date("2026-09-07T00:00:00+03:00");
    const asOfB = new Date("2026-09-14T00:00:00+03:00");
    const a = await evaluate(asOfA);
    expect(a.flagged.map((flag) => flag.sellerId)).toEqual([bad]);
    const before = await rowCounts();

    const admin = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {} });
    let child: ChildProcess | undefined;
    try {
      // Hold the flags table so that run B stops at its first write to it, deep inside its transaction.
      const locker = await admin.reserve();
      await locker`begin`;
      await locker`lock table flags in exclusive mode`;
      const [{ pid: lockerPid }] = await locker<[{ pid: number }]>`select pg_backend_pid() as pid`;

      // The run as `npm run evaluate` makes it, in a process group of its own (npx → tsx → node).
      child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/evaluate.ts", "--as-of", asOfB.toISOString()], {
        env: { ...process.env, NODE_ENV: "production" },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout!.on("data", (chunk) => (output += chunk));
      child.stderr!.on("data", (chunk) => (output += chunk));
      const running = child;
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        running.on("exit", (code, signal) => resolve(signal ?? code)),
      );
      let hasExited = false;
      void exited.then(() => (hasExited = true));

      const blocked = await waitFor("run B to wait on the flags lock", async () => {
        if (hasExited) throw new Error(`the evaluation ended before it blocked:\n${output}`);
        const rows = await admin<{ pid: number; query: string }[]>`
          select pid, query from pg_stat_activity
          where datname = current_database() and pid <> ${lockerPid} and wait_event_type = 'Lock'`;
        return rows[0];
      });
      expect(blocked.query).toMatch(/^\s*insert into flags/i);
      // By then B has written its evaluation row and its metrics, uncommitted.
      const written = await admin<{ relation: string }[]>`
        select relation::regclass::text as relation from pg_locks
        where pid = ${blocked.pid} and mode = 'RowExclusiveLock' and relation in ('evaluations'::regclass, 'seller_metrics'::regclass)`;
      expect(written.map((lock) => lock.relation).sort()).toEqual(["evaluations", "seller_metrics"]);

      process.kill(-child.pid!, "SIGKILL");
      expect(await exited).toBe("SIGKILL");
      await locker`rollback`;
      locker.release();

      // Unblocked, the orphaned backend finishes its statement and ends when it finds its client
      // gone, rolling back. Should it linger, end it: either way its transaction never commits.
      const backendGone = async () => {
        const rows = await admin`select 1 from pg_stat_activity where pid = ${blocked.pid}`;
        return rows.length === 0 ? true : undefined;
      };
      await waitFor("the orphaned backend to end", backendGone, 5_000).catch(async () => {
        await admin`select pg_terminate_backend(${blocked.pid})`;
        await waitFor("the terminated backend to end", backendGone);
      });
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
      await admin.end({ timeout: 5 });
    }

    // Nothing of B was written — no evaluation row (not even 'running'), no metrics, flags or
    // audit entries — and A is still the latest completed evaluation.
    expect(await rowCounts()).toEqual(before);
    expect(await db.select().from(evaluations).where(eq(evaluations.asOf, asOfB))).toEqual([]);
    const [latest] = await db
      .select({ id: evaluations.id })
      .from(evaluations)
      .where(eq(evaluations.status, "completed"))
      .orderBy(desc(evaluations.asOf))
      .limit(1);
    expect(latest!.id).toBe(a.evaluationId);

    // And B, run again, completes.
    const b = await evaluate(asOfB);
    expect(b).toMatchObject({ asOf: asOfB.toISOString(), flagged: [{ sellerId: bad }] });
    const [stored] = await db.select().from(evaluations).where(eq(evaluations.id, b.evaluationId));
    expect(stored).toMatchObject({ status: "completed" });
  });

  test("[EVALUATION] an asOf in the future is refused and writes nothing", async () => {
    const before = await rowCounts();

    await expect(runEvaluation({ actor: TEST_ACTOR, asOf: new Date(NOW.getTime() + DAY_MS), now: NOW })).rejects.toMatchObject({
      code: "INVALID",
      issues: [{ path: "asOf" }],
    });

    expect(await rowCounts()).toEqual(before);
  });
});
