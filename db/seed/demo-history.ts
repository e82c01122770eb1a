/**
 * The demo's past, as the weekly scheduler and the desk would have made it: an evaluation for each
 * of the last weeks (the trend a seller and a moderator read), run oldest first, and — 15 days ago,
 * between two of them — the exclusion of the demo seller, opened from that seller's flag. The
 * seller's work on the case follows (db/seed/demo-casework.ts). Nine weeks ago another flagged
 * shop was excluded and, after its re-check, reinstated. The scheduled job marks each case due a
 * few minutes after its re-check date, as it would have. All of it runs in time order, so the audit
 * trail reads as it was written. Runs before this week's evaluation
 * (scripts/demo.sh), so that evaluation finds the seller already excluded, as the real one would.
 * Does nothing once any evaluation exists.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, evaluations, flags, users } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { actorFromUser, type Actor } from "@/lib/auth/actor";
import { addDays } from "@/lib/cases/case-machine";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import { dismissFlag } from "@/lib/cases/dismiss-flag";
import { openCaseFromFlag, openCaseManually, type OpenedCase } from "@/lib/cases/open-case";
import { env } from "@/lib/env";
import { markDueCases } from "@/lib/cases/mark-due-cases";
import { reinstateCase } from "@/lib/cases/reinstate-case";
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
  // The marketplace's feed got its API key when the team set up (the accounts are a day older);
  // its last request was a few minutes ago.
  const keyCreatedAt = addDays(now, -7 * DEMO_HISTORY_WEEKS - 6);
  let feedSecret: string | null = null;
  timeline.push({
    at: keyCreatedAt,
    run: async () => {
      const admin = await demoUser(executor, "admin");
      feedSecret = (await createApiKey({ actor: actorFromUser(admin), name: "Marketplace order feed", now: keyCreatedAt }))
        .secret;
    },
  });
  const lastFeedRequestAt = new Date(now.getTime() - 7 * 60_000);
  timeline.push({ at: lastFeedRequestAt, run: () => authenticateApiKey(`Bearer ${feedSecret}`, lastFeedRequestAt) });
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
    if (week === PAST_CASE_WEEKS_AGO) {
      // Before that morning's triage: one flag becomes a case, reinstated 16 days later.
      const openedAt = new Date(addDays(ranAt, 1).getTime() - 30 * 60_000);
      timeline.push({
        at: openedAt,
        run: async () => {
          const opened = await openPastCase(executor, openedAt);
          if (!opened) return;
          lines.push(`  case #${opened.case.id} opened from a flag that morning`);
          timeline.push(markDueStep(opened.case.recheckAt));
          const reinstatedAt = new Date(addDays(openedAt, 16).getTime() + 5 * 3_600_000);
          timeline.push({
            at: reinstatedAt,
            run: async () => {
              await reinstatePastCase(executor, opened.case.id, reinstatedAt);
              lines.push(`  case #${opened.case.id} reinstated 16 days later`);
            },
          });
        },
      });
    }
    timeline.push({
      at: addDays(ranAt, 1),
      run: async () => {
        const dismissals = await triageTheWeek(executor, addDays(ranAt, 1));
        timeline.push(...dismissals);
        lines.push(`  triage the next morning: ${dismissals.length} flags dismissed`);
      },
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
      if (dueCase.case.recheckAt < now) timeline.push(markDueStep(dueCase.case.recheckAt));
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

/** The scheduled job's run a few minutes after a re-check date came (scripts/worker.ts runs it every five). */
function markDueStep(recheckAt: Date): TimedStep {
  const at = new Date(recheckAt.getTime() + 5 * 60_000);
  return { at, run: () => markDueCases(at) };
}

/** An earlier case, opened from a flag and reinstated after the day-14 re-check: the overview's median and chart have one. */
const PAST_CASE_WEEKS_AGO = 9;

async function openPastCase(executor: Database, at: Date): Promise<OpenedCase | null> {
  const actor = actorFromUser(await demoUser(executor, "moderator"));
  const seller = await demoUser(executor, "seller");
  const [flag] = await executor
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.status, "open"), ne(flags.sellerId, seller.sellerId!)))
    .orderBy(desc(flags.id))
    .limit(1);
  if (!flag) return null;
  return openCaseFromFlag({
    actor,
    input: {
      flagId: flag.id,
      note: "Flagged again, and the complaints keep coming: products hidden until the shop answers its buyers.",
    },
    now: at,
  });
}

async function reinstatePastCase(executor: Database, caseId: number, at: Date): Promise<void> {
  const actor = actorFromUser(await demoUser(executor, "moderator"));
  const [theCase] = await executor.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId));
  await reinstateCase({
    actor,
    input: {
      caseId,
      expectedVersion: theCase!.version,
      // A reason for whichever items fail on the day (the lib keeps only those).
      overrides: CHECKLIST_ITEMS.map((item) => ({
        item,
        reason:
          "We spoke with the owner on the phone: every open complaint was refunded, and a second person now answers buyers daily. The next evaluation will show whether it holds.",
      })),
      note: "Reinstated after a call with the owner; check their on-time replies in the next two evaluations.",
    },
    now: at,
  });
}

async function demoUser(executor: Database, role: "moderator" | "seller" | "admin") {
  const email = DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
  const [user] = await executor.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`seed: the demo ${role} ${email} does not exist yet`);
  return user;
}

/** Why the weekly triage let a flag go, in a moderator's words. */
const TRIAGE_REASONS = [
  "Contacted the seller: a courier strike delayed a week of parcels. Watching the next evaluation before acting.",
  "Most negative reviews in scope are about one late batch the seller already refunded; the next evaluation will show whether it held.",
  "Borderline: the interval barely crosses the threshold and the seller answers every review. No case for now.",
  "The complaints are from two buyers with many orders each; asked the seller for tracking numbers, watching next week.",
  "New shop owner since last month and the recent reviews are better; giving them one more week.",
];

/**
 * The desk's weekly triage of the past: every flag but the demo seller's is dismissed with a reason
 * (a seller flagged again the next week gets a new flag), so only this week's flags wait today. One
 * step per flag, a few minutes apart, each run at its own moment in the timeline.
 */
async function triageTheWeek(executor: Database, at: Date): Promise<TimedStep[]> {
  const actor = actorFromUser(await demoUser(executor, "moderator"));
  const seller = await demoUser(executor, "seller");
  const open = await executor
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.status, "open"), ne(flags.sellerId, seller.sellerId!)))
    .orderBy(flags.id);
  return open.map((flag, i) => {
    const dismissedAt = new Date(at.getTime() + i * 7 * 60_000 + (flag.id % 5) * 60_000);
    return {
      at: dismissedAt,
      run: () =>
        dismissFlag({
          actor,
          input: { flagId: flag.id, reason: TRIAGE_REASONS[(flag.id + i) % TRIAGE_REASONS.length]! },
          now: dismissedAt,
        }),
    };
  });
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
