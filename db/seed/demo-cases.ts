/**
 * Today's exclusion for the demo, made through the same lib/cases function a moderator's click runs
 * (after this week's evaluation, so there are flags): opened from the first open flag. The due case
 * with the seller's work on it is older (db/seed/demo-history.ts). Does nothing once a case other
 * than the demo seller's exists.
 */
import { asc, desc, eq, ne } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, flags, users } from "@/db/schema";
import { actorFromUser } from "@/lib/auth/actor";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { DEMO_ACCOUNTS } from "./demo-accounts";

export async function seedDemoCases(executor: Database, now: Date): Promise<string[]> {
  const sellerEmail = DEMO_ACCOUNTS.find((account) => account.role === "seller")!.email;
  const [demoSeller] = await executor.select().from(users).where(eq(users.email, sellerEmail));
  const others = await executor
    .select({ id: cases.id })
    .from(cases)
    .where(demoSeller?.sellerId ? ne(cases.sellerId, demoSeller.sellerId) : undefined)
    .limit(1);
  if (others.length > 0) return [];
  const moderatorEmail = DEMO_ACCOUNTS.find((account) => account.role === "moderator")!.email;
  const [moderator] = await executor.select().from(users).where(eq(users.email, moderatorEmail));
  if (!moderator) throw new Error("seed: the demo moderator does not exist yet");
  const actor = actorFromUser(moderator);
  const made: string[] = [];

  const [flag] = await executor
    .select()
    .from(flags)
    .where(eq(flags.status, "open"))
    .orderBy(desc(flags.evaluationId), asc(flags.id))
    .limit(1);
  if (flag) {
    const opened = await openCaseFromFlag({
      actor,
      input: { flagId: flag.id, note: "Demo: opened from the weekly evaluation's flag." },
      now,
    });
    made.push(`case #${opened.case.id}, opened today from a flag (${opened.reviewsInScope} reviews in scope)`);
  }

  return made;
}
