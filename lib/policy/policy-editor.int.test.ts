/**
 * The policy editor: a draft's preview is exactly what an evaluation under that version then
 * flags, on the same data (several parameters changed, FDR control on), and the preview writes
 * nothing. Activation is refused without a draft or when the draft changed after its preview;
 * the 14-day floor is enforced on the server; moderators are refused every step.
 */
import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, evaluations, flagReasons, flags, scoringPolicies, sellerMetrics, sellers } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import {
  activatePolicyDraft,
  createPolicyDraft,
  discardPolicyDraft,
  getPolicyOverview,
  savePolicyDraft,
} from "@/lib/policy/manage-policy";
import { previewPolicyDraft } from "@/lib/policy/preview-policy";
import { DEFAULT_POLICY, type PolicyParams } from "@/lib/quality/policy";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { normalQuantile } from "@/lib/quality/statistics";
import { TEST_ACTOR, evenly, ingest, marketplaceId, shopEvents, type ShopPlan } from "@/scripts/test-support/events";
import { createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-20T12:00:00Z");
const AS_OF = new Date("2026-09-07T00:00:00+03:00");

/** Recent reviews between day 5 and 70 before asOf, baseline ones between 120 and 340; the first `negative` of each are 1-star. */
function reviewsOf(recent: { count: number; negative: number }, baseline: { count: number; negative: number }) {
  const rated = (days: number[], negative: number) => days.map((day, i) => ({ day, rating: i < negative ? 1 : 5 }));
  return [...rated(evenly(recent.count, 5, 70), recent.negative), ...rated(evenly(baseline.count, 120, 340), baseline.negative)];
}
const FORTY_ORDERS = evenly(40, 3, 350);
const TWO_COMPLAINTS = [20, 200];

const plans: ShopPlan[] = [
  // Ordinary sellers: year 1/20 or 2/20 negative, complaints 2/40.
  ...Array.from({ length: 40 }, (_, i) => ({
    sellerId: marketplaceId("P-ordinary"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: i % 2 }, { count: 15, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  })),
  // Strongly worse over the year: 24 of 40 negative, spread evenly (not worsened).
  {
    sellerId: marketplaceId("P-strong-low"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 10, negative: 6 }, { count: 30, negative: 18 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // Moderately worse over the year: 12 of 30 (flagged by the Wilson rule, weak once tested against many).
  {
    sellerId: marketplaceId("P-weak-low"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 10, negative: 4 }, { count: 20, negative: 8 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // Strongly worsened: recent 9/12 against a baseline of 1/30.
  {
    sellerId: marketplaceId("P-strong-worse"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 12, negative: 9 }, { count: 30, negative: 1 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // Weakly worsened: recent 4/9 against 2/28 (z ≈ 2.64: above 2.33, a p-value of 0.004).
  {
    sellerId: marketplaceId("P-weak-worse"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 9, negative: 4 }, { count: 28, negative: 2 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // 9 reviews only, 5 negative: not eligible under version 1, eligible at 8 reviews.
  {
    sellerId: marketplaceId("P-nine-reviews"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 3, negative: 2 }, { count: 6, negative: 3 }),
    complaintDays: TWO_COMPLAINTS,
  },
  // Complaints 14 of 40.
  {
    sellerId: marketplaceId("P-complaints"),
    orderDays: FORTY_ORDERS,
    reviews: reviewsOf({ count: 5, negative: 1 }, { count: 15, negative: 1 }),
    complaintDays: evenly(14, 5, 340),
  },
];

/** Several changes at once: FDR on, a lower multiplier, a shorter recent window, fewer reviews needed. */
const CHANGED: PolicyParams = {
  ...DEFAULT_POLICY,
  windows: { ...DEFAULT_POLICY.windows, recentDays: 80 },
  eligibility: { ...DEFAULT_POLICY.eligibility, minUniqueReviews: 8 },
  lowYear: { ...DEFAULT_POLICY.lowYear, multiplier: 1.5 },
  fdr: { q: 0.05 },
};

let admin: UserActor;
let moderator: UserActor;

beforeAll(async () => {
  await ingest(
    plans.flatMap((plan) => shopEvents(plan, AS_OF)),
    NOW,
  );
  admin = (await createTestUser("admin")).actor as UserActor;
  moderator = (await createTestUser("moderator")).actor as UserActor;
});

async function flaggedBy(evaluationId: number) {
  const rows = await db
    .select({ sellerId: flags.sellerId, reason: flagReasons })
    .from(flags)
    .innerJoin(flagReasons, eq(flagReasons.flagId, flags.id))
    .where(eq(flags.evaluationId, evaluationId))
    .orderBy(flags.sellerId, flagReasons.id);
  const bySeller = new Map<number, unknown[]>();
  for (const row of rows) {
    const { code, metric, window, value, intervalLow, intervalHigh, portalValue, rule, threshold, details } = row.reason;
    const reason = { code, metric, window, value, intervalLow, intervalHigh, portalValue, rule, threshold, details };
    bySeller.set(row.sellerId, [...(bySeller.get(row.sellerId) ?? []), reason]);
  }
  return bySeller;
}

async function writtenRows() {
  const tables = { evaluations, sellerMetrics, flags, flagReasons, auditLog, scoringPolicies };
  return Object.fromEntries(
    await Promise.all(
      Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n]),
    ),
  );
}

const refusalOf = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return {
    code: (error as DomainError).code,
    reason: (error as DomainError).details?.reason,
    issues: (error as DomainError).issues,
  };
};

describe("[POLICY] the policy editor", () => {
  test("[POLICY] the preview of a changed draft equals the flags of an evaluation under it, and writes nothing", async () => {
    const before = await runEvaluation({ actor: TEST_ACTOR, asOf: AS_OF, now: NOW });
    const { version } = await createPolicyDraft({ actor: admin, now: NOW });
    const { fingerprint } = await savePolicyDraft({ actor: admin, input: { version, params: CHANGED }, now: NOW });

    const rowsBefore = await writtenRows();
    const preview = await previewPolicyDraft({ actor: admin, version });
    expect(await writtenRows()).toEqual(rowsBefore);
    expect(preview.fingerprint).toBe(fingerprint);
    expect(preview.evaluationId).toBe(before.evaluationId);

    await activatePolicyDraft({
      actor: admin,
      input: { version, previewedFingerprint: fingerprint, reason: "FDR control at q = 0.05" },
      now: NOW,
    });
    const after = await runEvaluation({ actor: TEST_ACTOR, asOf: AS_OF, now: NOW });
    expect(after.evaluationId).not.toBe(before.evaluationId);
    const [afterRow] = await db.select().from(evaluations).where(eq(evaluations.id, after.evaluationId));
    expect(afterRow!.policyVersion).toBe(version);
    const [beforeRow] = await db.select().from(evaluations).where(eq(evaluations.id, before.evaluationId));
    expect(beforeRow!.policyVersion).toBe(1);

    const flaggedBefore = await flaggedBy(before.evaluationId);
    const flaggedAfter = await flaggedBy(after.evaluationId);
    const ids = (map: Map<number, unknown>) => [...map.keys()].sort((a, b) => a - b);
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

    expect(preview.flagged).toBe(flaggedAfter.size);
    expect(sorted(preview.newly.map((s) => s.sellerId))).toEqual(ids(flaggedAfter).filter((id) => !flaggedBefore.has(id)));
    expect(sorted(preview.noLonger.map((s) => s.sellerId))).toEqual(ids(flaggedBefore).filter((id) => !flaggedAfter.has(id)));
    // The same reasons, number for number, as the evaluation stored.
    for (const seller of preview.newly)
      expect(JSON.parse(JSON.stringify(seller.reasons))).toEqual(flaggedAfter.get(seller.sellerId));

    // The changes matter: someone is newly flagged and someone no longer.
    expect(preview.newly.length).toBeGreaterThan(0);
    expect(preview.noLonger.length).toBeGreaterThan(0);
    const externalIds = async (list: { sellerId: number }[]) =>
      (
        await db
          .select({ externalId: sellers.externalId })
          .from(sellers)
          .where(
            inArray(
              sellers.id,
              list.map((s) => s.sellerId),
            ),
          )
      )
        .map((s) => s.externalId.split("-").slice(0, 3).join("-"))
        .sort();
    // The weakly worsened seller does not survive Benjamini–Hochberg; eight reviews make the nine-review seller eligible.
    expect(await externalIds(preview.noLonger)).toEqual(["P-weak-worse"]);
    expect(await externalIds(preview.newly)).toContain("P-nine-reviews");

    // With FDR on, each reason carries its p-value and the week's Benjamini–Hochberg threshold.
    for (const reasons of flaggedAfter.values())
      for (const reason of reasons as {
        code: string;
        details: { pValue: number; bhThreshold: number; fdrQ: number; z: number };
      }[]) {
        expect(reason.details.pValue).toBeLessThanOrEqual(reason.details.bhThreshold);
        expect(reason.details.fdrQ).toBe(0.05);
        if (reason.code === "WORSENED") expect(normalQuantile(1 - reason.details.pValue)).toBeCloseTo(reason.details.z, 3);
      }
  });

  test("[POLICY] activation is refused without a draft and when the draft changed after its preview", async () => {
    const { version } = await createPolicyDraft({ actor: admin, now: NOW });
    expect((await refusalOf(createPolicyDraft({ actor: admin, now: NOW }))).reason).toBe("policy_draft_exists");
    const saved = await savePolicyDraft({ actor: admin, input: { version, params: DEFAULT_POLICY }, now: NOW });
    await savePolicyDraft({
      actor: admin,
      input: { version, params: { ...DEFAULT_POLICY, worsened: { minRecentReviews: 6, minZ: 2.5 } } },
      now: NOW,
    });
    const stale = await refusalOf(
      activatePolicyDraft({
        actor: admin,
        input: { version, previewedFingerprint: saved.fingerprint, reason: "a reason long enough" },
        now: NOW,
      }),
    );
    expect(stale).toMatchObject({ code: "CONFLICT", reason: "policy_draft_changed" });

    await discardPolicyDraft({ actor: admin, input: { version }, now: NOW });
    expect((await getPolicyOverview({ actor: admin, now: NOW })).draft).toBeNull();
    const none = await refusalOf(
      activatePolicyDraft({
        actor: admin,
        input: { version, previewedFingerprint: saved.fingerprint, reason: "a reason long enough" },
        now: NOW,
      }),
    );
    expect(none).toMatchObject({ code: "CONFLICT", reason: "no_policy_draft" });
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        inArray(auditLog.action, ["policy.draft_created", "policy.draft_saved", "policy.draft_discarded", "policy.activated"]),
      );
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        "policy.activated",
        "policy.draft_created",
        "policy.draft_created",
        "policy.draft_discarded",
        "policy.draft_saved",
        "policy.draft_saved",
        "policy.draft_saved",
      ].sort(),
    );
  });

  test("[POLICY] the server refuses a minimum exclusion under 14 days, naming the field", async () => {
    const { version } = await createPolicyDraft({ actor: admin, now: NOW });
    const params = { ...DEFAULT_POLICY, exclusion: { ...DEFAULT_POLICY.exclusion, minDays: 7 } };
    const refused = await refusalOf(savePolicyDraft({ actor: admin, input: { version, params }, now: NOW }));
    expect(refused.code).toBe("INVALID");
    expect(refused.issues).toContainEqual(
      expect.objectContaining({
        path: "params.exclusion.minDays",
        message: "The minimum exclusion cannot be shorter than 14 days",
      }),
    );
    const [stored] = await db.select().from(scoringPolicies).where(eq(scoringPolicies.version, version));
    expect((stored!.params as PolicyParams).exclusion.minDays).toBe(DEFAULT_POLICY.exclusion.minDays);
    await discardPolicyDraft({ actor: admin, input: { version }, now: NOW });
  });

  test("[POLICY] a moderator is refused every step", async () => {
    const { version } = await createPolicyDraft({ actor: admin, now: NOW });
    const attempts = [
      getPolicyOverview({ actor: moderator, now: NOW }),
      createPolicyDraft({ actor: moderator, now: NOW }),
      savePolicyDraft({ actor: moderator, input: { version, params: DEFAULT_POLICY }, now: NOW }),
      discardPolicyDraft({ actor: moderator, input: { version }, now: NOW }),
      previewPolicyDraft({ actor: moderator, version }),
      activatePolicyDraft({
        actor: moderator,
        input: { version, previewedFingerprint: "x", reason: "a reason long enough" },
        now: NOW,
      }),
    ];
    for (const attempt of attempts) expect((await refusalOf(attempt)).code).toBe("FORBIDDEN");
    expect((await getPolicyOverview({ actor: admin, now: NOW })).draft?.version).toBe(version);
  });
});
