import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { LOCALE_COOKIE, LOCALES } from "../lib/i18n/locales";
import { createFlaggedSeller, openCaseAsModerator } from "./cases";
import { createUser, signIn } from "./fixtures";

/**
 * axe on every seller page in every language (the NEXT_LOCALE cookie the language switch sets):
 * no serious or critical WCAG 2.1 A/AA violation. The failure lists each violation with where it is.
 */
const SELLER_PAGES = (caseId: number) => [
  "/seller",
  "/seller/inbox",
  "/seller/cases",
  `/seller/cases/${caseId}`,
  `/seller/cases/${caseId}/reviews`,
  `/seller/cases/${caseId}/letter`,
  `/seller/cases/${caseId}/appeal`,
];

for (const locale of LOCALES) {
  test(`[SELLER] every seller page passes axe in ${locale}`, async ({ page, request, baseURL }) => {
    const flagged = await createFlaggedSeller("E2E Accessible Shop", 3);
    const caseId = await openCaseAsModerator(request, flagged.flagId, "Please look at your delivery times.");
    const seller = await createUser("seller", { sellerId: flagged.id });
    await signIn(page, seller.email);
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);

    const found: string[] = [];
    for (const path of SELLER_PAGES(caseId)) {
      const status = (await page.goto(path))?.status();
      if (status !== 200) {
        found.push(`${path} [${locale}] answered ${status}, not the page`);
        continue;
      }
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const violation of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
        found.push(
          `${path} [${locale}] ${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes
            .map((node) => node.target.join(" "))
            .join(", ")}`,
        );
    }
    expect(found, found.join("\n")).toEqual([]);
  });
}
