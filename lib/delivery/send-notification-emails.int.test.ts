import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "@/db";
import { notifications, sellers, users } from "@/db/schema";
import type { EmailConfig } from "@/lib/delivery/delivery-config";
import { EMAIL_MAX_ATTEMPTS, sendPendingNotificationEmails } from "@/lib/delivery/send-notification-emails";
import type { NotificationPayload } from "@/lib/notifications/notification-kinds";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";
import { startSmtpReceiver, type SmtpReceiver } from "@/scripts/test-support/smtp-receiver";

const T0 = new Date("2026-05-04T08:00:00Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const TIME_ZONE = "Europe/Kyiv";
const REINSTATED: NotificationPayload = { kind: "case_reinstated", caseId: 9, reinstatedAt: T0.toISOString() };
const EXTENDED: NotificationPayload = {
  kind: "case_extended",
  caseId: 9,
  reasons: ["no_new_positive_reviews"],
  recheckAt: later(14 * 86_400).toISOString(),
  message: "Keep going.",
};

let smtp: SmtpReceiver;
const config = (): EmailConfig => ({
  smtpUrl: smtp.url,
  from: "Catalog Guard <no-reply@guard.test>",
  appUrl: "https://guard.example.com",
});
const send = (now: Date, overrides: Partial<Parameters<typeof sendPendingNotificationEmails>[0]> = {}) =>
  sendPendingNotificationEmails({ now, config: config(), timeZone: TIME_ZONE, ...overrides });

beforeAll(async () => {
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp?.close();
});
beforeEach(async () => {
  // Each test sees only its own notifications.
  await db.update(notifications).set({ emailStatus: "skipped" }).where(eq(notifications.emailStatus, "pending"));
  smtp.received.length = 0;
  smtp.refuseWith = null;
});

async function notify(sellerId: number, payload: NotificationPayload = REINSTATED) {
  const [row] = await db.insert(notifications).values({ sellerId, kind: payload.kind, payload, createdAt: T0 }).returning();
  return row!;
}
const stored = async (id: number) => (await db.select().from(notifications).where(eq(notifications.id, id)))[0]!;
const setLocale = (userId: string, locale: string | null) => db.update(users).set({ locale }).where(eq(users.id, userId));

describe("notification e-mail", () => {
  test("[SELLER] each active seller account gets the e-mail in its own language; disabled accounts get none", async () => {
    const seller = await createTestSeller();
    const { user: english } = await createTestUser("seller", { sellerExternalId: seller.externalId });
    const { user: ukrainian } = await createTestUser("seller", { sellerExternalId: seller.externalId });
    const { user: disabled } = await createTestUser("seller", { sellerExternalId: seller.externalId });
    await setLocale(ukrainian.id, "uk");
    await setLocale(english.id, null);
    await db.update(users).set({ disabledAt: T0 }).where(eq(users.id, disabled.id));
    const notification = await notify(seller.id, EXTENDED);

    expect(await send(later(5))).toEqual({ status: "done", sent: 1, skipped: 0, retrying: 0, failed: 0 });

    const byRecipient = Object.fromEntries(smtp.received.map((mail) => [mail.to.join(","), mail]));
    expect(Object.keys(byRecipient).sort()).toEqual([english.email, ukrainian.email].sort());
    expect(byRecipient[english.email]).toMatchObject({ from: "no-reply@guard.test", subject: "Your exclusion was extended" });
    expect(byRecipient[ukrainian.email]!.subject).toBe("Виключення подовжено");
    expect(byRecipient[ukrainian.email]!.text).toContain(
      "Від часу виключення немає нових позитивних відгуків від справжніх покупців.",
    );
    expect(byRecipient[english.email]!.text).toContain("No new positive reviews from real buyers since the exclusion.");
    expect(byRecipient[english.email]!.text).toContain("https://guard.example.com/seller/inbox");
    expect(byRecipient[english.email]!.raw).toMatch(/Content-Type: text\/html/i);
    expect(byRecipient[english.email]!.raw).toContain(`X-Catalog-Guard-Notification: ${notification.id}`);

    expect(await stored(notification.id)).toMatchObject({ emailStatus: "sent", emailedAt: later(5), emailAttempts: 0 });
    // Sent is sent: the next run sends nothing.
    expect(await send(later(600))).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  test("[SELLER] without an account the seller's own address gets it in English; with neither it is skipped", async () => {
    const withAddress = await createTestSeller();
    await db.update(sellers).set({ email: "shop@seller.test" }).where(eq(sellers.id, withAddress.id));
    const withNothing = await createTestSeller();
    const toShop = await notify(withAddress.id);
    const toNobody = await notify(withNothing.id);

    expect(await send(later(1))).toMatchObject({ sent: 1, skipped: 1 });
    expect(smtp.received.map((mail) => [mail.to, mail.subject])).toEqual([
      [["shop@seller.test"], "Your products are back in the catalog"],
    ]);
    expect(await stored(toShop.id)).toMatchObject({ emailStatus: "sent" });
    expect(await stored(toNobody.id)).toMatchObject({ emailStatus: "skipped", emailedAt: null });
  });

  test("without SMTP configured every pending e-mail is skipped; the inbox still has the notification", async () => {
    const { actor } = await createTestUser("seller");
    const notification = await notify(actor.sellerId!);
    expect(await send(later(1), { config: null })).toEqual({ status: "not-configured", skipped: 1 });
    expect(await stored(notification.id)).toMatchObject({ emailStatus: "skipped", readAt: null });
    expect(smtp.received).toHaveLength(0);
  });

  test("a server that says try later is tried again, backing off, and given up as failed after the last attempt", async () => {
    const { actor } = await createTestUser("seller");
    const notification = await notify(actor.sellerId!);
    smtp.refuseWith = { code: 451, message: "Mailbox busy, try later" };

    expect(await send(later(0))).toMatchObject({ retrying: 1 });
    const first = await stored(notification.id);
    expect(first).toMatchObject({ emailStatus: "pending", emailAttempts: 1, emailLastError: expect.stringContaining("451") });
    // A minute, ±20%.
    expect(first.emailNextAttemptAt!.getTime()).toBeGreaterThanOrEqual(later(48).getTime());
    expect(first.emailNextAttemptAt!.getTime()).toBeLessThanOrEqual(later(72).getTime());
    expect(await send(later(30))).toMatchObject({ retrying: 0, failed: 0 });

    let now = later(0);
    for (let attempt = 2; attempt <= EMAIL_MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + 7 * 3600_000);
      await send(now);
    }
    expect(await stored(notification.id)).toMatchObject({
      emailStatus: "failed",
      emailAttempts: EMAIL_MAX_ATTEMPTS,
      emailedAt: null,
    });
    expect(await send(new Date(now.getTime() + 86_400_000))).toMatchObject({ sent: 0, failed: 0, retrying: 0 });
  });

  test("a recovered server gets the e-mail on the next attempt; a refusal for good fails at once", async () => {
    const { actor } = await createTestUser("seller");
    const retried = await notify(actor.sellerId!);
    smtp.refuseWith = { code: 421, message: "Service not available" };
    await send(later(0));
    smtp.refuseWith = null;
    expect(await send(later(3600))).toMatchObject({ sent: 1 });
    expect(await stored(retried.id)).toMatchObject({ emailStatus: "sent", emailAttempts: 1, emailLastError: null });

    const refused = await notify(actor.sellerId!);
    smtp.refuseWith = { code: 550, message: "No such user here" };
    expect(await send(later(7200))).toMatchObject({ failed: 1 });
    expect(await stored(refused.id)).toMatchObject({
      emailStatus: "failed",
      emailAttempts: 1,
      emailLastError: expect.stringContaining("550"),
    });
  });

  test("two runs at once send each e-mail once", async () => {
    const accounts = await Promise.all(Array.from({ length: 8 }, () => createTestUser("seller")));
    const written = [];
    for (const { actor } of accounts) written.push(await notify(actor.sellerId!), await notify(actor.sellerId!, EXTENDED));

    const runs = await Promise.all([send(later(10)), send(later(10))]);

    expect(runs.reduce((sum, run) => sum + (run.status === "done" ? run.sent : 0), 0)).toBe(written.length);
    expect(smtp.received).toHaveLength(written.length);
    const headerIds = smtp.received.map((mail) => /X-Catalog-Guard-Notification: (\d+)/.exec(mail.raw)![1]);
    expect(new Set(headerIds).size).toBe(written.length);
    expect(await db.select().from(notifications).where(eq(notifications.emailStatus, "pending"))).toHaveLength(0);
  });
});
