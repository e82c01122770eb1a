import { createFormatter, createTranslator, type IntlError } from "use-intl/core";
import { FLAG_CODES, type FlagCode } from "@/db/enums";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPayload,
  type NotificationReason,
} from "@/lib/notifications/notification-kinds";
import { describeFlagReason } from "@/lib/sellers/flag-reason-details";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/** A notification's text, in blocks the inbox shows as HTML and the e-mail as HTML and plain text. */
export type NotificationBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "list"; heading: string; items: string[] }
  /** Words a moderator wrote, shown as they are. */
  | { kind: "quote"; heading: string; text: string };

/** Where the notification's steps are done: a path of SELLER_PATHS, made absolute in the e-mail. */
export type NotificationLink = { label: string; path: string };

export type RenderedNotification = { title: string; blocks: NotificationBlock[]; link?: NotificationLink };

type Vocabulary = (typeof MESSAGES)["en"]["notifications"];
type VocabularyTable = "metrics" | "windows" | "steps" | "extendReasons" | "rootCauses" | "reasonRules";

/** A date or message that cannot be formatted stops the rendering (the generic title is shown), not a log line. */
const stopOnError = (error: IntlError): never => {
  throw error;
};

const isNotificationKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/**
 * A notification in `locale`, from its stored payload (lib/notifications/notification-kinds.ts),
 * with the `notifications` messages: the same words in the inbox and in the e-mail. Dates are
 * shown in `timeZone` (the portal's). A kind or payload this version does not know gets a generic
 * title rather than an error, so one odd row never breaks the inbox.
 */
export function renderNotification(params: {
  kind: string;
  payload: unknown;
  locale: Locale;
  timeZone: string;
}): RenderedNotification {
  const t = createTranslator({
    locale: params.locale,
    messages: MESSAGES[params.locale],
    namespace: "notifications",
    onError: stopOnError,
  });
  const fallback = { title: t("fallbackTitle"), blocks: [] };
  if (!isNotificationKind(params.kind) || typeof params.payload !== "object" || params.payload === null) return fallback;
  try {
    const payload = params.payload as NotificationPayload;
    return { ...renderPayload({ ...params, payload, t }), link: linkOf(payload, t) };
  } catch {
    return fallback;
  }
}

type Translator = ReturnType<typeof createTranslator<(typeof MESSAGES)["en"], "notifications">>;

function renderPayload(params: {
  payload: NotificationPayload;
  locale: Locale;
  timeZone: string;
  t: Translator;
}): RenderedNotification {
  const { payload, locale, t } = params;
  const format = createFormatter({ locale, timeZone: params.timeZone, onError: stopOnError });
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  const words = (table: VocabularyTable, code: string) => lookup(MESSAGES[locale].notifications[table], code);

  switch (payload.kind) {
    case "case_opened": {
      const blocks: NotificationBlock[] = [
        {
          kind: "paragraph",
          text: t("case_opened.body", { excludedAt: date(payload.excludedAt), recheckAt: date(payload.recheckAt) }),
        },
      ];
      if (payload.reasons.length > 0) {
        const items = payload.reasons.map((reason) => describeReason(reason, t, format, words, locale));
        blocks.push({ kind: "list", heading: t("case_opened.reasonsHeading"), items });
      }
      if (payload.openReason)
        blocks.push({ kind: "paragraph", text: t("case_opened.openReason", { reason: payload.openReason }) });
      blocks.push({ kind: "paragraph", text: t("case_opened.reviewsInScope", { count: payload.reviewsInScope }) });
      blocks.push({
        kind: "list",
        heading: t("case_opened.stepsHeading"),
        items: payload.steps.map((step) => words("steps", step)),
      });
      return { title: t("case_opened.title"), blocks };
    }
    case "letter_answered": {
      const blocks: NotificationBlock[] = [
        {
          kind: "paragraph",
          text: payload.verdict === "accepted" ? t("letter_answered.accepted") : t("letter_answered.changes_requested"),
        },
      ];
      if (payload.message.trim())
        blocks.push({ kind: "quote", heading: t("letter_answered.messageHeading"), text: payload.message });
      return { title: t("letter_answered.title", { version: payload.letterVersion }), blocks };
    }
    case "case_extended": {
      const blocks: NotificationBlock[] = [
        { kind: "paragraph", text: t("case_extended.body", { recheckAt: date(payload.recheckAt) }) },
        {
          kind: "list",
          heading: t("case_extended.reasonsHeading"),
          items: payload.reasons.map((reason) => words("extendReasons", reason)),
        },
      ];
      if (payload.openRootCauses?.length) {
        const items = payload.openRootCauses.map((cause) => words("rootCauses", cause));
        blocks.push({ kind: "list", heading: t("case_extended.openRootCausesHeading"), items });
      }
      if (payload.message.trim())
        blocks.push({ kind: "quote", heading: t("case_extended.messageHeading"), text: payload.message });
      return { title: t("case_extended.title"), blocks };
    }
    case "case_reinstated":
      return {
        title: t("case_reinstated.title"),
        blocks: [{ kind: "paragraph", text: t("case_reinstated.body", { reinstatedAt: date(payload.reinstatedAt) }) }],
      };
    case "appeal_decided": {
      const blocks: NotificationBlock[] = [
        { kind: "paragraph", text: t(`appeal_decided.${payload.outcome}`, { subject: payload.subject }) },
      ];
      if (payload.reinstatedAt)
        blocks.push({ kind: "paragraph", text: t("appeal_decided.reinstated", { reinstatedAt: date(payload.reinstatedAt) }) });
      blocks.push({ kind: "quote", heading: t("appeal_decided.reasonHeading"), text: payload.reason });
      return { title: t(`appeal_decided.title.${payload.outcome}`), blocks };
    }
  }
}

