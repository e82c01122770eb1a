import { expect, test, type Page } from "@playwright/test";
import { createFlaggedSeller } from "./cases";
import { moveServerClock, resetServerClock } from "./clock";
import { createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/**
 * The moderator's forms as a moderator meets them: fields that follow the page after it re-renders,
 * refusals that name their own reason, field errors in the reader's language, and a label that
 * says who reads what is written. Some tests move the server's clock, so they run one after another.
 */
test.describe.configure({ mode: "serial" });
test.afterEach(() => resetServerClock());

const DAY = 86_400_000;

/** Opens the flag's case through the triage form, as a moderator does; returns the case page's path. */
async function openCase(page: Page, flagId: number, messageToSeller?: string) {
  await page.goto(`/moderator/flags/${flagId}`);
  if (messageToSeller) await page.getByLabel("Message to the seller (optional)").fill(messageToSeller);
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+/);
  return new URL(page.url()).pathname;
}

/** A letter the seller submitted on the case: written as a draft, then submitted (a submitted letter's items cannot change). */
async function submitLetter(sellerId: number, casePath: string) {
  const caseId = Number(casePath.split("/").pop());
  const [letter] = await sql<{ id: string }[]>`
    insert into letters (case_id, seller_id, version, status) values (${caseId}, ${sellerId}, 1, 'draft') returning id`;
  await sql`insert into letter_items (letter_id, seller_id, position, root_cause, problem, solution)
    values (${letter!.id}, ${sellerId}, 1, 'no_reaction_to_order', 'Orders waited days for an answer', 'Orders are confirmed within two hours, also on weekends')`;
  await sql`update letters set status = 'submitted', submitted_at = now() where id = ${letter!.id}`;
}

const overrideFields = (page: Page) => page.getByLabel(/Why reinstate although this fails/);

test("[MODERATOR] answers the letter, then reinstates on the same page without a reload", async ({ page }) => {
  const seller = await createFlaggedSeller("E2E Letter Shop");
  await signIn(page, (await createUser("moderator")).email);
  const casePath = await openCase(page, seller.flagId);
  await submitLetter(seller.id, casePath);
  moveServerClock(15 * DAY);
  await page.goto(casePath);
  await expect(
    page.getByLabel("Why reinstate although this fails: A constructive letter was received on or before the re-check date"),
  ).toBeVisible();

  const letter = page.getByRole("form", { name: "Your answer" });
  await letter.getByRole("radio", { name: "Accept the letter" }).check();
  await letter.getByLabel("Message to the seller").fill("Thank you: answering within two hours is a concrete change.");
  await letter.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText(/Accepted by moderator-/)).toBeVisible();

  // The letter's item passes now: its override field is gone, the others are what the form holds.
  await expect(page.getByLabel(/Why reinstate although this fails: A constructive letter/)).toHaveCount(0);
  const overrides = overrideFields(page);
  const failing = await overrides.count();
  expect(failing).toBeGreaterThan(0);
  for (let index = 0; index < failing; index++)
    await overrides.nth(index).fill("Checked with the seller by phone: the causes are fixed.");
  await page.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByText(/Reinstated by moderator-/)).toBeVisible();
  expect(await sql`select status from cases where seller_id = ${seller.id}`).toEqual([{ status: "REINSTATED" }]);
});

test("[MODERATOR] a submit refused in the browser says why beside the field and above the form", async ({ page }) => {
  const seller = await createFlaggedSeller("E2E Empty Override Shop");
  await signIn(page, (await createUser("moderator")).email);
  const casePath = await openCase(page, seller.flagId);
  moveServerClock(15 * DAY);
  await page.goto(casePath);
  await page.getByRole("button", { name: "Reinstate" }).click();
  const form = page.getByRole("form", { name: "Reinstate the seller" });
  await expect(form.getByRole("alert")).toContainText(/The form was not sent: \d+ fields? needs? attention/);
  await expect(overrideFields(page).first()).toHaveAccessibleDescription(
    "Write at least 10 characters: say why, for whoever reads the case later",
  );
});

test("[MODERATOR] a decision sent before the re-check date is refused as too early, with the date", async ({ page }) => {
  const seller = await createFlaggedSeller("E2E Early Shop");
  await signIn(page, (await createUser("moderator")).email);
  const casePath = await openCase(page, seller.flagId);
  // The form was rendered on day 15; the clock then goes back, as for a form left open on a due case that was extended.
  moveServerClock(15 * DAY);
  await page.goto(casePath);
  resetServerClock();
  const overrides = overrideFields(page);
  for (let index = 0; index < (await overrides.count()); index++)
    await overrides.nth(index).fill("Checked with the seller by phone: the causes are fixed.");
  await page.getByRole("button", { name: "Reinstate" }).click();
  const refusal = page.getByRole("form", { name: "Reinstate the seller" }).getByRole("alert");
  await expect(refusal).toContainText(/^Too early: a decision is possible from .+\d{4}.+\. Nothing was saved\.$/);
  await expect(refusal).not.toContainText("Someone else");
  expect(await sql`select status from cases where seller_id = ${seller.id}`).toEqual([{ status: "EXCLUDED" }]);
});

test("[MODERATOR] with the Ukrainian interface, field errors are Ukrainian in the browser and from the server", async ({
  page,
}) => {
  const seller = await createFlaggedSeller("E2E Ukrainian Shop");
  await signIn(page, (await createUser("moderator")).email);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "uk", domain: "127.0.0.1", path: "/" }]);
  await page.goto(`/moderator/flags/${seller.flagId}`);
  await page.getByLabel("Причина відхилення").fill("коротко");
  await page.getByRole("button", { name: "Відхилити позначку" }).click();
  await expect(page.getByLabel("Причина відхилення")).toHaveAccessibleDescription(
    "Напишіть щонайменше 10 символів: поясніть причину для того, хто читатиме справу згодом",
  );

  // Around the browser's check, straight to the server action: the server words it the same way.
  const response = await postServerAction(
    page.request,
    `/moderator/flags/${seller.flagId}`,
    serverActionId("dismissFlagAction", "moderator/flags"),
    [{ flagId: seller.flagId, reason: "коротко" }],
  );
  const body = await response.text();
  expect(body).toContain('"status":"invalid"');
  expect(body).toContain("Напишіть щонайменше 10 символів: поясніть причину для того, хто читатиме справу згодом");
  expect(await sql`select status from flags where id = ${seller.flagId}`).toEqual([{ status: "open" }]);
});

test("[MODERATOR] what the seller reads is labelled a message to the seller, on the form, the case and in the seller's inbox", async ({
  page,
  browser,
}) => {
  const seller = await createFlaggedSeller("E2E Message Shop");
  await signIn(page, (await createUser("moderator")).email);
  await page.goto(`/moderator/flags/${seller.flagId}`);
  const message = page.getByLabel("Message to the seller (optional)");
  await expect(message).toHaveAccessibleDescription(/The seller reads it word for word/);
  await expect(page.getByText("Note for the case")).toHaveCount(0);
  await openCase(page, seller.flagId, "Your delivery times doubled in October; tell us what changed.");
  await expect(page.getByText("Message to the seller at opening:")).toBeVisible();

  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signIn(sellerPage, (await createUser("seller", { sellerId: seller.id })).email);
  await sellerPage.goto("/seller/inbox");
  await expect(
    sellerPage.getByText("Message from the moderator: Your delivery times doubled in October; tell us what changed."),
  ).toBeVisible();
  await sellerContext.close();
});
