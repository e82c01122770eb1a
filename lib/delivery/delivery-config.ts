import "server-only";
import { env } from "@/lib/env";

/** Where catalog events go and the secret they are signed with. */
export type WebhookConfig = { url: string; secret: string };

/** How seller e-mail is sent, and the app's address for the links in it. */
export type EmailConfig = { smtpUrl: string; from: string; appUrl: string };

/** The catalog webhook as configured, or null: events then wait, undelivered, until it is. */
export function webhookConfigFromEnv(): WebhookConfig | null {
  // lib/env.ts refuses a URL without its secret, so both or neither are set.
  if (!env.CATALOG_WEBHOOK_URL || !env.CATALOG_WEBHOOK_SECRET) return null;
  return { url: env.CATALOG_WEBHOOK_URL, secret: env.CATALOG_WEBHOOK_SECRET };
}

/** SMTP as configured, or null: notifications are then in the in-app inbox only. */
export function emailConfigFromEnv(): EmailConfig | null {
  if (!env.SMTP_URL) return null;
  return { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM, appUrl: appUrlFromEnv() };
}

/** The app's public address, for links that leave it (e-mail). */
export function appUrlFromEnv(): string {
  return (env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}
