import { expect, request as playwrightRequest, test } from "@playwright/test";
import { LOCALE_COOKIE } from "../lib/i18n/locales";
import { createFlaggedSeller, openCaseAsModerator } from "./cases";
import { createUser, signIn } from "./fixtures";

/**
 * Statements of reasons: the seller reads the exclusion's from their case, in their language and
 * printable; the moderator downloads its Transparency Database JSON; the admin downloads the batch of
 * a date range, which no one else reaches.
 */

/** Today in the portal's time zone, YYYY-MM-DD. */
const today = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Kyiv", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    Date.now(),
  );

async function openedCase(baseURL: string) {
  const flagged = await createFlaggedSeller("E2E statement shop", 3);
  const moderatorContext = await playwrightRequest.newContext({ baseURL });
  const caseId = await openCaseAsModerator(moderatorContext, flagged.flagId);
  return { flagged, caseId, moderatorContext };
}

test("[SELLER] reads the exclusion's statement of reasons from the case, in Ukrainian: the facts with numbers, the dates, how to contest, and prints it", async ({
  page,
  baseURL,
}) => {
  const { flagged, caseId, moderatorContext } = await openedCase(baseURL!);
  await moderatorContext.dispose();
  const seller = await createUser("seller", { sellerId: flagged.id });
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: "uk", url: baseURL! }]);
  await signIn(page, seller.email);

  await page.goto(`/seller/cases/${caseId}`);
  await page.getByRole("link", { name: "Обґрунтування виключення" }).click();

  await expect(page).toHaveURL(`/seller/cases/${caseId}/statements/exclusion`);
  await expect(page.getByRole("heading", { level: 1, name: "Обґрунтування рішення" })).toBeVisible();
  const facts = page.getByRole("region", { name: "Факти" });
  await expect(facts).toContainText("30%");
  await expect(facts).toContainText("Виявлено автоматично щотижневою оцінкою якості");
  await expect(page.getByRole("region", { name: "Рішення" })).toContainText("модератор — людина");
  const restriction = page.getByRole("region", { name: "Обмеження" });
  await expect(restriction).toContainText("часткове призупинення");
  await expect(restriction.getByRole("definition")).toHaveCount(2);
  const contest = page.getByRole("region", { name: "Як оскаржити" });
  await expect(contest).toContainText("один раз до");
  await expect(contest.getByRole("link", { name: "Оскаржити це рішення" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/appeal`,
  );

  // On a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  const print = page.getByRole("button", { name: "Друкувати" });
  await expect(print).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(print).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(facts).toBeVisible();
});

test("[MODERATOR] downloads a case's statement as Transparency Database JSON; a seller cannot", async ({ page, baseURL }) => {
  const { flagged, caseId, moderatorContext } = await openedCase(baseURL!);
  const json = await moderatorContext.get(`/moderator/cases/${caseId}/statements/exclusion/dsa.json`);
  expect(json.status()).toBe(200);
  expect(json.headers()["content-disposition"]).toContain("attachment");
  expect(await json.json()).toMatchObject({
    puid: `cg-case-${caseId}-exclusion`,
    decision_provision: "DECISION_PROVISION_PARTIAL_SUSPENSION",
    automated_decision: "AUTOMATED_DECISION_NOT_AUTOMATED",
    application_date: today(),
  });
  await moderatorContext.dispose();

  const seller = await createUser("seller", { sellerId: flagged.id });
  await signIn(page, seller.email);
  expect((await page.request.get(`/moderator/cases/${caseId}/statements/exclusion/dsa.json`)).status()).toBe(404);
});

test("[ADMIN] downloads the statements of a date range from the admin pages; a bad range is refused naming the field", async ({
  page,
  baseURL,
}) => {
  const { caseId, moderatorContext } = await openedCase(baseURL!);
  await moderatorContext.dispose();
  await signIn(page, (await createUser("admin")).email);

  await page.goto("/admin");
  await page.getByRole("link", { name: /Statements of reasons/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Statements of reasons" })).toBeVisible();
  await page.getByLabel("From").fill(today());
  await page.getByLabel("To").fill(today());
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download statements" }).click(),
  ]);
  const body = JSON.parse(await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")) as {
    puid: string;
  }[];
  expect(body.map((statement) => statement.puid)).toContain(`cg-case-${caseId}-exclusion`);

  const refused = await page.request.get(`/admin/statements/export?from=${today()}&to=2000-01-01`);
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ error: "INVALID", issues: [{ path: "to" }] });
});

for (const role of ["moderator", "seller"] as const) {
  test(`[${role.toUpperCase()}] gets 404 on the admin's statements page and export`, async ({ page }) => {
    await signIn(page, (await createUser(role)).email);
    for (const path of ["/admin/statements", `/admin/statements/export?from=${today()}&to=${today()}`]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(404);
    }
  });
}
