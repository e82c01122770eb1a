import { describe, expect, test } from "vitest";
import { EXTEND_REASONS, ROOT_CAUSES } from "@/db/enums";
import { composeNotificationEmail } from "@/lib/delivery/notification-email";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { NOTIFICATION_KINDS, SELLER_STEPS, type NotificationPayload } from "@/lib/notifications/notification-kinds";
import { renderNotification } from "@/lib/notifications/render-notification";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

const TIME_ZONE = "Europe/Kyiv";

const CASE_OPENED: NotificationPayload = {
  kind: "case_opened",
  caseId: 7,
  excludedAt: "2026-05-04T08:00:00.000Z",
  recheckAt: "2026-05-18T08:00:00.000Z",
  reasons: [{ code: "LOW_YEAR", metric: "negativeReviewRate", window: "year", value: 0.125, portalValue: 0.031 }],
  openReason: null,
  reviewsInScope: 3,
  steps: [...SELLER_STEPS],
};
const CASE_EXTENDED: NotificationPayload = {
  kind: "case_extended",
  caseId: 7,
  reasons: ["negative_reviews_unresolved", "other"],
  recheckAt: "2026-06-01T08:00:00.000Z",
  message: "Please answer the <three> open reviews.\nThank you.",
  openRootCauses: ["delivery_cost"],
};

const render = (payload: NotificationPayload, locale: Locale = "en") =>
  renderNotification({ kind: payload.kind, payload, locale, timeZone: TIME_ZONE });

