/**
 * The demo's past, as the weekly scheduler and the desk would have made it: an evaluation for each
 * of the last weeks (the trend a seller and a moderator read), run oldest first, and — 15 days ago,
 * between two of them — the exclusion of the demo seller, opened from that seller's flag. The
 * seller's work on the case follows (db/seed/demo-casework.ts). Runs before this week's evaluation
 * (scripts/demo.sh), so that evaluation finds the seller already excluded, as the real one would.
 * Does nothing once any evaluation exists.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { evaluations, flags, users } from "@/db/schema";
import { actorFromUser, type Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/cases/case-machine";
import { dismissFlag } from "@/lib/cases/dismiss-flag";
import { openCaseFromFlag, openCaseManually, type OpenedCase } from "@/lib/cases/open-case";
import { env } from "@/lib/env";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { defaultAsOf } from "@/lib/quality/windows";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { DEMO_CASE_AGE_DAYS, DEMO_HISTORY_WEEKS } from "./demo-story";
import { planDemoCasework, type TimedStep } from "./demo-casework";

const SCHEDULER: Actor = { kind: "system", label: "scheduler" };
const RUN_HOURS_AFTER_AS_OF = 3;

export async function seedDemoHistory(executor: Database, now: Date): Promise<{ lines: string[]; dueCase: OpenedCase | null }> {
  if ((await executor.select({ id: evaluations.id }).from(evaluations).limit(1)).length > 0) return { lines: [], dueCase: null };
  const timeZone = env.PORTAL_TIME_ZONE;
  const thisWeek = defaultAsOf(now, timeZone);
  const caseOpenedAt = addDays(now, -DEMO_CASE_AGE_DAYS);
  const lines: string[] = [];
  let dueCase: OpenedCase | null = null;

  // Everything the past did, run in the order it happened, so the audit trail reads oldest first
  // by seq as well as by time: each week's evaluation and the next morning's triage, the demo
  // seller's exclusion, then (added when the case exists) the work on it, day by day.
  const timeline: TimedStep[] = [];
  for (let week = DEMO_HISTORY_WEEKS; week >= 1; week--) {
    // The Monday 00:00 of that week in the portal's time zone (whatever the daylight-saving changes between).
    const asOf = defaultAsOf(addDays(thisWeek, -7 * week + 1), timeZone);
    const ranAt = new Date(asOf.getTime() + RUN_HOURS_AFTER_AS_OF * 3_600_000);
    timeline.push({
      at: ranAt,
      run: async () => {
        const summary = await runEvaluation({ actor: SCHEDULER, asOf, now: ranAt });
        // The history is replayed today; its snapshot is dated when that week's run would have taken it,
        // as the statements of reasons say "your data as committed at" that moment.
        await executor.update(evaluations).set({ snapshotAt: ranAt }).where(eq(evaluations.id, summary.evaluationId));
        lines.push(`evaluation as of ${summary.asOf}: ${summary.flagged.length} flagged`);
      },
    });
    timeline.push({
      at: addDays(ranAt, 1),
      run: async () => lines.push(`  triage the next morning: ${await triageTheWeek(executor, addDays(ranAt, 1))} dismissed`),
    });
  }
  timeline.push({
    at: caseOpenedAt,
    run: async () => {
      dueCase = await openDemoSellerCase(executor, caseOpenedAt);
      lines.push(
        `case #${dueCase.case.id} of the demo seller, opened ${DEMO_CASE_AGE_DAYS} days ago (${dueCase.reviewsInScope} reviews in scope)`,
      );
      const casework = await planDemoCasework(executor, dueCase.case);
      timeline.push(...casework.steps);
      lines.push(...casework.lines);
    },
  });
  while (timeline.length > 0) {
    // Stable: steps at the same moment keep the order they were added in.
    timeline.sort((a, b) => a.at.getTime() - b.at.getTime());
    await timeline.shift()!.run();
  }
  return { lines, dueCase };
}

async function demoUser(executor: Database, role: "moderator" | "seller") {
  const email = DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
  const [user] = await executor.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`seed: the demo ${role} ${email} does not exist yet`);
  return user;
}

/**
 * The desk's weekly triage of the past: every flag but the demo seller's is dismissed with a reason
 * (a seller flagged again the next week gets a new flag), so only this week's flags wait today.
 */
/** Why the weekly triage let a flag go, in a moderator's words. */
const TRIAGE_REASONS = [
  "Contacted the seller: a courier strike delayed a week of parcels. Watching the next evaluation before acting.",
  "Most negative reviews in scope are about one late batch the seller already refunded; the next evaluation will show whether it held.",
  "Borderline: the interval barely crosses the threshold and the seller answers every review. No case for now.",
  "The complaints are from two buyers with many orders each; asked the seller for tracking numbers, watching next week.",
  "New shop owner since last month and the recent reviews are better; giving them one more week.",
];

async function triageTheWeek(executor: Database, at: Date): Promise<number> {
  const actor = actorFromUser(await demoUser(executor, "moderator"));
  const seller = await demoUser(executor, "seller");
  const open = await executor
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.status, "open"), ne(flags.sellerId, seller.sellerId!)));
  for (const [i, flag] of open.entries()) {
    await dismissFlag({
      actor,
      input: { flagId: flag.id, reason: TRIAGE_REASONS[(flag.id + i) % TRIAGE_REASONS.length]! },
      // A morning's triage: one flag every few minutes.
      now: new Date(at.getTime() + i * 7 * 60_000 + (flag.id % 5) * 60_000),
    });
  }
  return open.length;
}

/** From the demo seller's open flag, as a moderator triaging the queue would; by hand if no evaluation flagged it yet. */
async function openDemoSellerCase(executor: Database, at: Date): Promise<OpenedCase> {
  const actor = actorFromUser(await demoUser(executor, "moderator"));
  const seller = await demoUser(executor, "seller");
  const sellerId = seller.sellerId!;
  const [flag] = await executor
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.sellerId, sellerId), eq(flags.status, "open")));
  if (flag) {
    return openCaseFromFlag({
      actor,
      input: {
        flagId: flag.id,
        note: "Negative reviews have multiplied over the last three months; buyers write that seams split after the first wash and that nobody answers them.",
      },
      now: at,
    });
  }
  return openCaseManually({
    actor,
    input: { sellerId, reason: "Buyers report parcels that never arrive, and the seller does not answer them." },
    now: at,
  });
}
