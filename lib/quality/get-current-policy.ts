import "server-only";
import { desc, eq, isNotNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { scoringPolicies } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { DEFAULT_POLICY, policyParamsSchema, type Policy, type PolicyParams } from "./policy";

/**
 * On a new portal, stores SPEC's default policy as version 1 (audited like any policy change).
 * Its own short transaction: the audit entry holds the trail's lock until commit, and a long
 * evaluation must not hold it.
 */
export async function ensureDefaultPolicy(now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(scoringPolicies)
      .values({
        version: 1,
        params: DEFAULT_POLICY,
        note: "The default policy of the specification",
        createdAt: now,
        activatedAt: now,
        activationReason: "The specification's default policy, active from the first evaluation",
      })
      .onConflictDoNothing()
      .returning({ version: scoringPolicies.version });
    if (inserted.length === 0) return;
    await recordAudit(tx, {
      actor: SYSTEM_ACTOR,
      action: "policy.created",
      entityType: "policy",
      entityId: 1,
      after: DEFAULT_POLICY,
      reason: "first use: the specification's default policy",
      at: now,
    });
  });
}

/** The activated versions, the one activated last first; a draft is never in force. */
function activatedPolicies(executor: Executor) {
  return executor
    .select()
    .from(scoringPolicies)
    .where(isNotNull(scoringPolicies.activatedAt))
    .orderBy(desc(scoringPolicies.activatedAt), desc(scoringPolicies.version))
    .limit(1);
}

/** The policy in force: the version activated last. */
export async function getCurrentPolicy(executor: Executor): Promise<Policy> {
  const [current] = await activatedPolicies(executor);
  if (!current) throw new Error("No scoring policy exists yet: call ensureDefaultPolicy first");
  return toPolicy(current);
}

/**
 * For pages that only read: the policy in force, or SPEC's default on a portal that has never
 * stored one (nothing was evaluated yet), without writing it.
 */
export async function getPolicyInForce(executor: Executor): Promise<PolicyParams> {
  const [current] = await activatedPolicies(executor);
  return current ? toPolicy(current).params : DEFAULT_POLICY;
}

/** A policy by its version, as an evaluation recorded it. */
export async function getPolicyVersion(executor: Executor, version: number): Promise<Policy> {
  const [found] = await executor.select().from(scoringPolicies).where(eq(scoringPolicies.version, version));
  if (!found) throw new Error(`Scoring policy version ${version} does not exist`);
  return toPolicy(found);
}

/** A stored policy row, its params checked against the schema. */
function toPolicy(row: { version: number; params: unknown }): Policy {
  return { version: row.version, params: policyParamsSchema.parse(row.params) };
}
