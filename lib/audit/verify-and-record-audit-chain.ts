import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

/** What one walk of the chain found, as recorded in its `audit.verified` entry's `after`. */
export type AuditVerificationResult = {
  ok: boolean;
  /** Entries found intact, from the first. */
  entries: number;
  /** The last intact entry's seq (0: none). */
  lastSeq: number;
  /** The first entry that does not fit, when the chain is broken. */
  firstBrokenSeq?: number;
  problem?: string;
};

export type LatestAuditVerification = AuditVerificationResult & { at: Date; actorLabel: string; actorRole: string };

/**
 * Walks the whole chain (lib/audit/verify-audit-chain.ts) and records what it found as an
 * `audit.verified` entry, so the audit page shows the latest result without walking millions of
 * entries on every view. Run by `npm run audit:verify`, the nightly job and the admin's button.
 */
export async function verifyAndRecordAuditChain(params: { actor: Actor; now: Date }): Promise<AuditVerificationResult> {
  assertCan(params.actor, "audit:verify");
  const report = await verifyAuditChain(db);
  const result: AuditVerificationResult = report.ok
    ? { ok: true, entries: report.checked, lastSeq: report.checked }
    : {
        ok: false,
        entries: report.checked,
        lastSeq: report.checked,
        firstBrokenSeq: report.firstBroken.seq,
        problem: report.firstBroken.problem,
      };
  await db.transaction(async (tx) => {
    await recordAudit(tx, {
      actor: params.actor,
      action: "audit.verified",
      entityType: "audit-trail",
      after: result,
      at: params.now,
    });
  });
  return result;
}

type Row = { occurred_at: Date | string; actor_label: string; actor_role: string; after: AuditVerificationResult | null };

/** The latest recorded verification (one index probe on (action, seq)), or null if none was run. */
export async function getLatestAuditVerification(params: { actor: Actor }): Promise<LatestAuditVerification | null> {
  assertCan(params.actor, "audit:read");
  const [row] = await queryRows<Row>(
    db,
    sql`select occurred_at, actor_label, actor_role, after from audit_log a
        where a.action = 'audit.verified' order by a.seq desc limit 1`,
  );
  if (!row?.after) return null;
  return { ...row.after, at: new Date(row.occurred_at), actorLabel: row.actor_label, actorRole: row.actor_role };
}