describe("notification texts", () => {
  test("[SELLER] an opened case says when, why, what is in scope and every step, in words", () => {
    const rendered = render(CASE_OPENED);
    expect(rendered.title).toBe("Your products are hidden from the catalog");
    expect(rendered.blocks).toEqual([
      {
        kind: "paragraph",
        text: expect.stringContaining("On May 4, 2026 your shop was excluded from the catalog for at least 14 days"),
      },
      {
        kind: "list",
        heading: "Why",
        items: ["Quality is low over the last year: negative-review rate, last 12 months — 12.5% (portal: 3.1%)"],
      },
      { kind: "paragraph", text: "3 negative reviews of the last 12 months are part of the case." },
      { kind: "list", heading: "What to do now", items: SELLER_STEPS.map((step) => MESSAGES.en.notifications.steps[step]) },
    ]);
    expect(JSON.stringify(rendered)).toContain("May 18, 2026");
  });

  test("[SELLER] a WORSENED reason shows the recent rate and its interval, their own baseline, z against 2.33 and the portal", () => {
    const worsened = {
      code: "WORSENED",
      metric: "negativeReviewRate",
      window: "recent",
      value: 0.5,
      intervalLow: 0.2366,
      intervalHigh: 0.7634,
      portalValue: 0.2,
      threshold: 2.33,
      details: { z: 2.9047, recent: { successes: 5, trials: 10, rate: 0.5 }, baseline: { successes: 1, trials: 20, rate: 0.05 } },
    };
    const rendered = render({ ...CASE_OPENED, reasons: [worsened] });
    expect(rendered.blocks[1]).toEqual({
      kind: "list",
      heading: "Why",
      items: [
        "Quality got worse recently. Negative-review rate over the last 90 days: 50% (5 of 10 reviews were negative; " +
          "95% interval 23.7%–76.3%), against your own baseline of 5% (1 of 20 reviews were negative, 365 to 91 days ago). " +
          "z = 2.90 against the threshold of 2.33. The portal's rate over the last 90 days: 20%.",
      ],
    });
    expect(JSON.stringify(render({ ...CASE_OPENED, reasons: [worsened] }, "uk"))).toContain("z = 2,90 при порозі 2,33");
  });

  test("[SELLER] the same notification in Ukrainian", () => {
    const rendered = render(CASE_OPENED, "uk");
    expect(rendered.title).toBe("Ваші товари приховано з каталогу");
    expect(rendered.blocks[0]).toMatchObject({ text: expect.stringContaining("4 травня 2026") });
    expect(rendered.blocks[2]).toEqual({ kind: "paragraph", text: "У справі 3 негативні відгуки за останні 12 місяців." });
  });

  test("[SELLER] the same notification and its e-mail in Polish, with the Polish plural of the count", () => {
    const rendered = render(CASE_OPENED, "pl");
    expect(rendered.title).toBe("Produkty sklepu są ukryte w katalogu");
    expect(rendered.blocks[0]).toMatchObject({ text: expect.stringContaining("Dnia 4 maja 2026 sklep został wykluczony") });
    expect(rendered.blocks[1]).toMatchObject({ items: [expect.stringContaining("12,5% (portal: 3,1%)")] });
    expect(rendered.blocks[2]).toEqual({
      kind: "paragraph",
      text: "Sprawa obejmuje 3 negatywne opinie z ostatnich 12 miesięcy.",
    });
    expect(render({ ...CASE_OPENED, reviewsInScope: 5 }, "pl").blocks[2]).toEqual({
      kind: "paragraph",
      text: "Sprawa obejmuje 5 negatywnych opinii z ostatnich 12 miesięcy.",
    });
    const email = composeNotificationEmail({
      notification: rendered,
      locale: "pl",
      appUrl: "https://guard.example",
    });
    expect(email.subject).toBe("Produkty sklepu są ukryte w katalogu");
    expect(email.html).toContain('<html lang="pl">');
    expect(email.text).toContain("Otwórz skrzynkę w Catalog Guard: https://guard.example/seller/inbox");
  });

  test("[SELLER] an extension names its reasons and open root causes in words and quotes the moderator", () => {
    const rendered = render(CASE_EXTENDED);
    expect(rendered.title).toBe("Your exclusion was extended");
    expect(rendered.blocks).toEqual([
      { kind: "paragraph", text: expect.stringContaining("The next re-check is on June 1, 2026.") },
      {
        kind: "list",
        heading: "Why your shop was not reinstated yet",
        items: ["Negative reviews are still unresolved.", "Another reason (see the moderator's message)."],
      },
      { kind: "list", heading: "Root causes that are still open", items: ["delivery cost"] },
      { kind: "quote", heading: "The moderator's message", text: CASE_EXTENDED.message },
    ]);
  });

  test("[SELLER] letter answers and reinstatements", () => {
    expect(
      render({ kind: "letter_answered", caseId: 7, letterId: 3, letterVersion: 2, verdict: "changes_requested", message: "" }),
    ).toEqual({
      title: "A moderator answered your improvement letter (version 2)",
      blocks: [{ kind: "paragraph", text: "The moderator asks you to revise your improvement letter and submit a new version." }],
      link: { label: "Open your letter", path: "/seller/cases/7/letter" },
    });
    expect(render({ kind: "case_reinstated", caseId: 7, reinstatedAt: "2026-05-18T09:00:00.000Z" }, "uk").title).toBe(
      "Ваші товари знову в каталозі",
    );
  });

  test("an unknown kind or a broken payload gets a generic title instead of an error", () => {
    expect(renderNotification({ kind: "something_new", payload: {}, locale: "en", timeZone: TIME_ZONE })).toEqual({
      title: MESSAGES.en.notifications.fallbackTitle,
      blocks: [],
    });
    expect(
      renderNotification({ kind: "case_opened", payload: { kind: "case_opened" }, locale: "uk", timeZone: TIME_ZONE }).title,
    ).toBe(MESSAGES.uk.notifications.fallbackTitle);
  });

  test("every kind, step, extend reason and root cause has words in every language", () => {
    for (const locale of LOCALES) {
      const words = MESSAGES[locale].notifications;
      for (const kind of NOTIFICATION_KINDS) expect(words[kind].title, `${locale} ${kind}`).toBeTruthy();
      expect(Object.keys(words.steps).sort()).toEqual([...SELLER_STEPS].sort());
      expect(Object.keys(words.extendReasons).sort()).toEqual([...EXTEND_REASONS].sort());
      expect(Object.keys(words.rootCauses).sort()).toEqual([...ROOT_CAUSES].sort());
    }
  });

  test("the e-mail: the title as subject, plain text with the inbox link, and HTML with the moderator's words escaped", () => {
    const email = composeNotificationEmail({
      notification: render(CASE_EXTENDED),
      locale: "en",
      appUrl: "https://guard.example.com",
    });
    expect(email.subject).toBe("Your exclusion was extended");
    expect(email.text).toContain("Why your shop was not reinstated yet:\n  - Negative reviews are still unresolved.");
    expect(email.text).toContain("> Please answer the <three> open reviews.\n> Thank you.");
    expect(email.text).toContain("Open your inbox in Catalog Guard: https://guard.example.com/seller/inbox");
    expect(email.html).toContain("Please answer the &lt;three&gt; open reviews.");
    expect(email.html).not.toContain("<three>");
    expect(email.html).toContain('<a href="https://guard.example.com/seller/inbox">');
    // The link to where the steps are done, absolute on the app's URL, before the inbox's.
    expect(email.text).toContain("Open your case: https://guard.example.com/seller/cases/7\n\nOpen your inbox");
    expect(email.html).toContain('<a href="https://guard.example.com/seller/cases/7">Open your case</a>');
  });

  test("[SELLER] each notification links to the page where its steps are done", () => {
    expect(render(CASE_OPENED).link).toEqual({ label: "Open your case", path: SELLER_PATHS.case(7) });
    expect(render(CASE_EXTENDED, "uk").link).toEqual({ label: "Відкрити справу", path: SELLER_PATHS.case(7) });
    expect(render({ kind: "case_reinstated", caseId: 9, reinstatedAt: "2026-05-18T09:00:00.000Z" }, "pl").link).toEqual({
      label: "Otwórz sprawę",
      path: SELLER_PATHS.case(9),
    });
    const answered = render({
      kind: "letter_answered",
      caseId: 7,
      letterId: 3,
      letterVersion: 1,
      verdict: "accepted",
      message: "",
    });
    expect(answered.link).toEqual({ label: "Open your letter", path: SELLER_PATHS.letter(7) });
    expect(renderNotification({ kind: "something_new", payload: {}, locale: "en", timeZone: TIME_ZONE }).link).toBeUndefined();
  });
});
