import "server-only";
import { and, asc, desc, gt, ilike, lt, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/search/escape-like";
import { keysetPage, type ListCursor } from "@/lib/search/keyset";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = {
  /** The start of an action name: "user." finds every user change, "user.role_changed" one kind. */
  action?: string;
  /** Part of the actor's e-mail or label ("system", an API key's name). */
  actor?: string;
};

export type AuditCursor = ListCursor;

/**
 * One page of the audit trail, newest first, paged by `seq` (keyset): the trail only grows, and
 * a page deep in it costs the same as the first. `before` gives the page of entries older than
 * that seq, `after` the page of entries newer than it. No total count: counting a long trail on
 * every view costs more than it tells.
 */
export async function listAudit(params: { actor: Actor; cursor: AuditCursor; filters: AuditFilters }) {
  assertCan(params.actor, "audit:read");
  const { before, after } = params.cursor;
  const action = params.filters.action?.trim();
  const actorText = params.filters.actor?.trim();

  const conditions: SQL[] = [];
  if (action) conditions.push(ilike(auditLog.action, `${escapeLike(action)}%`));
  if (actorText) conditions.push(ilike(auditLog.actorLabel, `%${escapeLike(actorText)}%`));
  const isGoingNewer = after !== undefined;
  if (isGoingNewer) conditions.push(gt(auditLog.seq, after));
  else if (before !== undefined) conditions.push(lt(auditLog.seq, before));

  const found = await db
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
    .orderBy(isGoingNewer ? asc(auditLog.seq) : desc(auditLog.seq))
    // One row more than a page, to know whether there is another page that way.
    .limit(AUDIT_PAGE_SIZE + 1);

  return keysetPage(found, AUDIT_PAGE_SIZE, params.cursor, (entry) => entry.seq);
}
