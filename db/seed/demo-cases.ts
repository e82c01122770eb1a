/**
 * Two exclusion cases for the demo, made through the same lib/cases functions a moderator's clicks
 * run (after the evaluation, so there are flags): one opened from today's first open flag, and one
 * opened by hand 15 days ago for a seller with open negative reviews and no flag — so the day-14
 * re-check, its checklist and the decisions can be tried at once. That seller has submitted an
 * improvement letter, waiting for the moderator's answer. Does nothing once any case exists.
 */
import { asc, eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db";
import { cases, flags, letterItems, letters, users } from "@/db/schema";
import { actorFromUser } from "@/lib/auth/actor";
import { addDays } from "@/lib/cases/case-machine";
import { openCaseFromFlag, openCaseManually } from "@/lib/cases/open-case";
import { DEMO_ACCOUNTS } from "./demo-accounts";

export async function seedDemoCases(executor: Database, now: Date): Promise<string[]> {
  if ((await executor.select({ id: cases.id }).from(cases).limit(1)).length > 0) return [];
  const moderatorEmail = DEMO_ACCOUNTS.find((account) => account.role === "moderator")!.email;
  const [moderator] = await executor.select().from(users).where(eq(users.email, moderatorEmail));
  if (!moderator) throw new Error("seed: the demo moderator does not exist yet");
  const actor = actorFromUser(moderator);
  const made: string[] = [];

  const [flag] = await executor.select().from(flags).where(eq(flags.status, "open")).orderBy(asc(flags.id)).limit(1);
  if (flag) {
    const opened = await openCaseFromFlag({
      actor,
      input: { flagId: flag.id, note: "Demo: opened from the weekly evaluation's flag." },
      now,
    });
    made.push(`case #${opened.case.id}, opened today from a flag (${opened.reviewsInScope} reviews in scope)`);
  }

  // The unflagged seller with the most negative reviews in the last 60 days.
  const [candidate] = await queryRows<{ id: number }>(
    executor,
    sql`select r.seller_id as id from reviews r
        where r.rating <= 2 and r.removed_at is null and r.posted_at > ${addDays(now, -60).toISOString()}::timestamptz
          and not exists (select 1 from flags f where f.seller_id = r.seller_id and f.status = 'open')
          and not exists (select 1 from cases c where c.seller_id = r.seller_id)
        group by r.seller_id order by count(*) desc, r.seller_id limit 1`,
  );
  if (candidate) {
    const openedAt = addDays(now, -15);
    const opened = await openCaseManually({
      actor,
      input: {
        sellerId: Number(candidate.id),
        reason: "Demo: buyers report parcels that never arrive, and the seller does not answer them.",
      },
      now: openedAt,
    });
    const submittedAt = addDays(now, -3);
    const [letter] = await executor
      .insert(letters)
      .values({
        caseId: opened.case.id,
        sellerId: opened.case.sellerId,
        version: 1,
        status: "submitted",
        createdAt: addDays(now, -5),
        updatedAt: submittedAt,
        submittedAt,
      })
      .returning();
    await executor.insert(letterItems).values([
      {
        letterId: letter!.id,
        sellerId: opened.case.sellerId,
        position: 1,
        rootCause: "slow_or_no_contact",
        problem: "We answered buyers' messages after several days.",
        solution: "Two people now answer messages every working day before noon.",
      },
      {
        letterId: letter!.id,
        sellerId: opened.case.sellerId,
        position: 2,
        rootCause: "not_in_stock",
        problem: "We sold items that were not in the warehouse.",
        solution: "Stock is synchronised with the warehouse every hour; unsynchronised items are hidden.",
      },
    ]);
    made.push(`case #${opened.case.id}, opened by hand 15 days ago: due for re-check, with a letter to answer`);
  }
  return made;
}