/** The page where a notification's steps are done: the letter for an answer to it, the appeal for its outcome, the case otherwise. */
function linkOf(payload: NotificationPayload, t: Translator): NotificationLink | undefined {
  if (typeof payload.caseId !== "number") return undefined;
  if (payload.kind === "letter_answered") return { label: t("links.letter"), path: SELLER_PATHS.letter(payload.caseId) };
  if (payload.kind === "appeal_decided") return { label: t("links.appeal"), path: SELLER_PATHS.appeal(payload.caseId) };
  return { label: t("links.case"), path: SELLER_PATHS.case(payload.caseId) };
}

/**
 * "Quality got worse recently. Negative-review rate over the last 90 days: 58.3% (…), against your
 * own baseline of 5% (…). z = 3.37 against the threshold of 2.33. …": the reasons' one wording
 * (lib/sellers/flag-reason-details.ts), told to the seller. A notification stored before reasons
 * carried their threshold gets the value against the portal's.
 */
function describeReason(
  reason: NotificationReason,
  t: Translator,
  format: ReturnType<typeof createFormatter>,
  words: (table: VocabularyTable, code: string) => string,
  locale: Locale,
): string {
  const rule = words("reasonRules", reason.code);
  if (isFlagCode(reason.code) && typeof reason.threshold === "number") {
    const root = createTranslator({ locale, messages: MESSAGES[locale], onError: stopOnError });
    const explanation = describeFlagReason({ ...reason, code: reason.code }, { t: root, format, audience: "seller" });
    return t("reasonExplained", { rule, explanation });
  }
  // Rates are stored as fractions 0–1 (SPEC "API"); counts, ratings and hours as they are.
  const isRate = reason.metric.endsWith("Rate");
  const value = (n: number) =>
    isRate ? format.number(n, { style: "percent", maximumFractionDigits: 1 }) : format.number(n, { maximumFractionDigits: 1 });
  return t("reason", {
    rule,
    metric: words("metrics", reason.metric),
    window: words("windows", reason.window),
    value: value(reason.value),
    portalValue: value(reason.portalValue),
  });
}

const isFlagCode = (code: string): code is FlagCode => (FLAG_CODES as readonly string[]).includes(code);

/** A code's words in one of the vocabulary tables; an unknown code (newer than this version) as it is. */
function lookup(table: Vocabulary[VocabularyTable], code: string): string {
  return Object.hasOwn(table, code) ? (table as Record<string, string>)[code]! : code;
}
