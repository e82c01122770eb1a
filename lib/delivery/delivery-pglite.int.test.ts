import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { connectPglite, db, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { notifications, outboxEvents, users } from "@/db/schema";
import { deliverDueOutboxEvents } from "@/lib/delivery/deliver-outbox";
import { kickDelivery } from "@/lib/delivery/kick-delivery";
import { sendPendingNotificationEmails } from "@/lib/delivery/send-notification-emails";
import { createTestUser } from "@/scripts/test-support/factories";
import { startSmtpReceiver, type SmtpReceiver } from "@/scripts/test-support/smtp-receiver";
import { startWebhookReceiver, type WebhookReceiver } from "@/scripts/test-support/webhook-receiver";

/**
 * Without DATABASE_URL the app runs on the embedded PGlite and there is no pg-boss worker: what a
 * case writes is delivered in line, after the response. The same code must work there.
 */
const SECRET = "test-webhook-secret-0123456789abcdef";
const NOW = new Date("2026-05-04T08:00:00Z");
let webhook: WebhookReceiver;
let smtp: SmtpReceiver;

beforeAll(async () => {
  const pglite: DatabaseHandle = connectPglite(undefined);
  await migrateDatabase(pglite);
  // The app's one client, pointed at the embedded database for this file (closed by the setup's afterAll).
  (globalThis as unknown as { catalogGuardDb?: DatabaseHandle }).catalogGuardDb = pglite;
  [webhook, smtp] = await Promise.all([startWebhookReceiver(), startSmtpReceiver()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([webhook?.close(), smtp?.close()]);
});

test("[PGLITE] catalog events and e-mails are delivered in line on the embedded database, two runs at once included", async () => {
  const { actor, user } = await createTestUser("seller");
  await db.update(users).set({ locale: "uk" }).where(eq(users.id, user.id));
  const sellerId = actor.sellerId!;
  const [excluded, reinstated] = await db
    .insert(outboxEvents)
    .values([
      {
        sellerId,
        type: "seller.excluded",
        payload: { sellerId: "S-1", caseId: 1, excludedSince: NOW.toISOString(), recheckOn: NOW.toISOString() },
        createdAt: NOW,
        nextAttemptAt: NOW,
      },
      {
        sellerId,
        type: "seller.reinstated",
        payload: { sellerId: "S-1", caseId: 1, reinstatedAt: NOW.toISOString() },
        createdAt: NOW,
        nextAttemptAt: NOW,
      },
    ])
    .returning();
  const [notification] = await db
    .insert(notifications)
    .values({
      sellerId,
      kind: "case_reinstated",
      payload: { kind: "case_reinstated", caseId: 1, reinstatedAt: NOW.toISOString() },
      createdAt: NOW,
    })
    .returning();

  const webhookConfig = { url: webhook.url, secret: SECRET };
  const runs = await Promise.all([
    deliverDueOutboxEvents({ now: NOW, config: webhookConfig }),
    deliverDueOutboxEvents({ now: NOW, config: webhookConfig }),
    sendPendingNotificationEmails({
      now: NOW,
      config: { smtpUrl: smtp.url, from: "guard@guard.test", appUrl: "http://localhost:3000" },
      timeZone: "Europe/Kyiv",
    }),
  ]);

  expect(runs[0].status === "done" && runs[1].status === "done" && runs[0].delivered + runs[1].delivered).toBe(2);
  expect(webhook.received.map((request) => request.id)).toEqual([String(excluded!.id), String(reinstated!.id)]);
  expect(smtp.received.map((mail) => [mail.to, mail.subject])).toEqual([[[user.email], "Ваші товари знову в каталозі"]]);
  expect((await db.select().from(notifications).where(eq(notifications.id, notification!.id)))[0]).toMatchObject({
    emailStatus: "sent",
  });
});

test("[PGLITE] kickDelivery runs a pass in line and never throws; without SMTP configured the e-mail is skipped", async () => {
  const { actor } = await createTestUser("seller");
  const [notification] = await db
    .insert(notifications)
    .values({
      sellerId: actor.sellerId!,
      kind: "case_reinstated",
      payload: { kind: "case_reinstated", caseId: 2, reinstatedAt: NOW.toISOString() },
      createdAt: NOW,
    })
    .returning();

  // The test environment configures neither a webhook nor SMTP.
  await expect(Promise.all([kickDelivery(), kickDelivery()])).resolves.toEqual([undefined, undefined]);
  expect((await db.select().from(notifications).where(eq(notifications.id, notification!.id)))[0]).toMatchObject({
    emailStatus: "skipped",
  });
});
