/**
 * Appeals on real PostgreSQL: once per decision (also two submits at once), within the policy's
 * period, decided by a moderator other than the one who made the contested decision, and an
 * overturned exclusion reinstating the seller at once — before day 14 — with its decision row,
 * catalog event, notification and audit entries. Another seller's case is not found.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { appeals, auditLog, caseDecisions, cases, notifications, outboxEvents } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { addDays } from "@/lib/cases/case-machine";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import { extendCase } from "@/lib/cases/extend-case";
import { getCaseTimeline } from "@/lib/cases/get-case-timeline";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { reinstateCase } from "@/lib/cases/reinstate-case";
import { createFlaggedSeller, refusalOf } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { decideAppeal } from "./decide-appeal";
import { getAppealForModerator } from "./get-appeal-for-moderator";
import { getAppealsForSeller } from "./get-appeals-for-seller";
import { countWaitingAppeals, listAppeals } from "./list-appeals";
import { submitAppeal } from "./submit-appeal";

const T0 = new Date("2026-11-02T09:30:00Z");
const REASON = "The negative reviews came from a courier strike that week; the orders were all delivered afterwards.";
const DECISION = "The reviews in scope describe a courier strike, not the seller's service.";
const ALL_OVERRIDES = CHECKLIST_ITEMS.map((item) => ({ item, reason: "The seller showed the fix in a call with us" }));

const moderator = async (): Promise<UserActor> => (await createTestUser("moderator")).actor;

/** A case opened by `opener` at T0, and the seller's own account. */
async function openTestCase(opener: UserActor) {
  const flagged = await createFlaggedSeller({ now: T0 });
  const opened = await openCaseFromFlag({ actor: opener, input: { flagId: flagged.flag.id }, now: T0 });
  const seller = (await createTestUser("seller", { sellerExternalId: flagged.externalId })).actor;
  return { ...flagged, theCase: opened.case, seller };
}

/** The case extended by `extender` on day 14. */
async function extendTestCase(extender: UserActor, caseId: number) {
  const extended = await extendCase({
    actor: extender,
    input: {
      caseId,
      expectedVersion: 1,
      reasons: ["letter_missing_or_not_constructive"],
      recheckOn: "2026-12-01",
      message: "Your letter has not arrived yet; please send it.",
    },
    now: addDays(T0, 14),
    timeZone: "UTC",
  });
  return extended.decision;
}

