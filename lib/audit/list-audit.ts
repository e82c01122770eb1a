import "server-only";
import { and, desc, ilike, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/search/escape-like";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  /** The start of an action name: "user." finds every user change, "user.role_changed" one kind. */
  action?: string;
  /** Part of the actor's e-mail or label ("system", an API key's name). */
  actor?: string;
};

/** LIKE treats % and _ as wildcards; a search for "a_b" means the text "a_b". */
/**
 * One page of the audit trail, newest first. Without a total count: counting a long trail on every
 * page view costs more than it tells, so the page only says whether there is an older page.
 */
export async function listAudit(params: { actor: Actor; page: number; filters: AuditFilters }) {
  assertCan(params.actor, "audit:read");
  const page = Math.max(1, Math.floor(params.page) || 1);
  const action = params.filters.action?.trim();
  const actorText = params.filters.actor?.trim();

  const conditions: SQL[] = [];
  if (action) conditions.push(ilike(auditLog.action, `${escapeLike(action)}%`));
  if (actorText) conditions.push(ilike(auditLog.actorLabel, `%${escapeLike(actorText)}%`));

  const rows = await db
    .select({
      seq: auditLog.seq,
      occurredAt: auditLog.occurredAt,
      actorLabel: auditLog.actorLabel,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.seq))
    // One row more than a page, to know whether an older page exists.
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE);

  return {
    rows: rows.slice(0, AUDIT_PAGE_SIZE),
    page,
    pageSize: AUDIT_PAGE_SIZE,
    hasOlderPage: rows.length > AUDIT_PAGE_SIZE,
  };
}
