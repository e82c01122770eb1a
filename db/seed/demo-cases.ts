/**
 * Today's exclusion for the demo, made through the same lib/cases function a moderator's click runs
 * (after this week's evaluation, so there are flags): opened from the first open flag. The due case
 * with the seller's work on it is older (db/seed/demo-history.ts). That seller contests the
 * exclusion at once, so the moderators' appeal queue has one waiting. The demo admin opens this case,
 * so the demo moderator — not the one who decided — can decide the appeal. Does nothing once the
 * demo admin has opened a case.
 */
import { randomBytes } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import type { Database } from "@/db";
import { cases, flags, sellers, users, type Case } from "@/db/schema";
import { submitAppeal } from "@/lib/appeals/submit-appeal";
import { SYSTEM_ACTOR, actorFromUser } from "@/lib/auth/actor";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { createUser } from "@/lib/users/create-user";
import { DEMO_ACCOUNTS } from "./demo-accounts";

export async function seedDemoCases(executor: Database, now: Date): Promise<string[]> {
  const adminEmail = DEMO_ACCOUNTS.find((account) => account.role === "admin")!.email;
  const [admin] = await executor.select().from(users).where(eq(users.email, adminEmail));
  if (!admin) throw new Error("seed: the demo admin does not exist yet");
  // Once: today's case is the one the demo admin opened.
  const done = await executor.select({ id: cases.id }).from(cases).where(eq(cases.openedBy, admin.id)).limit(1);
  if (done.length > 0) return [];
  const actor = actorFromUser(admin);
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
      input: {
        flagId: flag.id,
        note: "The reviews in scope keep naming the same faults, week after week. Products hidden until the shop shows what it has changed.",
      },
      now,
    });
    made.push(`case #${opened.case.id}, opened today from a flag (${opened.reviewsInScope} reviews in scope)`);
    const appeal = await seedDemoAppeal(executor, opened.case, now);
    made.push(`appeal #${appeal.id} of that seller against the exclusion, waiting in the moderators' queue`);
  }

  return made;
}

/**
 * The shop of today's case contests its exclusion, through its own account (made here, with a
 * password nobody knows: the demo signs in as the demo seller, whose case is the worked one).
 */
async function seedDemoAppeal(executor: Database, theCase: Case, now: Date) {
  const [seller] = await executor.select().from(sellers).where(eq(sellers.id, theCase.sellerId));
  const account = await createUser({
    actor: SYSTEM_ACTOR,
    input: {
      email: `appeal-${seller!.externalId.toLowerCase()}@demo.catalog-guard.test`,
      name: seller!.name,
      password: randomBytes(24).toString("base64url"),
      role: "seller",
      sellerExternalId: seller!.externalId,
    },
    now,
  });
  return submitAppeal({
    actor: actorFromUser(account),
    input: {
      caseId: theCase.id,
      decisionId: null,
      reason:
        "Більшість негативних відгуків — про затримки Нової пошти під час блекауту в листопаді; усі ці замовлення доставлено, покупцям повернули гроші за доставку.",
      evidence: "Номери ТТН 20450012345678, 20450012345679; листування з покупцями в кабінеті продавця.",
    },
    now,
  });
}
