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
import { workDemoCase } from "./demo-casework";

/** Weeks of evaluations before this week's: a quarter of trend. */
export const DEMO_HISTORY_WEEKS = 12;
/** The demo seller's case is due: opened a day past the minimum exclusion ago. */
export const DEMO_CASE_AGE_DAYS = 15;
const SCHEDULER: Actor = { kind: "system", label: "scheduler" };
const RUN_HOURS_AFTER_AS_OF = 3;

export async function seedDemoHistory(executor: Database, now: Date): Promise<{ lines: string[]; dueCase: OpenedCase | null }> {
  if ((await executor.select({ id: evaluations.id }).from(evaluations).limit(1)).length > 0) return { lines: [], dueCase: null };
  const timeZone = env.PORTAL_TIME_ZONE;
  const thisWeek = defaultAsOf(now, timeZone);
  const caseOpenedAt = addDays(now, -DEMO_CASE_AGE_DAYS);
  const lines: string[] = [];
  let dueCase: OpenedCase | null = null;
  for (let week = DEMO_HISTORY_WEEKS; week >= 1; week--) {
    // The Monday 00:00 of that week in the portal's time zone (whatever the daylight-saving changes between).
    const asOf = defaultAsOf(addDays(thisWeek, -7 * week + 1), timeZone);
    const ranAt = new Date(asOf.getTime() + RUN_HOURS_AFTER_AS_OF * 3_600_000);
    if (!dueCase && ranAt > caseOpenedAt) dueCase = await openDemoSellerCase(executor, caseOpenedAt);
    const summary = await runEvaluation({ actor: SCHEDULER, asOf, now: ranAt });
    const dismissed = await triageTheWeek(executor, addDays(ranAt, 1));
    lines.push(`evaluation as of ${summary.asOf}: ${summary.flagged.length} flagged, ${dismissed} dismissed at triage`);
  }
  dueCase ??= await openDemoSellerCase(executor, caseOpenedAt);
  lines.push(
    `case #${dueCase.case.id} of the demo seller, opened ${DEMO_CASE_AGE_DAYS} days ago (${dueCase.reviewsInScope} reviews in scope)`,
  );
  lines.push(...(await workDemoCase(executor, dueCase.case)));
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
async function triageTheWeek(executor: Database, at: Date): Promise<number> {
  const actor = actorFromUser(await demoUser(executor, "moderator"));
  const seller = await demoUser(executor, "seller");
  const open = await executor
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.status, "open"), ne(flags.sellerId, seller.sellerId!)));
  for (const flag of open) {
    await dismissFlag({
      actor,
      input: { flagId: flag.id, reason: "Weekly triage: contacted the seller; watching the next evaluation before acting." },
      now: at,
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
      input: { flagId: flag.id, note: "Negative reviews doubled in two months; buyers write that parcels leave late." },
      now: at,
    });
  }
  return openCaseManually({
    actor,
    input: { sellerId, reason: "Buyers report parcels that never arrive, and the seller does not answer them." },
    now: at,
  });
}
