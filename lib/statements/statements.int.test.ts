/**
 * Statements of reasons (lib/statements): built from the real rows of a case opened, extended and
 * reinstated through the case verbs; the seller reaches only their own; the DSA Transparency
 * Database JSON validates against its schema; the admin's batch holds exactly the decisions of its days.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { evaluations } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { addDays } from "@/lib/cases/case-machine";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import { extendCase } from "@/lib/cases/extend-case";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { reinstateCase } from "@/lib/cases/reinstate-case";
import { dsaStatementSchema, toDsaStatement } from "@/lib/statements/dsa-statement";
import { getStatementForModerator, getStatementForSeller } from "@/lib/statements/get-statement";
import { listStatementsInRange } from "@/lib/statements/list-statements";
import { addMonths, type StatementOfReasons } from "@/lib/statements/statement-of-reasons";
import { createFlaggedSeller, refusalOf } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";

const T0 = new Date("2026-11-02T09:30:00Z");
const EXTENDED_AT = addDays(T0, 14);
const REINSTATED_AT = new Date("2026-11-23T10:30:00Z");
const SNAPSHOT_AT = new Date("2026-11-01T22:00:03.250Z");
const ZONE = "Europe/Kyiv";
const ALL_OVERRIDES = CHECKLIST_ITEMS.map((item) => ({ item, reason: "The seller showed the fix in a call with us" }));

let moderator: UserActor;
let admin: UserActor;
let seller: UserActor;
let otherSeller: UserActor;
let caseId: number;
let extensionId: number;
let reinstatementId: number;
let openedRecheckAt: Date;
let newRecheckAt: Date;

beforeAll(async () => {
  moderator = (await createTestUser("moderator")).actor;
  admin = (await createTestUser("admin")).actor;
  const flagged = await createFlaggedSeller({ now: T0 });
  await db.update(evaluations).set({ snapshotAt: SNAPSHOT_AT }).where(eq(evaluations.id, flagged.evaluation.id));
  seller = (await createTestUser("seller", { sellerExternalId: flagged.externalId })).actor;
  otherSeller = (await createTestUser("seller")).actor;
  const opened = await openCaseFromFlag({ actor: moderator, input: { flagId: flagged.flag.id }, now: T0 });
  caseId = opened.case.id;
  openedRecheckAt = opened.case.recheckAt;
  const extended = await extendCase({
    actor: moderator,
    input: {
      caseId,
      expectedVersion: opened.case.version,
      reasons: ["negative_reviews_unresolved"],
      recheckOn: "2026-11-23",
      message: "Please answer the remaining reviews first.",
    },
    now: EXTENDED_AT,
    timeZone: "UTC",
  });
  newRecheckAt = extended.case.recheckAt;
  await reinstateCase({
    actor: moderator,
    input: { caseId, expectedVersion: extended.case.version, overrides: ALL_OVERRIDES },
    now: REINSTATED_AT,
  });
  const decisions = await queryRows<{ id: number; kind: string }>(
    db,
    sql`select id, kind from case_decisions where case_id = ${caseId} order by id`,
  );
  extensionId = Number(decisions.find((row) => row.kind === "extend")!.id);
  reinstatementId = Number(decisions.find((row) => row.kind === "reinstate")!.id);
});

describe("[SELLER] the statement of reasons of each decision", () => {
  test("[SELLER] the exclusion's: the frozen reasons with their numbers, the rule's version and thresholds, the snapshot, a named moderator, the restriction and the appeal deadline", async () => {
    const statement = await getStatementForSeller({ actor: seller, caseId, key: "exclusion" });

    expect(statement).toMatchObject({
      key: "exclusion",
      puid: `cg-case-${caseId}-exclusion`,
      kind: "exclusion",
      caseId,
      decidedAt: T0,
      decidedBy: { name: "Test moderator", role: "moderator" },
      facts: { snapshotAt: SNAPSHOT_AT, reasons: [{ code: "LOW_YEAR", value: 0.3, portalValue: 0.05, threshold: 0.1 }] },
      policy: { version: 1, params: { lowYear: { multiplier: 2, margin: 0.03 }, worsened: { minZ: 2.33 } } },
      restriction: { startAt: T0, earliestEndAt: openedRecheckAt, endAt: null },
      appeal: { path: `/seller/cases/${caseId}/appeal`, deadline: new Date("2027-05-02T09:30:00Z") },
    });
    expect(openedRecheckAt).toEqual(addDays(T0, 14));
    expect(statement.facts.asOf).not.toBeNull();
  });

  test("[SELLER] the extension's: its reasons, message and new re-check date; contestable for the policy's months from it", async () => {
    const statement = await getStatementForSeller({ actor: seller, caseId, key: `decision-${extensionId}` });

    expect(statement).toMatchObject({
      kind: "extend",
      puid: `cg-decision-${extensionId}`,
      decidedAt: EXTENDED_AT,
      extendReasons: ["negative_reviews_unresolved"],
      message: "Please answer the remaining reviews first.",
      restriction: { startAt: T0, earliestEndAt: newRecheckAt, endAt: null },
      appeal: { deadline: addMonths(EXTENDED_AT, 6) },
    });
    expect(newRecheckAt).toEqual(new Date("2026-11-23T00:00:00Z"));
  });

  test("[SELLER] the reinstatement's: the restriction's end, nothing to contest", async () => {
    const statement = await getStatementForSeller({ actor: seller, caseId, key: `decision-${reinstatementId}` });

    expect(statement).toMatchObject({
      kind: "reinstate",
      decidedAt: REINSTATED_AT,
      restriction: { startAt: T0, earliestEndAt: newRecheckAt, endAt: REINSTATED_AT },
      appeal: null,
    });
  });

  test("[SELLER] a decision's statement carries the appeal made against it and its answer; the other decisions' do not", async () => {
    const appealedAt = addDays(EXTENDED_AT, 1);
    const answeredAt = addDays(EXTENDED_AT, 3);
    const second = (await createTestUser("moderator")).actor;
    await db.execute(sql`
      insert into appeals (case_id, seller_id, subject, decision_id, reason, submitted_by, submitted_at, status, decided_by, decided_at, decision_reason)
      select id, seller_id, 'extension', ${extensionId}, 'The reviews were answered before the re-check.', ${seller.userId},
             ${appealedAt.toISOString()}::timestamptz, 'upheld', ${second.userId}, ${answeredAt.toISOString()}::timestamptz,
             'Two reviews were still unanswered on the re-check date.'
      from cases where id = ${caseId}`);
    try {
      const extension = await getStatementForSeller({ actor: seller, caseId, key: `decision-${extensionId}` });
      expect(extension.appealMade).toEqual({
        status: "upheld",
        submittedAt: appealedAt,
        decidedAt: answeredAt,
        decisionReason: "Two reviews were still unanswered on the re-check date.",
      });
      const exclusion = await getStatementForSeller({ actor: seller, caseId, key: "exclusion" });
      expect(exclusion.appealMade).toBeNull();
      const reinstatement = await getStatementForSeller({ actor: seller, caseId, key: `decision-${reinstatementId}` });
      expect(reinstatement.appealMade).toBeNull();
    } finally {
      await db.execute(sql`delete from appeals where case_id = ${caseId}`);
    }
  });

  test("[SELLER] another seller's case, an unknown key or another case's decision is not found; a seller cannot use the moderators' reader", async () => {
    for (const attempt of [
      () => getStatementForSeller({ actor: otherSeller, caseId, key: "exclusion" }),
      () => getStatementForSeller({ actor: seller, caseId, key: "decision-999999" }),
      () => getStatementForSeller({ actor: seller, caseId, key: "decision-0" }),
      () => getStatementForSeller({ actor: seller, caseId, key: "appeal" }),
      () => getStatementForModerator({ actor: moderator, caseId: caseId + 1000, key: `decision-${extensionId}` }),
    ])
      expect((await refusalOf(attempt())).code).toBe("NOT_FOUND");
    expect((await refusalOf(getStatementForModerator({ actor: seller, caseId, key: "exclusion" }))).code).toBe("FORBIDDEN");
  });
});

describe("[ADMIN] the DSA Transparency Database JSON", () => {
  const statements = async (): Promise<StatementOfReasons[]> =>
    Promise.all(
      ["exclusion", `decision-${extensionId}`, `decision-${reinstatementId}`].map((key) =>
        getStatementForModerator({ actor: moderator, caseId, key }),
      ),
    );

  test("[ADMIN] every statement validates against the schema of the database's fields", async () => {
    const [exclusion, extension, reinstatement] = (await statements()).map((statement) => toDsaStatement(statement, ZONE));
    for (const dsa of [exclusion, extension, reinstatement]) expect(dsaStatementSchema.safeParse(dsa).error).toBeUndefined();
    expect(exclusion).toMatchObject({
      decision_provision: "DECISION_PROVISION_PARTIAL_SUSPENSION",
      decision_ground: "DECISION_GROUND_INCOMPATIBLE_CONTENT",
      automated_detection: "Yes",
      automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED",
      source_type: "SOURCE_VOLUNTARY",
      account_type: "ACCOUNT_TYPE_BUSINESS",
      content_type: ["CONTENT_TYPE_PRODUCT"],
      application_date: "2026-11-02",
      end_date_service_restriction: null,
      puid: `cg-case-${caseId}-exclusion`,
    });
    expect(exclusion!.decision_facts).toContain("30%");
    expect(exclusion!.decision_facts).toContain("2026-11-01T22:00:03.250Z");
    expect(reinstatement).toMatchObject({ application_date: "2026-11-02", end_date_service_restriction: "2026-11-23" });
  });

  test("[ADMIN] the schema refuses a value the database does not take", async () => {
    const [exclusion] = (await statements()).map((statement) => toDsaStatement(statement, ZONE));
    const wrong = [
      { ...exclusion, decision_provision: "DECISION_PROVISION_PARTIAL" },
      { ...exclusion, automated_decision: "No" },
      { ...exclusion, application_date: "2026-11-02T09:30:00Z" },
      { ...exclusion, territorial_scope: ["UA"] },
      { ...exclusion, decision_facts: "x".repeat(5001) },
      { ...exclusion, end_date: "2026-11-23" },
    ];
    for (const statement of wrong) expect(dsaStatementSchema.safeParse(statement).success).toBe(false);
  });
});

describe("[ADMIN] the batch of a range of days", () => {
  test("[ADMIN] holds exactly the decisions taken on those days, in the portal's time zone", async () => {
    const puids = async (from: string, to: string) =>
      (await listStatementsInRange({ actor: admin, input: { from, to } })).map((statement) => statement.puid);

    expect(await puids("2026-11-02", "2026-11-02")).toEqual([`cg-case-${caseId}-exclusion`]);
    expect(await puids("2026-11-03", "2026-11-22")).toEqual([`cg-decision-${extensionId}`]);
    expect(await puids("2026-11-01", "2026-11-30")).toEqual([
      `cg-case-${caseId}-exclusion`,
      `cg-decision-${extensionId}`,
      `cg-decision-${reinstatementId}`,
    ]);
    expect(await puids("2026-11-24", "2026-12-31")).toEqual([]);
  });

  test("[ADMIN] a bad range is refused naming the field; moderators and sellers are refused", async () => {
    const range = (from: string, to: string, actor = admin) => refusalOf(listStatementsInRange({ actor, input: { from, to } }));
    expect(await range("2026-11-30", "2026-11-01")).toMatchObject({ code: "INVALID", issues: [{ path: "to" }] });
    expect(await range("2026-02-30", "2026-03-01")).toMatchObject({ code: "INVALID", issues: [{ path: "from" }] });
    expect(await range("yesterday", "2026-03-01")).toMatchObject({ code: "INVALID", issues: [{ path: "from" }] });
    expect((await range("2026-11-01", "2026-11-30", moderator)).code).toBe("FORBIDDEN");
    expect((await range("2026-11-01", "2026-11-30", seller)).code).toBe("FORBIDDEN");
  });
});
