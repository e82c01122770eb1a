import "server-only";
import { createHash } from "node:crypto";
import { desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db";
import { scoringPolicies, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { ensureDefaultPolicy, getCurrentPolicy } from "@/lib/quality/get-current-policy";
import { policyParamsSchema, type Policy, type PolicyParams } from "@/lib/quality/policy";
import { parseInput } from "@/lib/validation";
import { activatePolicyDraftInput, policyDraftInput, savePolicyDraftInput } from "./policy-input";

/**
 * The policy editor (admins only, checked here): one draft at a time, made from the version in
 * force, edited, previewed (lib/policy/preview-policy.ts) and activated with a reason. Activated
 * versions never change: old evaluations keep theirs, the next evaluation uses the one activated
 * last. Every change is audited in its own transaction.
 */

export type PolicyVersionRow = {
  version: number;
  createdAt: Date;
  createdByEmail: string | null;
  activatedAt: Date | null;
  activatedByEmail: string | null;
  activationReason: string | null;
};

export type PolicyOverview = {
  active: Policy & { activatedAt: Date | null };
  draft: (Policy & { fingerprint: string }) | null;
  versions: PolicyVersionRow[];
};

/** The draft as a preview saw it: a change since (a save, a discard and a new draft) changes it. */
export function policyFingerprint(policy: Policy): string {
  return createHash("sha256")
    .update(`${policy.version}:${JSON.stringify(policyParamsSchema.parse(policy.params))}`)
    .digest("hex");
}

/** The version in force, the draft if any, and every version (newest first): three queries. */
export async function getPolicyOverview(params: { actor: Actor; now: Date }): Promise<PolicyOverview> {
  assertCan(params.actor, "policy:edit");
  await ensureDefaultPolicy(params.now);
  const active = await getCurrentPolicy(db);
  const activator = sql`(select u.email from users u where u.id = ${scoringPolicies.activatedBy})`;
  const rows = await db
    .select({
      version: scoringPolicies.version,
      params: scoringPolicies.params,
      createdAt: scoringPolicies.createdAt,
      createdByEmail: users.email,
      activatedAt: scoringPolicies.activatedAt,
      activatedByEmail: sql<string | null>`${activator}`,
      activationReason: scoringPolicies.activationReason,
    })
    .from(scoringPolicies)
    .leftJoin(users, eq(users.id, scoringPolicies.createdBy))
    .orderBy(desc(scoringPolicies.version));
  const draftRow = rows.find((row) => row.activatedAt === null);
  const draft = draftRow ? { version: draftRow.version, params: policyParamsSchema.parse(draftRow.params) } : null;
  return {
    active: { ...active, activatedAt: rows.find((row) => row.version === active.version)?.activatedAt ?? null },
    draft: draft && { ...draft, fingerprint: policyFingerprint(draft) },
    versions: rows.map(({ params: _params, ...row }) => row),
  };
}

/** The draft, locked for the rest of the transaction; null when there is none. */
export async function lockDraft(tx: Transaction): Promise<Policy | null> {
  const [row] = await tx.select().from(scoringPolicies).where(isNull(scoringPolicies.activatedAt)).for("update");
  return row ? { version: row.version, params: policyParamsSchema.parse(row.params) } : null;
}

/** The draft the form was made for, or a typed refusal: there is none now, or it is another one. */
async function lockDraftVersion(tx: Transaction, version: number): Promise<Policy> {
  const draft = await lockDraft(tx);
  if (!draft || draft.version !== version)
    throw conflict("There is no draft of this version any more", { reason: "no_policy_draft" });
  return draft;
}

/** A new draft with the parameters of the version in force. Refused while a draft exists. */
export async function createPolicyDraft(params: { actor: UserActor; now: Date }): Promise<{ version: number }> {
  const { actor, now } = params;
  assertCan(actor, "policy:edit");
  await ensureDefaultPolicy(now);
  return db.transaction(async (tx) => {
    // One editor at a time: the partial unique index would refuse a second draft anyway.
    await tx.execute(sql`lock table scoring_policies in share row exclusive mode`);
    if (await lockDraft(tx)) throw conflict("A draft already exists", { reason: "policy_draft_exists" });
    const active = await getCurrentPolicy(tx);
    const [next] = await tx
      .select({ version: sql<number>`coalesce(max(${scoringPolicies.version}), 0) + 1` })
      .from(scoringPolicies);
    const version = Number(next!.version);
    await tx.insert(scoringPolicies).values({
      version,
      params: active.params,
      note: `Draft made from version ${active.version}`,
      createdBy: actor.userId,
      createdAt: now,
    });
    await recordAudit(tx, {
      actor,
      action: "policy.draft_created",
      entityType: "policy",
      entityId: version,
      after: { fromVersion: active.version, params: active.params },
      at: now,
    });
    return { version };
  });
}

/** Saves the draft's parameters (validated again here: ranges, the 14-day floor). */
export async function savePolicyDraft(params: { actor: UserActor; input: unknown; now: Date }): Promise<{ fingerprint: string }> {
  const { actor, now } = params;
  assertCan(actor, "policy:edit");
  const input = parseInput(savePolicyDraftInput, params.input);
  return db.transaction(async (tx) => {
    const draft = await lockDraftVersion(tx, input.version);
    await tx.update(scoringPolicies).set({ params: input.params }).where(eq(scoringPolicies.version, draft.version));
    await recordAudit(tx, {
      actor,
      action: "policy.draft_saved",
      entityType: "policy",
      entityId: draft.version,
      before: draft.params,
      after: input.params,
      at: now,
    });
    return { fingerprint: policyFingerprint({ version: draft.version, params: input.params }) };
  });
}

export async function discardPolicyDraft(params: { actor: UserActor; input: unknown; now: Date }): Promise<void> {
  const { actor, now } = params;
  assertCan(actor, "policy:edit");
  const input = parseInput(policyDraftInput, params.input);
  await db.transaction(async (tx) => {
    const draft = await lockDraftVersion(tx, input.version);
    await tx.delete(scoringPolicies).where(eq(scoringPolicies.version, draft.version));
    await recordAudit(tx, {
      actor,
      action: "policy.draft_discarded",
      entityType: "policy",
      entityId: draft.version,
      before: draft.params,
      at: now,
    });
  });
}

/**
 * Puts the draft in force, with the admin's reason. Refused (typed) when there is no draft, or
 * when it changed since the preview the admin saw (the fingerprint differs): an admin activates
 * only what they previewed.
 */
export async function activatePolicyDraft(params: { actor: UserActor; input: unknown; now: Date }): Promise<{ version: number }> {
  const { actor, now } = params;
  assertCan(actor, "policy:edit");
  const input = parseInput(activatePolicyDraftInput, params.input);
  return db.transaction(async (tx) => {
    const draft = await lockDraftVersion(tx, input.version);
    if (policyFingerprint(draft) !== input.previewedFingerprint)
      throw conflict("The draft changed after its preview was shown", { reason: "policy_draft_changed" });
    const before = await getCurrentPolicy(tx);
    await tx
      .update(scoringPolicies)
      .set({ activatedAt: now, activatedBy: actor.userId, activationReason: input.reason })
      .where(eq(scoringPolicies.version, draft.version));
    await recordAudit(tx, {
      actor,
      action: "policy.activated",
      entityType: "policy",
      entityId: draft.version,
      before: { version: before.version, params: before.params },
      after: { version: draft.version, params: draft.params },
      reason: input.reason,
      at: now,
    });
    return { version: draft.version };
  });
}

/** The draft, for the preview: null when there is none. */
export async function readDraft(executor: Executor): Promise<Policy | null> {
  const [row] = await executor.select().from(scoringPolicies).where(isNull(scoringPolicies.activatedAt));
  return row ? { version: row.version, params: policyParamsSchema.parse(row.params) } : null;
}

export type { PolicyParams };
