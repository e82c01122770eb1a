import "server-only";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/db";
import { notifications, sellers, users } from "@/db/schema";
import type { EmailConfig } from "@/lib/delivery/delivery-config";
import { composeNotificationEmail } from "@/lib/delivery/notification-email";
import { retryDelayMs } from "@/lib/delivery/retry-delay";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { renderNotification } from "@/lib/notifications/render-notification";

const BATCH_SIZE = 10;
const DEFAULT_RUN_LIMIT = 100;
/** A claimed notification is not due again before this, so two runs never send it both. */
const CLAIM_LEASE_MS = 5 * 60_000;
/** After this many failed sends the e-mail is given up (`failed`); the inbox still has it. */
export const EMAIL_MAX_ATTEMPTS = 6;
const RETRY_BASE_MS = 60_000;
const RETRY_CAP_MS = 6 * 3600_000;
const ERROR_CHARS = 300;
/** SMTP's own defaults wait minutes for a dead server; a run should move on. */
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
export const INBOX_PATH = "/seller/inbox";

export type EmailRunResult =
  | { status: "not-configured"; skipped: number }
  | { status: "done"; sent: number; skipped: number; retrying: number; failed: number };

type ClaimedNotification = { id: number; sellerId: number; kind: string; payload: unknown; emailAttempts: number };
type Recipient = { email: string; locale: Locale };
type Outcome = "sent" | "skipped" | "retrying" | "failed";

/**
 * E-mails the notifications that wait for it (`email_status` pending) to the seller's active
 * accounts, each in the account's language, else to the seller's own address; a seller with
 * neither is `skipped`. Without SMTP configured every pending e-mail is `skipped`: the seller
 * reads the notification in the inbox. A failed send is tried again, backing off from a minute,
 * and given up as `failed` after EMAIL_MAX_ATTEMPTS tries or at once when the server refuses it
 * for good (a 5xx answer). Runs at once share the work (FOR UPDATE SKIP LOCKED and a lease).
 */
export async function sendPendingNotificationEmails(params: {
  now: Date;
  config: EmailConfig | null;
  limit?: number;
  timeZone?: string;
}): Promise<EmailRunResult> {
  const { now, config } = params;
  if (!config) {
    const skipped = await db
      .update(notifications)
      .set({ emailStatus: "skipped" })
      .where(eq(notifications.emailStatus, "pending"))
      .returning({ id: notifications.id });
    return { status: "not-configured", skipped: skipped.length };
  }
  const limit = params.limit ?? DEFAULT_RUN_LIMIT;
  const timeZone = params.timeZone ?? env.PORTAL_TIME_ZONE;
  const counts: Record<Outcome, number> = { sent: 0, skipped: 0, retrying: 0, failed: 0 };
  let handled = 0;
  let transport: Transporter | null = null;
  try {
    while (handled < limit) {
      const batch = await claimPendingEmails(now, Math.min(BATCH_SIZE, limit - handled));
      if (batch.length === 0) break;
      transport ??= nodemailer.createTransport(withTimeouts(config.smtpUrl));
      const mailer = transport;
      const outcomes = await Promise.all(
        batch.map((notification) => sendNotificationEmail({ notification, mailer, config, now, timeZone })),
      );
      for (const outcome of outcomes) counts[outcome]++;
      handled += batch.length;
    }
  } finally {
    transport?.close();
  }
  return { status: "done", ...counts };
}

async function claimPendingEmails(now: Date, count: number): Promise<ClaimedNotification[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: notifications.id,
        sellerId: notifications.sellerId,
        kind: notifications.kind,
        payload: notifications.payload,
        emailAttempts: notifications.emailAttempts,
      })
      .from(notifications)
      .where(
        and(
          eq(notifications.emailStatus, "pending"),
          or(isNull(notifications.emailNextAttemptAt), lte(notifications.emailNextAttemptAt, now)),
        ),
      )
      .orderBy(asc(notifications.id))
      .limit(count)
      .for("update", { skipLocked: true });
    if (due.length > 0) {
      await tx
        .update(notifications)
        .set({ emailNextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
        .where(
          inArray(
            notifications.id,
            due.map((notification) => notification.id),
          ),
        );
    }
    return due;
  });
}

