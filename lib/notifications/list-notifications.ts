import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { countUnreadNotifications } from "./count-unread-notifications";

export const INBOX_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/**
 * One page of the signed-in seller's notifications, newest first, and how many are unread. Scoped
 * by the actor's seller id: there is no parameter that could name another seller. Paged by keyset
 * (`before`: the id of the last notification of the previous page), so a new notification arriving
 * meanwhile does not shift the pages; a `before` of another seller's notification finds nothing.
 */
export async function listNotifications(params: { actor: UserActor; before?: number; pageSize?: number }) {
  assertCan(params.actor, "seller-portal:use");
  const sellerId = params.actor.sellerId;
  if (sellerId == null) throw notFound("Your seller account");
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(params.pageSize ?? INBOX_PAGE_SIZE) || INBOX_PAGE_SIZE));

  const conditions: SQL[] = [eq(notifications.sellerId, sellerId)];
  if (params.before !== undefined) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (select created_at, id from notifications where id = ${params.before} and seller_id = ${sellerId})`,
    );
  }
  const [found, unreadCount] = await Promise.all([
    db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        payload: notifications.payload,
        caseId: notifications.caseId,
        createdAt: notifications.createdAt,
        readAt: notifications.readAt,
      })
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      // One row more than a page, to know whether there is an older page.
      .limit(pageSize + 1),
    countUnreadNotifications({ actor: params.actor }),
  ]);
  const rows = found.slice(0, pageSize);
  const hasOlder = found.length > pageSize;
  return {
    rows,
    pageSize,
    unreadCount,
    olderCursor: hasOlder ? { before: rows[rows.length - 1]!.id } : undefined,
  };
}
