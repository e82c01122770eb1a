import { expect, test } from "vitest";
import { db } from "@/db";
import { appeals, cases, evaluations, flags, letterReplies, letters, scoringPolicies } from "@/db/schema";
import { getModerationSummary } from "@/lib/dashboard/get-moderation-summary";
import { DEFAULT_POLICY } from "@/lib/quality/policy";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-07-01T09:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

test("[MODERATOR] the work queue counts open flags, cases by stage, letters awaiting an answer and appeals waiting", async () => {
  const { actor, user: moderator } = await createTestUser("moderator");
  const [s1, s2, s3] = await Promise.all([1, 2, 3].map((i) => createTestSeller(`Shop ${i}`)));
  await db.insert(scoringPolicies).values({ version: 1, params: DEFAULT_POLICY, activatedAt: new Date() });
  const [evaluation] = await db
    .insert(evaluations)
    .values({
      asOf: daysAgo(3),
      policyVersion: 1,
      status: "completed",
      startedAt: daysAgo(3),
      timeZone: "Europe/Kyiv",
      requestedBy: "test",
    })
    .returning();
  await db.insert(flags).values([
    { evaluationId: evaluation!.id, sellerId: s1!.id, status: "open" },
    { evaluationId: evaluation!.id, sellerId: s2!.id, status: "open" },
    { evaluationId: evaluation!.id, sellerId: s3!.id, status: "dismissed" },
  ]);
  const openedCase = (sellerId: number, excludedDaysAgo: number, status: "EXCLUDED" | "REINSTATED" = "EXCLUDED") => ({
    sellerId,
    openedBy: moderator.id,
    excludedAt: daysAgo(excludedDaysAgo),
    recheckAt: daysAgo(excludedDaysAgo - 14),
    evidence: {},
    status,
  });
  const [inExclusion, due] = await db
    .insert(cases)
    .values([openedCase(s1!.id, 5), openedCase(s2!.id, 20), openedCase(s3!.id, 40, "REINSTATED")])
    .returning();
  const [, answered] = await db
    .insert(letters)
    .values([
      { caseId: inExclusion!.id, sellerId: s1!.id, version: 1, status: "submitted", submittedAt: daysAgo(2) },
      { caseId: due!.id, sellerId: s2!.id, version: 1, status: "submitted", submittedAt: daysAgo(19) },
      { caseId: due!.id, sellerId: s2!.id, version: 2, status: "submitted", submittedAt: daysAgo(15) },
      { caseId: due!.id, sellerId: s2!.id, version: 3, status: "draft" },
    ])
    .returning();
  await db.insert(letterReplies).values({
    letterId: answered!.id,
    caseId: due!.id,
    sellerId: s2!.id,
    moderatorId: moderator.id,
    verdict: "changes_requested",
    message: "Please add causes",
  });

  const { user: sellerUser } = await createTestUser("seller", { sellerExternalId: s1!.externalId });
  const appeal = (caseId: number, sellerId: number) => ({
    caseId,
    sellerId,
    subject: "exclusion" as const,
    reason: "The parcels were late because of the carrier, not us.",
    submittedBy: sellerUser.id,
    submittedAt: daysAgo(1),
  });
  await db.insert(appeals).values([
    appeal(inExclusion!.id, s1!.id),
    {
      ...appeal(due!.id, s2!.id),
      status: "upheld",
      decidedBy: moderator.id,
      decidedAt: daysAgo(0),
      decisionReason: "The reviews name the shop's packing, not the carrier.",
    },
  ]);

  expect(await getModerationSummary({ actor, now: NOW })).toEqual({
    openFlags: 2,
    excludedCases: 1,
    casesDueForRecheck: 1,
    lettersAwaitingAnswer: 2,
    lettersOverdue: 1,
    appealsWaiting: 1,
  });
});

test("[SELLER] cannot see the moderation work queue", async () => {
  const { actor } = await createTestUser("seller");
  await expect(getModerationSummary({ actor, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
});
