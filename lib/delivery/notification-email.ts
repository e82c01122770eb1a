import { createTranslator } from "use-intl/core";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import type { NotificationBlock, RenderedNotification } from "@/lib/notifications/render-notification";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

export type NotificationEmail = { subject: string; text: string; html: string };

/**
 * A rendered notification as an e-mail: the title as the subject, the text, a link to where its
 * steps are done (absolute, on `appUrl`) and a link to the inbox.
 */
export function composeNotificationEmail(params: {
  notification: RenderedNotification;
  locale: Locale;
  appUrl: string;
}): NotificationEmail {
  const t = createTranslator({ locale: params.locale, messages: MESSAGES[params.locale], namespace: "notifications.email" });
  const { title, blocks, link } = params.notification;
  const inboxUrl = `${params.appUrl}${SELLER_PATHS.inbox}`;
  const links = [
    ...(link ? [{ label: link.label, url: `${params.appUrl}${link.path}` }] : []),
    { label: t("openInbox"), url: inboxUrl },
  ];
  const text = [
    title,
    ...blocks.map(blockAsText),
    ...links.map(({ label, url }) => `${label}: ${url}`),
    `-- \n${t("footer")}`,
  ].join("\n\n");
  const html = [
    `<!doctype html><html lang="${params.locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">`,
    `<h1 style="font-size: 1.25em">${escapeHtml(title)}</h1>`,
    ...blocks.map(blockAsHtml),
    ...links.map(({ label, url }) => `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`),
    `<p style="color: #666; font-size: 0.875em">${escapeHtml(t("footer"))}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject: title, text: `${text}\n`, html };
}

function blockAsText(block: NotificationBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "list":
      return [`${block.heading}:`, ...block.items.map((item) => `  - ${item}`)].join("\n");
    case "quote":
      return [`${block.heading}:`, ...block.text.split(/\r?\n/).map((line) => `> ${line}`)].join("\n");
  }
}

function blockAsHtml(block: NotificationBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${escapeHtml(block.text)}</p>`;
    case "list":
      return `<p><strong>${escapeHtml(block.heading)}</strong></p><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
    case "quote":
      return `<p><strong>${escapeHtml(block.heading)}</strong></p><blockquote style="white-space: pre-wrap; border-left: 3px solid #ccc; margin-left: 0; padding-left: 1em">${escapeHtml(block.text)}</blockquote>`;
  }
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}
