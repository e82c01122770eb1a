import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../lib/i18n/locales";
import { createFlaggedSeller } from "./cases";
import { createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/**
 * The seller's improvement letter as a seller writes it: pairs added, reordered and removed, the
 * draft saved by itself and still there after a reload, Submit (double-clicked) making one
 * version, the moderator asking for changes, version 2 starting from version 1; and the form's
 * field errors in English and in Polish.
 */

const FIRST = {
  cause: "slow_or_no_contact",
  problem: "Buyers waited two days for us to call back after ordering.",
  solution: "We confirm every order by text message within one hour, seven days a week.",
};
const SECOND = {
  cause: "delivery_cost",
  problem: "Buyers were surprised by the delivery cost at the post office.",
  solution: "We state the approximate delivery cost in every order confirmation before sending.",
};
const THIRD = { cause: "other", problem: "A pair written by mistake, to be removed.", solution: "" };

/** A flagged seller's case opened by a moderator through the triage form; the seller signed in on their own page. */
async function sellerWithCase(browser: Browser, moderatorPage: Page) {
  const flagged = await createFlaggedSeller(`E2E Letter Writer ${Date.now()}`);
  await signIn(moderatorPage, (await createUser("moderator")).email);
  await moderatorPage.goto(`/moderator/flags/${flagged.flagId}`);
  await moderatorPage.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(moderatorPage.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+/);
  const casePath = new URL(moderatorPage.url()).pathname;
  const caseId = Number(casePath.split("/").pop());
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signIn(sellerPage, (await createUser("seller", { sellerId: flagged.id })).email);
  return { flagged, caseId, casePath, sellerPage, letterPath: `/seller/cases/${caseId}/letter` };
}

async function fillPair(page: Page, number: number, pair: { cause: string; problem: string; solution: string }) {
  await page.getByLabel(`Root cause ${number}`).selectOption(pair.cause);
  await page.getByLabel(`Problem ${number}`).fill(pair.problem);
  await page.getByLabel(`Solution ${number}`).fill(pair.solution);
}

const submittedLetters = (caseId: number) =>
  sql<{ version: number }[]>`select version from letters where case_id = ${caseId} and status = 'submitted' order by version`;

test("[SELLER] writes two pairs, keeps the draft, submits once, and revises after the moderator asks for changes", async ({
  browser,
  page: moderatorPage,
}) => {
  const { flagged, caseId, casePath, sellerPage: page, letterPath } = await sellerWithCase(browser, moderatorPage);
  await page.goto(letterPath);
  await expect(page.getByRole("heading", { level: 1, name: "Your improvement letter" })).toBeVisible();
  // No review analysed yet: the gentle warning links to the reviews.
  await expect(page.getByRole("link", { name: "analyse your reviews" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/reviews`,
  );
  await expect(page.getByRole("complementary", { name: "How to write a letter that helps" })).toContainText(
    "Do not blame buyers",
  );

  await fillPair(page, 1, FIRST);
  await page.getByRole("button", { name: "Add a pair" }).click();
  await fillPair(page, 2, SECOND);
  await page.getByRole("button", { name: "Add a pair" }).click();
  await fillPair(page, 3, THIRD);
  await page.getByRole("button", { name: "Move pair 3 up" }).click();
  await expect(page.getByLabel("Problem 2")).toHaveValue(THIRD.problem);
  await expect(page.getByLabel("Problem 3")).toHaveValue(SECOND.problem);
  await page.getByRole("button", { name: "Remove pair 2" }).click();
  await expect(page.getByLabel("Problem 3")).toHaveCount(0);
  await expect(page.getByLabel("Problem 2")).toHaveValue(SECOND.problem);

  // Typing stopped: the draft saves itself, and what is typed stays as it is.
  await expect(page.getByRole("status").filter({ hasText: /^Draft saved \d/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByLabel("Solution 2")).toHaveValue(SECOND.solution);
  await page.reload();
  await expect(page.getByLabel("Problem 1")).toHaveValue(FIRST.problem);
  await expect(page.getByLabel("Root cause 2")).toHaveValue(SECOND.cause);
  await expect(page.getByLabel("Solution 2")).toHaveValue(SECOND.solution);
  await expect(page.getByLabel("Problem 3")).toHaveCount(0);

  await page.getByRole("button", { name: "Submit letter" }).dblclick();
  const version1 = page.getByRole("article", { name: "Version 1" });
  await expect(version1).toContainText(FIRST.solution);
  await expect(page.getByText(/Version 1 is with the moderator\. The answer is due by/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit letter" })).toHaveCount(0);
  expect(await submittedLetters(caseId)).toEqual([{ version: 1 }]);

  // The moderators' queue and the case page have it.
  await moderatorPage.goto("/moderator/letters");
  await expect(moderatorPage.getByRole("row", { name: new RegExp(flagged.name) })).toContainText("Version 1 · 2 problems");
  await moderatorPage.goto(casePath);
  const answer = moderatorPage.getByRole("form", { name: "Your answer" });
  await answer.getByRole("radio", { name: "Ask for changes" }).check();
  await answer.getByLabel("Message to the seller").fill("Please say from which date each change applies.");
  await answer.getByRole("button", { name: "Send answer" }).click();
  await expect(moderatorPage.getByText(/Changes asked for by moderator-/)).toBeVisible();

  await page.reload();
  await expect(version1).toContainText("Changes asked for");
  await expect(version1).toContainText("Please say from which date each change applies.");
  await expect(page.getByRole("heading", { name: "Write version 2" })).toBeVisible();
  await expect(page.getByLabel("Problem 1")).toHaveValue(FIRST.problem);
  await expect(page.getByLabel("Problem 2")).toHaveValue(SECOND.problem);
  await page.getByLabel("Solution 1").fill(`${FIRST.solution} From 1 December on.`);
  await page.getByRole("button", { name: "Submit letter" }).click();
  await expect(page.getByRole("article", { name: "Version 2" })).toContainText("From 1 December on.");
  expect(await submittedLetters(caseId)).toEqual([{ version: 1 }, { version: 2 }]);
});

test("[SELLER] the form's field errors are in the reader's language, English and Polish", async ({
  browser,
  page: moderatorPage,
}) => {
  const { sellerPage: page, letterPath } = await sellerWithCase(browser, moderatorPage);
  await page.goto(letterPath);
  await page.getByLabel("Problem 1").fill("Too short");
  await page.getByRole("button", { name: "Submit letter" }).click();
  await expect(page.getByRole("form", { name: "Write version 1" }).getByRole("alert").first()).toContainText(
    "The form was not sent",
  );
  await expect(page.getByLabel("Root cause 1")).toHaveAccessibleDescription("Choose the root cause this problem comes from");
  await expect(page.getByLabel("Problem 1")).toHaveAccessibleDescription(/Describe the problem in at least 20 characters/);
  await page.getByRole("button", { name: "Remove pair 1" }).click();
  await page.getByRole("button", { name: "Submit letter" }).click();
  await expect(page.getByText("Write at least one Problem → Solution pair").first()).toBeVisible();

  await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "Polski" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Twój list naprawczy" })).toBeVisible();
  await page.getByRole("button", { name: "Dodaj parę" }).click();
  await page.getByLabel("Problem 1").fill("Za krótko");
  await page.getByRole("button", { name: "Wyślij list" }).click();
  await expect(page.getByLabel("Przyczyna 1")).toHaveAccessibleDescription("Wybierz przyczynę, z której wynika ten problem");
  await expect(page.getByLabel("Problem 1")).toHaveAccessibleDescription(/Opisz problem, używając co najmniej 20 znaków/);
});

test("[SELLER] at 375 px the letter page has no horizontal scroll", async ({ browser, page: moderatorPage }) => {
  const { sellerPage: page, letterPath } = await sellerWithCase(browser, moderatorPage);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(letterPath);
  await expect(page.getByRole("button", { name: "Add a pair" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("[SELLER] a letter POSTed around the form is checked again, worded in the reader's language; another seller's case is not found", async ({
  browser,
  page: moderatorPage,
  baseURL,
}) => {
  const { caseId, sellerPage, letterPath } = await sellerWithCase(browser, moderatorPage);
  const submitAction = serverActionId("submitLetterAction", "seller/cases/[caseId]/letter");
  const saveAction = serverActionId("saveLetterDraftAction", "seller/cases/[caseId]/letter");
  const pair = { rootCause: FIRST.cause, problem: FIRST.problem, solution: FIRST.solution };
  const post = (page: Page, action: string, input: unknown) =>
    postServerAction(page.request, letterPath, action, [input]).then((response) => response.text());

  const empty = await post(sellerPage, submitAction, { caseId, submitKey: randomUUID(), items: [] });
  expect(empty).toContain("Write at least one Problem → Solution pair");
  const tooMany = await post(sellerPage, submitAction, { caseId, submitKey: randomUUID(), items: Array(11).fill(pair) });
  expect(tooMany).toContain("A letter holds at most 10 pairs");
  const noCause = await post(sellerPage, submitAction, { caseId, submitKey: randomUUID(), items: [{ ...pair, rootCause: "" }] });
  expect(noCause).toContain("Choose the root cause this problem comes from");
  await sellerPage.context().addCookies([{ name: LOCALE_COOKIE, value: "pl", url: baseURL! }]);
  const short = await post(sellerPage, submitAction, {
    caseId,
    submitKey: randomUUID(),
    items: [{ ...pair, problem: "Za krótko" }],
  });
  expect(short).toContain("Opisz problem, używając co najmniej 20 znaków");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, (await createUser("seller")).email);
  for (const [action, input] of [
    [submitAction, { caseId, submitKey: randomUUID(), items: [pair] }],
    [saveAction, { caseId, savedAt: null, items: [pair] }],
  ] as const) {
    const body = await post(other, action, input);
    expect(body).not.toContain('"status":"ok"');
    expect(body).toContain("NOT_FOUND");
  }
  expect((await other.goto(letterPath))?.status()).toBe(404);
  expect(await sql`select id from letters where case_id = ${caseId}`).toHaveLength(0);
});
