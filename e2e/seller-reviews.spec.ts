import { expect, test, type Page } from "@playwright/test";
import { createFlaggedSeller } from "./cases";
import { createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/** A moderator opens a case on a flagged seller with `reviews` negative reviews; returns the case id. */
async function openCaseOn(page: Page, sellerName: string, reviews: number) {
  const seller = await createFlaggedSeller(sellerName, reviews);
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto(`/moderator/flags?q=${seller.externalId}`);
  await page
    .getByRole("row", { name: new RegExp(sellerName) })
    .getByRole("link", { name: /Triage/ })
    .click();
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page).toHaveURL(/\/moderator\/cases\/\d+$/);
  const caseId = Number(/\/moderator\/cases\/(\d+)/.exec(page.url())![1]);
  await page.context().clearCookies();
  return { seller, moderator, caseId };
}

async function signInAsSellerOf(page: Page, sellerId: number) {
  const account = await createUser("seller", { sellerId });
  await signIn(page, account.email);
  return account;
}

test("[SELLER] names causes, resolves one review with the buyer and answers another publicly; the moderator sees both", async ({
  page,
}) => {
  const { seller, moderator, caseId } = await openCaseOn(page, "E2E Reviews Shop", 3);
  await signInAsSellerOf(page, seller.id);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/seller/cases/${caseId}/reviews`);
  await expect(page.getByRole("heading", { level: 1, name: "Negative reviews in your case" })).toBeVisible();
  await expect(page.getByText("0 of 3 analysed, 0 resolved")).toBeVisible();
  await expect(page.getByText("No cause named yet.")).toBeVisible();

  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(3);
  const first = cards.filter({ hasText: "Never arrived (0)" });
  const second = cards.filter({ hasText: "Never arrived (1)" });

  // Too short a reply is refused in the browser, saying how long it must be.
  await second.getByRole("radio", { name: "Public reply" }).check();
  await second.getByRole("textbox", { name: "Your public reply" }).fill("Sorry.");
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.getByText(/A public reply needs at least 40 characters/)).toBeVisible();

  await first.getByRole("combobox", { name: "Root cause" }).selectOption({ label: "not in stock" });
  await first.getByRole("button", { name: "Save root cause" }).click();
  await expect(page.getByText("1 of 3 analysed, 0 resolved")).toBeVisible();

  await second.getByRole("combobox", { name: "Root cause" }).selectOption("other");
  await second.getByRole("textbox", { name: "What was the cause?" }).fill("Too short");
  await second.getByRole("button", { name: "Save root cause" }).click();
  await expect(second.getByText("Describe the cause in at least 10 characters")).toBeVisible();
  await second.getByRole("textbox", { name: "What was the cause?" }).fill("The courier lost the parcel");
  await second.getByRole("button", { name: "Save root cause" }).click();
  await expect(page.getByText("2 of 3 analysed, 0 resolved")).toBeVisible();
  const causes = page.getByRole("list", { name: "Causes, most frequent first" });
  await expect(causes.getByRole("listitem")).toHaveText(["not in stock: 1", "other: 1"]);
  await expect(page.getByRole("img", { name: /Bar chart of the named causes: not in stock: 1, other: 1/ })).toBeVisible();

  // Resolved with the buyer: what was agreed.
  await first.getByRole("radio", { name: "Resolved with the buyer" }).check();
  await first.getByRole("textbox", { name: "What you agreed with the buyer" }).fill("Refund");
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.getByText(/Write what you agreed with the buyer in at least 20 characters/)).toBeVisible();
  await first
    .getByRole("textbox", { name: "What you agreed with the buyer" })
    .fill("We refunded the order and the buyer will edit the review.");
  await first.getByRole("checkbox", { name: "Contacted the buyer" }).check();
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("2 of 3 analysed, 1 resolved")).toBeVisible();
  await expect(first.getByText("We refunded the order and the buyer will edit the review.")).toBeVisible();
  await expect(first.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);

  // A public reply, constructive and long enough.
  const reply = "Thank you for telling us. The courier lost your parcel; we now insure every shipment and call you the same day.";
  await second.getByRole("radio", { name: "Public reply" }).check();
  await second.getByRole("textbox", { name: "Your public reply" }).fill(reply);
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("2 of 3 analysed, 2 resolved")).toBeVisible();
  await expect(second.getByText(reply)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  const [event] = await sql<{ payload: { text: string } }[]>`
    select payload from outbox_events where type = 'review.replied' and seller_id = ${seller.id}`;
  expect(event?.payload.text).toBe(reply);

  // The moderator's case page shows the agreement and the public reply.
  await page.context().clearCookies();
  await signIn(page, moderator.email);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/moderator/cases/${caseId}`);
  const section = page.getByRole("region", { name: /Negative reviews in scope/ });
  await expect(section).toContainText("We refunded the order and the buyer will edit the review.");
  await expect(section).toContainText(reply);
});

