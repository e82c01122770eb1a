import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { recordAuditEntries } from "@/lib/audit/record-audit";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { instant } from "@/lib/quality/sql-literals";

/**
 * Records that the re-check date of excluded cases has come (EXCLUDED → DUE_FOR_RECHECK), for the
 * queues and the audit trail. Decisions do not wait for it: they read the state at `now`. Not a
 * decision, so the version stays: a moderator's open form on the case stays valid.
 */
export async function markDueCases(now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await queryRows<{ id: number; seller_id: number; recheck_at: string }>(
      tx,
      sql`update cases set status = 'DUE_FOR_RECHECK', updated_at = ${instant(now)}
          where status = 'EXCLUDED' and recheck_at <= ${instant(now)}
          returning id, seller_id, recheck_at`,
    );
    await recordAuditEntries(
      tx,
      due.map((row) => ({
        actor: { ...SYSTEM_ACTOR, label: "scheduler" },
        action: "case.due_for_recheck",
        entityType: "case",
        entityId: Number(row.id),
        sellerId: Number(row.seller_id),
        before: { status: "EXCLUDED" },
        after: { status: "DUE_FOR_RECHECK", recheckAt: new Date(row.recheck_at).toISOString() },
        at: now,
      })),
    );
    return due.length;
  });
}
