import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { notifications } from "@/db/schema";
import { countUnreadNotifications } from "@/lib/notifications/count-unread-notifications";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import type { NotificationPayload } from "@/lib/notifications/notification-kinds";
import { createTestUser } from "@/scripts/test-support/factories";

const T0 = new Date("2026-05-04T08:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function notify(
  sellerId: number,
  createdAt: Date,
  payload: NotificationPayload = { kind: "case_reinstated", caseId: 1, reinstatedAt: createdAt.toISOString() },
) {
  const [row] = await db.insert(notifications).values({ sellerId, kind: payload.kind, payload, createdAt }).returning();
  return row!;
}
const readAtOf = async (id: number) =>
  (await db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)))[0]!.readAt;

describe("the seller's inbox", () => {
  test("[SELLER] sees only their own notifications, newest first, page by page, with the unread count", async () => {
    const { actor } = await createTestUser("seller");
    const { actor: otherSeller } = await createTestUser("seller");
    const own = [];
    for (let minute = 0; minute < 5; minute++) own.push(await notify(actor.sellerId!, later(minute)));
    // Written later but dated earlier: the order is by time, not by id.
    const backdated = await notify(actor.sellerId!, later(-10));
    const others = await notify(otherSeller.sellerId!, later(100));

    const first = await listNotifications({ actor, pageSize: 4 });
    expect(first.rows.map((row) => row.id)).toEqual([own[4]!.id, own[3]!.id, own[2]!.id, own[1]!.id]);
    expect(first.unreadCount).toBe(6);
    expect(first.olderCursor).toEqual({ before: own[1]!.id });

    const second = await listNotifications({ actor, pageSize: 4, before: first.olderCursor!.before });
    expect(second.rows.map((row) => row.id)).toEqual([own[0]!.id, backdated.id]);
    expect(second.olderCursor).toBeUndefined();

    // A cursor naming another seller's notification leads nowhere.
    expect((await listNotifications({ actor, before: others.id })).rows).toEqual([]);
    expect((await listNotifications({ actor: otherSeller })).rows.map((row) => row.id)).toEqual([others.id]);
  });

  test("[SELLER] the navigation's unread count: their own unread only, one fewer once read", async () => {
    const { actor } = await createTestUser("seller");
    const { actor: otherSeller } = await createTestUser("seller");
    const first = await notify(actor.sellerId!, T0);
    await notify(actor.sellerId!, later(1));
    await notify(otherSeller.sellerId!, later(2));
    expect(await countUnreadNotifications({ actor })).toBe(2);
    await markNotificationRead({ actor, notificationId: first.id, now: later(3) });
    expect(await countUnreadNotifications({ actor })).toBe(1);
    expect(await countUnreadNotifications({ actor: otherSeller })).toBe(1);
    const { actor: moderator } = await createTestUser("moderator");
    await expect(countUnreadNotifications({ actor: moderator })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  test("[SELLER] marks a notification read; marking it again keeps the first time", async () => {
    const { actor } = await createTestUser("seller");
    const notification = await notify(actor.sellerId!, T0);

    expect(await markNotificationRead({ actor, notificationId: notification.id, now: later(5) })).toEqual({
      id: notification.id,
      readAt: later(5),
    });
    await markNotificationRead({ actor, notificationId: notification.id, now: later(9) });
    expect(await readAtOf(notification.id)).toEqual(later(5));
    expect((await listNotifications({ actor })).unreadCount).toBe(0);
  });

  test("[SELLER] another seller's notification is not found, like one that does not exist, and stays unread", async () => {
    const { actor } = await createTestUser("seller");
    const { actor: owner } = await createTestUser("seller");
    const notification = await notify(owner.sellerId!, T0);

    await expect(markNotificationRead({ actor, notificationId: notification.id, now: later(1) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(markNotificationRead({ actor, notificationId: 987_654_321, now: later(1) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await readAtOf(notification.id)).toBeNull();
  });

  test.each([["moderator"], ["admin"]] as const)("[%s] has no seller inbox", async (role) => {
    const { actor } = await createTestUser(role);
    const { actor: seller } = await createTestUser("seller");
    const notification = await notify(seller.sellerId!, T0);
    await expect(listNotifications({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(markNotificationRead({ actor, notificationId: notification.id, now: T0 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await readAtOf(notification.id)).toBeNull();
  });
});
