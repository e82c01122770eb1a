import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { ownSellerId } from "@/lib/cases/seller-case-access";

/**
 * How many of the signed-in seller's notifications are unread, for the navigation on every page:
 * one count over the partial index notifications_unread_idx (seller_id where read_at is null).
 * Scoped by the actor's seller id; no parameter names a seller.
 */
export async function countUnreadNotifications(params: { actor: UserActor }): Promise<number> {
  const sellerId = ownSellerId(params.actor);
  const [row] = await db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.sellerId, sellerId), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}