test("[SELLER] field errors in Ukrainian; another seller's case is not found", async ({ page }) => {
  const { seller, caseId } = await openCaseOn(page, "E2E Reviews UK Shop", 1);
  await signInAsSellerOf(page, seller.id);
  await page.goto(`/seller/cases/${caseId}/reviews`);
  await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "Українська" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Негативні відгуки у вашій справі" })).toBeVisible();
  const card = page.getByRole("article");
  await card.getByRole("button", { name: "Зберегти причину" }).click();
  await expect(card.getByText("Оберіть причину відгуку")).toBeVisible();
  await card.getByRole("radio", { name: "Публічна відповідь" }).check();
  await card.getByRole("textbox", { name: "Ваша публічна відповідь" }).fill("Дякуємо");
  await card.getByRole("button", { name: "Зберегти", exact: true }).click();
  await expect(card.getByText(/Публічна відповідь має містити щонайменше 40 символів/)).toBeVisible();

  // Around the browser's check, straight to the server action: refused on the server, in Ukrainian.
  const path = `/seller/cases/${caseId}/reviews`;
  const [inScope] = await sql<{ review_id: string }[]>`select review_id from case_reviews where case_id = ${caseId}`;
  const reviewId = Number(inScope!.review_id);
  const replyAction = serverActionId("recordReviewOutcomeAction", "seller/cases/[caseId]/reviews");
  const causeAction = serverActionId("nameRootCauseAction", "seller/cases/[caseId]/reviews");
  const tooShort = [{ caseId, reviewId, outcome: "answered_publicly", text: "Дякуємо" }];
  const refused = await postServerAction(page.request, path, replyAction, tooShort);
  expect(await refused.text()).toContain("Публічна відповідь має містити щонайменше 40 символів");

  // Another seller: the page is not found, and so are the actions on this case; nothing is written.
  const other = await createUser("seller");
  await page.context().clearCookies();
  await signIn(page, other.email);
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  const reply = "Thank you for telling us; we have changed couriers and now call every buyer the same day.";
  for (const [action, input] of [
    [causeAction, { caseId, reviewId, rootCause: "price_changed" }],
    [replyAction, { caseId, reviewId, outcome: "answered_publicly", text: reply }],
  ] as const) {
    const answer = await postServerAction(page.request, path, action, [input]);
    expect(await answer.text()).toContain("NOT_FOUND");
  }
  expect(await sql`select root_cause, resolution from case_reviews where case_id = ${caseId}`).toEqual([
    { root_cause: null, resolution: null },
  ]);
  expect(await sql`select 1 from review_replies where review_id = ${reviewId}`).toEqual([]);
});

test("[SELLER] a closed case is a read-only record: no forms, and a direct post is refused", async ({ page }) => {
  const { seller, caseId } = await openCaseOn(page, "E2E Reviews Closed Shop", 1);
  const [inScope] = await sql<{ review_id: string }[]>`
    update case_reviews set root_cause = 'price_changed' where case_id = ${caseId} returning review_id`;
  await sql`update cases set status = 'REINSTATED', reinstated_at = now() where id = ${caseId}`;
  await signInAsSellerOf(page, seller.id);
  const path = `/seller/cases/${caseId}/reviews`;
  await page.goto(path);
  await expect(page.getByText("This case is closed. Here is what you recorded.")).toBeVisible();
  const card = page.getByRole("article");
  await expect(card).toContainText("Root cause: price changed");
  await expect(card).toContainText("Nothing was recorded for this review.");
  await expect(card.getByRole("button")).toHaveCount(0);

  const answer = await postServerAction(
    page.request,
    path,
    serverActionId("nameRootCauseAction", "seller/cases/[caseId]/reviews"),
    [{ caseId, reviewId: Number(inScope!.review_id), rootCause: "not_in_stock" }],
  );
  expect(await answer.text()).toContain("case_closed");
  expect(await sql`select root_cause from case_reviews where case_id = ${caseId}`).toEqual([{ root_cause: "price_changed" }]);
});