describe("submitting an appeal", () => {
  test("[SELLER] contests the exclusion and an extension once each; the page lists both with their deadlines", async () => {
    const [opener, extender] = [await moderator(), await moderator()];
    const { theCase, seller } = await openTestCase(opener);
    const extension = await extendTestCase(extender, theCase.id);
    const now = addDays(T0, 15);

    const ofExclusion = await submitAppeal({
      actor: seller,
      input: { caseId: theCase.id, decisionId: null, reason: REASON },
      now,
    });
    const ofExtension = await submitAppeal({
      actor: seller,
      input: { caseId: theCase.id, decisionId: extension.id, reason: REASON, evidence: "Tracking numbers 1, 2, 3" },
      now,
    });
    expect([ofExclusion.subject, ofExtension.subject]).toEqual(["exclusion", "extension"]);
    expect(ofExtension.evidence).toBe("Tracking numbers 1, 2, 3");

    const again = await refusalOf(
      submitAppeal({ actor: seller, input: { caseId: theCase.id, decisionId: extension.id, reason: REASON }, now }),
    );
    expect(again.code).toBe("CONFLICT");
    expect(again.details).toEqual({ reason: "appeal_already_made", submittedAt: now.toISOString() });

    const page = await getAppealsForSeller({ actor: seller, caseId: theCase.id, now });
    expect(page.periodMonths).toBe(6);
    expect(page.decisions.map((d) => [d.subject, d.decisionId, d.deadline.toISOString(), d.appeal?.status])).toEqual([
      ["exclusion", null, "2027-05-02T09:30:00.000Z", "waiting"],
      ["extension", extension.id, "2027-05-16T09:30:00.000Z", "waiting"],
    ]);

    // Audited in its transaction, on the case's timeline.
    const entries = await db.select().from(auditLog).where(eq(auditLog.action, "appeal.submitted"));
    const mine = entries.filter((entry) => (entry.after as { caseId: number }).caseId === theCase.id);
    expect(mine).toHaveLength(2);
    // The timeline shows the seller's words, not the contested extension's message.
    const timeline = await getCaseTimeline(db, { caseId: theCase.id, sellerId: theCase.sellerId });
    expect(timeline.filter((entry) => entry.action === "appeal.submitted").map((entry) => entry.message)).toEqual([
      REASON,
      REASON,
    ]);
  });

  test("[SELLER] two submits at once (a double click, two tabs) make one appeal; the other is told", async () => {
    const { theCase, seller } = await openTestCase(await moderator());
    const now = addDays(T0, 2);
    const submit = () => submitAppeal({ actor: seller, input: { caseId: theCase.id, decisionId: null, reason: REASON }, now });
    const settled = await Promise.allSettled([submit(), submit(), submit()]);
    expect(settled.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of settled)
      if (result.status === "rejected") expect(result.reason.details?.reason).toBe("appeal_already_made");
    expect(await db.select().from(appeals).where(eq(appeals.caseId, theCase.id))).toHaveLength(1);
  });

  test("[SELLER] after the policy's period the appeal is refused with the date it ended; nothing is written", async () => {
    const { theCase, seller } = await openTestCase(await moderator());
    const refused = await refusalOf(
      submitAppeal({
        actor: seller,
        input: { caseId: theCase.id, decisionId: null, reason: REASON },
        now: new Date("2027-05-02T09:30:01Z"),
      }),
    );
    expect(refused.details).toEqual({ reason: "appeal_period_over", endedAt: "2027-05-02T09:30:00.000Z" });
    expect(await db.select().from(appeals).where(eq(appeals.caseId, theCase.id))).toHaveLength(0);
  });

  test("[SELLER] a reinstatement cannot be contested; a short reason is refused naming the field", async () => {
    const opener = await moderator();
    const { theCase, seller } = await openTestCase(opener);
    const { decision } = await reinstateCase({
      actor: opener,
      input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
      now: addDays(T0, 14),
    });
    const now = addDays(T0, 15);
    const refused = await refusalOf(
      submitAppeal({ actor: seller, input: { caseId: theCase.id, decisionId: decision.id, reason: REASON }, now }),
    );
    expect(refused.details).toEqual({ reason: "nothing_to_appeal" });
    const short = await refusalOf(
      submitAppeal({ actor: seller, input: { caseId: theCase.id, decisionId: null, reason: "Unfair." }, now }),
    );
    expect(short.code).toBe("INVALID");
    expect(short.issues.map((issue) => issue.path)).toEqual(["reason"]);
    // After the reinstatement the exclusion can still be contested, within the period.
    await submitAppeal({ actor: seller, input: { caseId: theCase.id, decisionId: null, reason: REASON }, now });
  });

  test("[SELLER] another seller's case or decision is not found, and nothing is written", async () => {
    const opener = await moderator();
    const own = await openTestCase(opener);
    const other = await openTestCase(opener);
    const extension = await extendTestCase(await moderator(), other.theCase.id);
    const now = addDays(T0, 15);
    for (const input of [
      { caseId: other.theCase.id, decisionId: null, reason: REASON },
      { caseId: own.theCase.id, decisionId: extension.id, reason: REASON },
    ]) {
      const refused = await refusalOf(submitAppeal({ actor: own.seller, input, now }));
      expect(refused.code).toBe("NOT_FOUND");
    }
    expect((await refusalOf(getAppealsForSeller({ actor: own.seller, caseId: other.theCase.id, now }))).code).toBe("NOT_FOUND");
    expect(await db.select().from(appeals).where(eq(appeals.sellerId, other.seller.sellerId!))).toHaveLength(0);
    expect(await db.select().from(appeals).where(eq(appeals.sellerId, own.seller.sellerId!))).toHaveLength(0);
  });
});

