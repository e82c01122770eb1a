import { expect, test } from "vitest";
import { db } from "@/db";
import { appeals, cases, evaluations, flags, letters, outboxEvents, scoringPolicies } from "@/db/schema";
import { getAdminOverview } from "@/lib/dashboard/get-admin-overview";
import { DEFAULT_POLICY } from "@/lib/quality/policy";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

// A Wednesday noon in Kyiv: this week began on Monday 2026-06-29.
const NOW = new Date("2026-07-01T09:00:00Z");
const ZONE = "Europe/Kyiv";
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

test("[ADMIN] the overview counts each queue, the median time to reinstatement and the weekly exclusions", async () => {
  const { actor, user: moderator } = await createTestUser("admin");
  const sellers = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => createTestSeller(`Shop ${i}`)));
  const id = (i: number) => sellers[i]!.id;
  await db.insert(scoringPolicies).values({ version: 1, params: DEFAULT_POLICY, activatedAt: daysAgo(100) });
  const evaluation = (asOf: Date) => ({
    asOf,
    policyVersion: 1,
    status: "completed" as const,
    startedAt: asOf,
    timeZone: ZONE,
    requestedBy: "test",
  });
  const [older, latest] = await db
    .insert(evaluations)
    .values([evaluation(daysAgo(9)), evaluation(daysAgo(2))])
    .returning();
  await db.insert(flags).values([
    { evaluationId: older!.id, sellerId: id(0), status: "open" },
    { evaluationId: latest!.id, sellerId: id(1), status: "open" },
    { evaluationId: latest!.id, sellerId: id(2), status: "open" },
    { evaluationId: latest!.id, sellerId: id(3), status: "dismissed" },
  ]);
  const aCase = (seller: number, excluded: number, recheck: number, reinstated?: number) => ({
    sellerId: id(seller),
    openedBy: moderator.id,
    excludedAt: daysAgo(excluded),
    recheckAt: daysAgo(recheck),
    evidence: {},
    status: reinstated === undefined ? ("EXCLUDED" as const) : ("REINSTATED" as const),
    reinstatedAt: reinstated === undefined ? null : daysAgo(reinstated),
  });
  const [inExclusion, due] = await db
    .insert(cases)
    .values([
      aCase(0, 1, -13), // excluded this week (Tuesday), re-check ahead
      aCase(1, 20, 6), // re-check date passed: due
      aCase(2, 40, 26, 21), // 19 days to reinstatement, three weeks ago
      aCase(3, 60, 46, 30), // 30 days
      aCase(4, 200, 186, 100), // reinstated before the 90 days: not in the median
    ])
    .returning();
  await db.insert(letters).values([
    { caseId: inExclusion!.id, sellerId: id(0), version: 1, status: "submitted", submittedAt: daysAgo(1) },
    { caseId: due!.id, sellerId: id(1), version: 1, status: "submitted", submittedAt: daysAgo(16) },
  ]);
  await db.insert(appeals).values({
    caseId: due!.id,
    sellerId: id(1),
    subject: "exclusion",
    reason: "The complaints were about the courier",
    submittedBy: moderator.id,
    submittedAt: daysAgo(1),
  });
  await db.insert(outboxEvents).values([
    { sellerId: id(0), type: "seller.excluded", payload: {}, attempts: 3 },
    { sellerId: id(1), type: "seller.excluded", payload: {}, attempts: 0 },
    { sellerId: id(2), type: "seller.reinstated", payload: {}, attempts: 1, deliveredAt: daysAgo(20) },
  ]);

  const overview = await getAdminOverview({ actor, now: NOW, timeZone: ZONE });

  expect(overview).toMatchObject({
    openCases: 2,
    casesDue: 1,
    lettersOverdue: 1,
    appealsWaiting: 1,
    medianDaysToReinstatement: 24.5,
    reinstatementsInMedian: 2,
    flagsThisWeek: 2,
    outboxFailures: 1,
  });
  expect(overview.weeks).toHaveLength(12);
  expect(overview.weeks.at(-1)).toEqual({ weekStart: "2026-06-29", exclusions: 1, reinstatements: 0 });
  expect(overview.weeks[0]!.weekStart).toBe("2026-04-13");
  // 20 days ago (Thursday 2026-06-11): week of 06-08; 21 days ago (Wednesday 06-10): the same week.
  expect(overview.weeks.find((week) => week.weekStart === "2026-06-08")).toEqual({
    weekStart: "2026-06-08",
    exclusions: 1,
    reinstatements: 1,
  });
  expect(overview.weeks.reduce((sum, week) => sum + week.exclusions, 0)).toBe(4);
  expect(overview.weeks.reduce((sum, week) => sum + week.reinstatements, 0)).toBe(2);
});

test("[MODERATOR] and [SELLER] cannot read the admin's overview", async () => {
  for (const role of ["moderator", "seller"] as const) {
    const { actor } = await createTestUser(role);
    await expect(getAdminOverview({ actor, now: NOW, timeZone: ZONE })).rejects.toMatchObject({ code: "FORBIDDEN" });
  }
});
