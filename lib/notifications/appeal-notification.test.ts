import { describe, expect, test } from "vitest";
import { composeNotificationEmail } from "@/lib/delivery/notification-email";
import { LOCALES } from "@/lib/i18n/locales";
import type { NotificationPayload } from "@/lib/notifications/notification-kinds";
import { renderNotification } from "@/lib/notifications/render-notification";

const OVERTURNED: NotificationPayload = {
  kind: "appeal_decided",
  caseId: 7,
  appealId: 3,
  subject: "extension",
  outcome: "overturned",
  reason: "The reviews describe a courier <strike>, not your service.",
  decidedAt: "2026-06-02T08:00:00.000Z",
  reinstatedAt: "2026-06-02T08:00:00.000Z",
};

const render = (payload: NotificationPayload, locale: (typeof LOCALES)[number] = "en") =>
  renderNotification({ kind: payload.kind, payload, locale, timeZone: "Europe/Kyiv" });

describe("an appeal's outcome", () => {
  test("[SELLER] an overturned extension says it was wrong, that the shop is back, and quotes the moderator's reasons", () => {
    expect(render(OVERTURNED)).toEqual({
      title: "Your appeal was decided: the decision was wrong",
      blocks: [
        {
          kind: "paragraph",
          text: "A moderator who did not make the decision looked at your appeal against the extension and found it wrong.",
        },
        { kind: "paragraph", text: "Your shop was reinstated on June 2, 2026: buyers see your products again." },
        { kind: "quote", heading: "The moderator's reasons", text: OVERTURNED.reason },
      ],
      link: { label: "Open your appeal", path: "/seller/cases/7/appeal" },
    });
  });

  test("[SELLER] an upheld exclusion says it stands, without a reinstatement, in every language", () => {
    const upheld = { ...OVERTURNED, subject: "exclusion", outcome: "upheld", reinstatedAt: null } as const;
    expect(render(upheld).title).toBe("Your appeal was decided: the decision stands");
    expect(render(upheld).blocks.map((block) => block.kind)).toEqual(["paragraph", "quote"]);
    for (const locale of LOCALES) {
      const rendered = render(upheld, locale);
      expect(rendered.title, locale).not.toBe(render({ ...upheld, kind: "unknown" } as never, locale).title);
      expect(rendered.link?.path).toBe("/seller/cases/7/appeal");
    }
  });

  test("the e-mail links to the appeal and escapes the moderator's words", () => {
    const email = composeNotificationEmail({
      notification: render(OVERTURNED, "uk"),
      locale: "uk",
      appUrl: "https://guard.example",
    });
    expect(email.subject).toBe("Ваше оскарження розглянуто: рішення визнано помилковим");
    expect(email.text).toContain("https://guard.example/seller/cases/7/appeal");
    expect(email.html).toContain("courier &lt;strike&gt;");
  });
});
