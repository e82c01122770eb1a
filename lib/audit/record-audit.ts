import "server-only";
import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

export type AuditInput = {
  actor: Actor;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  sellerId?: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | null;
  at: Date;
};

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "user":
      return { actorUserId: actor.userId, actorRole: actor.role, actorLabel: actor.label };
    case "api-key":
      return { actorUserId: null, actorRole: "api-key", actorLabel: actor.label };
    case "system":
      return { actorUserId: null, actorRole: "system", actorLabel: actor.label };
  }
}

/**
 * Appends one entry to the audit trail. Call it with the transaction that makes the change, so
 * the change and its entry commit together or not at all. Call it last in the transaction: the
 * chain's lock is held from here to the commit.
 */
export async function recordAudit(executor: Executor, input: AuditInput): Promise<void> {
  await recordAuditEntries(executor, [input]);
}

/** Several entries in one statement (an evaluation's flags), in the order given. */
export async function recordAuditEntries(executor: Executor, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await executor.insert(auditLog).values(
    inputs.map((input) => ({
      ...actorColumns(input.actor),
      occurredAt: input.at,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId == null ? null : String(input.entityId),
      sellerId: input.sellerId ?? null,
      before: input.before ?? null,
      after: input.after ?? null,
      reason: input.reason ?? null,
      ip: input.ip ?? null,
    })),
  );
}
