import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { markNotificationReadInput } from "@/lib/notifications/notification-input";
import { parseInput } from "@/lib/validation";

/**
 * Marks one of the signed-in seller's notifications read; marking it again keeps the first time.
 * Another seller's notification is not found, like one that does not exist. Not audited: it
 * changes what the seller's inbox highlights, nothing of the case.
 */
export async function markNotificationRead(params: { actor: UserActor; notificationId: number; now: Date }) {
  assertCan(params.actor, "seller-portal:use");
  const { notificationId } = parseInput(markNotificationReadInput, { notificationId: params.notificationId });
  const sellerId = params.actor.sellerId;
  if (sellerId == null) throw notFound("The notification");
  const [updated] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${params.now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.sellerId, sellerId)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!updated) throw notFound("The notification");
  return updated;
}
