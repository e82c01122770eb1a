/**
 * Two moderators deciding one case at the same moment, 50 times, on real PostgreSQL (separate
 * connections from the pool): exactly one decision wins each time, the other is told who decided,
 * and the trail has one decision entry.
 */
import { and, eq, inArray } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, caseDecisions, cases } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { addDays } from "./case-machine";
import { CHECKLIST_ITEMS } from "./checklist";
import { extendCase } from "./extend-case";
import { openCaseFromFlag, openCaseManually } from "./open-case";
import { reinstateCase } from "./reinstate-case";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";

const ROUNDS = 50;
const T0 = new Date("2026-10-05T08:00:00Z");
const OVERRIDES = CHECKLIST_ITEMS.map((item) => ({ item, reason: "Verified by phone with the seller" }));

test(`[MODERATOR] ${ROUNDS} rounds of two concurrent decisions: exactly one wins each time`, { timeout: 120_000 }, async () => {
  const [alice, bob] = [(await createTestUser("moderator")).actor, (await createTestUser("moderator")).actor];
  const now = addDays(T0, 14);
  const outcomes = { reinstated: 0, extended: 0 };

  for (let round = 0; round < ROUNDS; round++) {
    const { flag } = await createFlaggedSeller({ now: T0 });
    const { case: theCase } = await openCaseFromFlag({ actor: alice, input: { flagId: flag.id }, now: T0 });
    const reinstate = (actor: typeof alice) =>
      reinstateCase({ actor, input: { caseId: theCase.id, expectedVersion: 1, overrides: OVERRIDES }, now });
    const extend = (actor: typeof alice) =>
      extendCase({
        actor,
        input: {
          caseId: theCase.id,
          expectedVersion: 1,
          reasons: ["other"],
          recheckOn: "2026-10-30",
          message: "Another week: the letter is still missing.",
        },
        now,
        timeZone: "UTC",
      });
    // Even rounds: both reinstate. Odd rounds: one reinstates while the other extends.
    const attempts = round % 2 === 0 ? [reinstate(alice), reinstate(bob)] : [reinstate(alice), extend(bob)];

    const settled = await Promise.allSettled(attempts);
    const won = settled.filter((result) => result.status === "fulfilled");
    const lost = settled.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(won, `round ${round}`).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isDomainError(lost[0]) && lost[0].code).toBe("CONFLICT");
    expect((lost[0] as Error).message).toMatch(/This case was just (reinstated|extended) by moderator-/);

    const decisions = await db.select().from(caseDecisions).where(eq(caseDecisions.caseId, theCase.id));
    expect(decisions).toHaveLength(1);
    const entries = await db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "case"),
          eq(auditLog.entityId, String(theCase.id)),
          inArray(auditLog.action, ["case.reinstated", "case.extended"]),
        ),
      );
    expect(entries).toHaveLength(1);
    const [stored] = await db.select().from(cases).where(eq(cases.id, theCase.id));
    expect(stored!.version).toBe(2);
    outcomes[stored!.status === "REINSTATED" ? "reinstated" : "extended"]++;
  }
  // Both kinds of decision won some of the mixed rounds' races or the even rounds: the test saw real contention.
  expect(outcomes.reinstated + outcomes.extended).toBe(ROUNDS);
});

test("[MODERATOR] two moderators opening a case for one seller at once: one case, the other is told", async () => {
  const [alice, bob] = [(await createTestUser("moderator")).actor, (await createTestUser("moderator")).actor];
  for (let round = 0; round < 10; round++) {
    const { flag, seller } = await createFlaggedSeller({ now: T0 });
    // One from the flag, one by hand: different locks, so the one-active-case index decides.
    const settled = await Promise.allSettled([
      openCaseFromFlag({ actor: alice, input: { flagId: flag.id }, now: T0 }),
      openCaseManually({ actor: bob, input: { sellerId: seller.id, reason: "Complaints about counterfeit goods" }, now: T0 }),
    ]);
    expect(
      settled.filter((result) => result.status === "fulfilled"),
      `round ${round}`,
    ).toHaveLength(1);
    const [lost] = settled.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(isDomainError(lost) && lost.code).toBe("CONFLICT");
    expect(await db.select().from(cases).where(eq(cases.sellerId, seller.id))).toHaveLength(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.sellerId, seller.id), eq(auditLog.action, "case.opened"))),
    ).toHaveLength(1);
  }
});