async function sendNotificationEmail(params: {
  notification: ClaimedNotification;
  mailer: Transporter;
  config: EmailConfig;
  now: Date;
  timeZone: string;
}): Promise<Outcome> {
  const { notification, now } = params;
  const recipients = await findRecipients(notification.sellerId);
  if (recipients.length === 0) {
    await settle(notification.id, {
      emailStatus: "skipped",
      emailLastError: "no address: the seller has no active account and no e-mail",
    });
    return "skipped";
  }
  try {
    // One message per language, each in the words of its readers.
    for (const [locale, addresses] of groupByLocale(recipients)) {
      const rendered = renderNotification({
        kind: notification.kind,
        payload: notification.payload,
        locale,
        timeZone: params.timeZone,
      });
      const email = composeNotificationEmail({
        notification: rendered,
        locale,
        appUrl: params.config.appUrl,
      });
      await params.mailer.sendMail({
        from: params.config.from,
        to: addresses,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { "X-Catalog-Guard-Notification": String(notification.id) },
      });
    }
    await settle(notification.id, { emailStatus: "sent", emailedAt: now, emailLastError: null });
    return "sent";
  } catch (error) {
    return recordFailure(notification, error, now);
  }
}

async function recordFailure(notification: ClaimedNotification, error: unknown, now: Date): Promise<Outcome> {
  const attempts = notification.emailAttempts + 1;
  const responseCode = (error as { responseCode?: number }).responseCode;
  const isRefusedForGood = typeof responseCode === "number" && responseCode >= 500;
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, ERROR_CHARS);
  const isGivenUp = isRefusedForGood || attempts >= EMAIL_MAX_ATTEMPTS;
  await settle(notification.id, {
    emailStatus: isGivenUp ? "failed" : "pending",
    emailAttempts: sql`${notifications.emailAttempts} + 1`,
    emailLastError: message,
    emailNextAttemptAt: isGivenUp
      ? null
      : new Date(now.getTime() + retryDelayMs({ attempts, baseMs: RETRY_BASE_MS, capMs: RETRY_CAP_MS })),
  });
  logger.warn({ notificationId: notification.id, attempts, isGivenUp, error: message }, "notification e-mail failed");
  return isGivenUp ? "failed" : "retrying";
}

/** Writes the outcome of a send, unless the row stopped being pending meanwhile. */
async function settle(notificationId: number, changes: PgUpdateSetSource<typeof notifications>): Promise<void> {
  await db
    .update(notifications)
    .set(changes)
    .where(and(eq(notifications.id, notificationId), eq(notifications.emailStatus, "pending")));
}

/** The seller's active seller accounts, each in its language; else the seller's own address. */
async function findRecipients(sellerId: number): Promise<Recipient[]> {
  const accounts = await db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.sellerId, sellerId), eq(users.role, "seller"), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  if (accounts.length > 0)
    return accounts.map((account) => ({
      email: account.email,
      locale: isLocale(account.locale) ? account.locale : DEFAULT_LOCALE,
    }));
  const [seller] = await db.select({ email: sellers.email }).from(sellers).where(eq(sellers.id, sellerId));
  return seller?.email ? [{ email: seller.email, locale: DEFAULT_LOCALE }] : [];
}

function groupByLocale(recipients: Recipient[]): Map<Locale, string[]> {
  const groups = new Map<Locale, string[]>();
  for (const recipient of recipients) groups.set(recipient.locale, [...(groups.get(recipient.locale) ?? []), recipient.email]);
  return groups;
}

/** The configured URL with short timeouts, unless it sets its own (nodemailer reads them from the query). */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [name, value] of Object.entries(SMTP_TIMEOUTS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(value));
  }
  return url.toString();
}