describe("deciding an appeal", () => {
  test("[MODERATOR] the moderator who opened the case cannot decide the exclusion's appeal; nothing is written", async () => {
    const opener = await moderator();
    const { theCase, seller } = await openTestCase(opener);
    const appeal = await submitAppeal({
      actor: seller,
      input: { caseId: theCase.id, decisionId: null, reason: REASON },
      now: addDays(T0, 1),
    });
    const refused = await refusalOf(
      decideAppeal({
        actor: opener,
        input: { appealId: appeal.id, outcome: "overturned", reason: DECISION },
        now: addDays(T0, 2),
      }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.details).toEqual({ reason: "appeal_own_decision" });
    const [stored] = await db.select().from(appeals).where(eq(appeals.id, appeal.id));
    expect(stored!.status).toBe("waiting");
    const [storedCase] = await db.select().from(cases).where(eq(cases.id, theCase.id));
    expect(storedCase!.status).toBe("EXCLUDED");
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "appeal.overturned"))).not.toContainEqual(
      expect.objectContaining({ entityId: String(appeal.id) }),
    );
    expect((await getAppealForModerator({ actor: opener, appealId: appeal.id })).isOwnDecision).toBe(true);
  });

  test("[MODERATOR] the moderator who extended cannot decide the extension's appeal; the one who opened can", async () => {
    const [opener, extender] = [await moderator(), await moderator()];
    const { theCase, seller } = await openTestCase(opener);
    const extension = await extendTestCase(extender, theCase.id);
    const appeal = await submitAppeal({
      actor: seller,
      input: { caseId: theCase.id, decisionId: extension.id, reason: REASON },
      now: addDays(T0, 15),
    });
    const input = { appealId: appeal.id, outcome: "upheld" as const, reason: DECISION };
    expect((await refusalOf(decideAppeal({ actor: extender, input, now: addDays(T0, 16) }))).details).toEqual({
      reason: "appeal_own_decision",
    });
    const admin = (await createTestUser("admin")).actor;
    expect((await getAppealForModerator({ actor: admin, appealId: appeal.id })).isOwnDecision).toBe(false);
    const decided = await decideAppeal({ actor: opener, input, now: addDays(T0, 16) });
    expect(decided.appeal.status).toBe("upheld");
    expect(decided.reinstatementDecisionId).toBeNull();
    const [stored] = await db.select().from(cases).where(eq(cases.id, theCase.id));
    expect(stored!.status).toBe("EXCLUDED");
    const [notification] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, theCase.id), eq(notifications.kind, "appeal_decided")));
    expect(notification!.payload).toMatchObject({
      outcome: "upheld",
      reason: DECISION,
      subject: "extension",
      reinstatedAt: null,
    });
  });

  test("[MODERATOR] overturning the exclusion on day 3 reinstates at once: the decision row, the catalog event, the notification, the audit", async () => {
    const [opener, second] = [await moderator(), await moderator()];
    const { theCase, seller, externalId } = await openTestCase(opener);
    const appeal = await submitAppeal({
      actor: seller,
      input: { caseId: theCase.id, decisionId: null, reason: REASON },
      now: addDays(T0, 1),
    });
    expect(await countWaitingAppeals({ actor: second })).toBeGreaterThanOrEqual(1);
    const now = addDays(T0, 3);
    const decided = await decideAppeal({
      actor: second,
      input: { appealId: appeal.id, outcome: "overturned", reason: DECISION },
      now,
    });

    const [stored] = await db.select().from(cases).where(eq(cases.id, theCase.id));
    expect(stored).toMatchObject({ status: "REINSTATED", reinstatedAt: now, version: 2 });
    const decisions = await db.select().from(caseDecisions).where(eq(caseDecisions.caseId, theCase.id));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      id: decided.reinstatementDecisionId,
      kind: "reinstate",
      decidedBy: second.userId,
      decidedAt: now,
      messageToSeller: DECISION,
    });
    const events = await db.select().from(outboxEvents).where(eq(outboxEvents.sellerId, theCase.sellerId));
    expect(events.filter((event) => event.type === "seller.reinstated").map((event) => event.payload)).toEqual([
      { sellerId: externalId, caseId: theCase.id, reinstatedAt: now.toISOString() },
    ]);
    const [notification] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.caseId, theCase.id), eq(notifications.kind, "appeal_decided")));
    expect(notification!.payload).toMatchObject({
      outcome: "overturned",
      subject: "exclusion",
      reason: DECISION,
      reinstatedAt: now.toISOString(),
    });
    const entries = await db.select().from(auditLog).where(eq(auditLog.sellerId, theCase.sellerId));
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(["appeal.submitted", "case.reinstated", "appeal.overturned"]),
    );
    const overturned = entries.find((entry) => entry.action === "appeal.overturned")!;
    expect(overturned).toMatchObject({ actorUserId: second.userId, reason: DECISION });
    expect(overturned.after).toMatchObject({ caseId: theCase.id, status: "overturned" });

    const page = await getAppealsForSeller({ actor: seller, caseId: theCase.id, now });
    expect(page.decisions[0]!.appeal).toMatchObject({ status: "overturned", decisionReason: DECISION, decidedAt: now });
  });

  test("[MODERATOR] overturning after the reinstatement records the finding only", async () => {
    const opener = await moderator();
    const { theCase, seller } = await openTestCase(opener);
    await reinstateCase({
      actor: opener,
      input: { caseId: theCase.id, expectedVersion: 1, overrides: ALL_OVERRIDES },
      now: addDays(T0, 14),
    });
    const appeal = await submitAppeal({
      actor: seller,
      input: { caseId: theCase.id, decisionId: null, reason: REASON },
      now: addDays(T0, 20),
    });
    const decided = await decideAppeal({
      actor: await moderator(),
      input: { appealId: appeal.id, outcome: "overturned", reason: DECISION },
      now: addDays(T0, 21),
    });
    expect(decided.appeal.status).toBe("overturned");
    expect(decided.reinstatementDecisionId).toBeNull();
    const [stored] = await db.select().from(cases).where(eq(cases.id, theCase.id));
    expect(stored).toMatchObject({ status: "REINSTATED", reinstatedAt: addDays(T0, 14), version: 2 });
    expect(await db.select().from(caseDecisions).where(eq(caseDecisions.caseId, theCase.id))).toHaveLength(1);
    const events = await db.select().from(outboxEvents).where(eq(outboxEvents.sellerId, theCase.sellerId));
    expect(events.filter((event) => event.type === "seller.reinstated")).toHaveLength(1);
  });

  test("[MODERATOR] two moderators deciding at once: exactly one wins, the other is told who decided", async () => {
    for (let round = 0; round < 5; round++) {
      const [alice, bob] = [await moderator(), await moderator()];
      const { theCase, seller } = await openTestCase(await moderator());
      const appeal = await submitAppeal({
        actor: seller,
        input: { caseId: theCase.id, decisionId: null, reason: REASON },
        now: addDays(T0, 1),
      });
      const now = addDays(T0, 2);
      const settled = await Promise.allSettled([
        decideAppeal({ actor: alice, input: { appealId: appeal.id, outcome: "overturned", reason: DECISION }, now }),
        decideAppeal({ actor: bob, input: { appealId: appeal.id, outcome: "upheld", reason: DECISION }, now }),
      ]);
      const won = settled.filter((result) => result.status === "fulfilled");
      const lost = settled.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const [stored] = await db.select().from(appeals).where(eq(appeals.id, appeal.id));
      const winner = stored!.decidedBy === alice.userId ? alice : bob;
      expect(lost[0].details).toEqual({
        reason: "appeal_decided",
        outcome: stored!.status,
        decidedBy: winner.label,
        decidedAt: now.toISOString(),
      });
      const entries = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, String(appeal.id)));
      expect(entries.filter((entry) => entry.action === "appeal.upheld" || entry.action === "appeal.overturned")).toHaveLength(1);
      expect(await db.select().from(caseDecisions).where(eq(caseDecisions.caseId, theCase.id))).toHaveLength(
        stored!.status === "overturned" ? 1 : 0,
      );
    }
  });

  test("[MODERATOR] the queue lists the waiting appeals first, the longest-waiting first", async () => {
    const actor = await moderator();
    const list = await listAppeals({ actor });
    const waiting = list.rows.filter((row) => row.status === "waiting");
    expect(list.rows.slice(0, waiting.length)).toEqual(waiting);
    const times = waiting.map((row) => row.submittedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const seller = (await createTestUser("seller")).actor;
    expect((await refusalOf(listAppeals({ actor: seller }))).code).toBe("FORBIDDEN");
  });
});
