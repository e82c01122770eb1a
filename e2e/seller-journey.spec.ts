import { expect, test, type Page } from "@playwright/test";
import { createFlaggedSeller } from "./cases";
import { moveServerClock, resetServerClock } from "./clock";
import { createUser, signIn, sql } from "./fixtures";

/**
 * The exclusion from the seller's side, as a new seller on a phone lives it (375 px wide), beside
 * the moderator at a desk: the seller sees the exclusion and its countdown, names the causes of the
 * negative reviews, resolves one with the buyer and answers another publicly, writes a letter of two
 * Problem → Solution pairs; the moderator reads it in the queue and on the case page and asks for
 * changes; the seller sends version 2; the moderator accepts it; on day 14 the re-check checklist
 * passes items 1 and 4 from the seller's own work, with no override. It moves the server's clock.
 */
test.describe.configure({ mode: "serial" });
test.afterEach(() => resetServerClock());

const DAY = 86_400_000;

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${page.url()} scrolls sideways at 375 px`).toBeLessThanOrEqual(0);
}

test("[SELLER] a new seller works through an exclusion on a phone; the re-check passes items 1 and 4 without an override", async ({
  browser,
}) => {
  const shop = await createFlaggedSeller("E2E Pottery Shop", 2);
  const sellerUser = await createUser("seller", { sellerId: shop.id });
  const moderatorUser = await createUser("moderator");

  const desk = await (await browser.newContext()).newPage();
  await signIn(desk, moderatorUser.email);
  await desk.goto(`/moderator/flags/${shop.flagId}`);
  await desk.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+: E2E Pottery Shop$/);
  const caseId = Number(new URL(desk.url()).pathname.split("/").pop());

  const phoneContext = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, sellerUser.email);

  // The standing page tells of the exclusion and leads to it.
  await phone.goto("/seller");
  await expectNoHorizontalScroll(phone);
  await phone
    .getByRole("link", { name: /Open your case/ })
    .first()
    .click();
  await expect(phone).toHaveURL(new RegExp(`/seller/cases/${caseId}$`));
  await expect(phone.getByText(/14 days to the re-check/)).toBeVisible();
  await expectNoHorizontalScroll(phone);

  // The reviews: causes, one resolved with the buyer, one answered publicly.
  await phone
    .getByRole("link", { name: /negative reviews/i })
    .first()
    .click();
  await expect(phone).toHaveURL(new RegExp(`/seller/cases/${caseId}/reviews`));
  await expectNoHorizontalScroll(phone);
  const cards = phone.getByRole("article");
  await expect(cards).toHaveCount(2);
  // By the buyers' words: a recorded outcome may move a card in the list.
  const [first, second] = [cards.filter({ hasText: "Never arrived (0)" }), cards.filter({ hasText: "Never arrived (1)" })];
  for (const card of [first, second]) {
    await card.getByLabel("Root cause", { exact: true }).selectOption("slow_or_no_contact");
    await card.getByRole("button", { name: "Save root cause" }).click();
  }
  await expect
    .poll(
      async () => (await sql`select 1 from case_reviews where case_id = ${caseId} and root_cause = 'slow_or_no_contact'`).length,
    )
    .toBe(2);
  await first.getByRole("radio", { name: "Resolved with the buyer" }).check();
  await first
    .getByLabel("What you agreed with the buyer", { exact: true })
    .fill("Called the buyer, sent a replacement by express; the buyer will update the review.");
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await second.getByRole("radio", { name: "Public reply" }).check();
  await second
    .getByLabel("Your public reply", { exact: true })
    .fill("We are sorry for the wait. Two of us now answer every message each working day before noon.");
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(second.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(second).toContainText("Two of us now answer every message");
  const replied = await sql<
    { type: string }[]
  >`select type from outbox_events where seller_id = ${shop.id} and type = 'review.replied'`;
  expect(replied).toHaveLength(1);

  // The letter: two pairs, submitted.
  await phone.goto(`/seller/cases/${caseId}/letter`);
  await expectNoHorizontalScroll(phone);
  await phone.getByLabel("Root cause 1", { exact: true }).selectOption("slow_or_no_contact");
  await phone
    .getByLabel("Problem 1", { exact: true })
    .fill("We answered buyers' messages days late: one person read them twice a week.");
  await phone
    .getByLabel("Solution 1", { exact: true })
    .fill("Two people answer every new message each working day before noon, weekends included.");
  if ((await phone.getByLabel("Problem 2", { exact: true }).count()) === 0)
    await phone.getByRole("button", { name: "Add a pair" }).click();
  await phone.getByLabel("Root cause 2", { exact: true }).selectOption("not_in_stock");
  await phone.getByLabel("Problem 2", { exact: true }).fill("We sold items that were no longer in the warehouse.");
  await phone
    .getByLabel("Solution 2", { exact: true })
    .fill("Stock is synchronised with the warehouse every hour; items at zero are hidden.");
  await phone.getByRole("button", { name: "Submit letter" }).click();
  await expect(phone.getByRole("article", { name: "Version 1" })).toBeVisible();

  // The moderator finds it in the queue and on the case page, and asks for changes.
  await desk.goto("/moderator/letters");
  await expect(desk.getByRole("row", { name: /E2E Pottery Shop/ })).toBeVisible();
  await desk.goto(`/moderator/cases/${caseId}`);
  await expect(
    desk.getByText("Two people answer every new message each working day before noon, weekends included."),
  ).toBeVisible();
  await expect(desk.getByRole("table").getByText(/Two of us now answer every message/)).toBeVisible();
  const answer = desk.getByRole("form", { name: "Your answer" });
  await answer.getByRole("radio", { name: "Ask for changes" }).check();
  await answer
    .getByLabel("Message to the seller", { exact: true })
    .fill("Please say how you will keep the stock right on weekends too.");
  await answer.getByRole("button", { name: "Send answer" }).click();
  await expect(desk.getByText(/Changes asked for by moderator-/)).toBeVisible();

  // The seller reads the answer and sends version 2, started from version 1.
  await phone.reload();
  await expect(phone.getByText("Please say how you will keep the stock right on weekends too.")).toBeVisible();
  await expect(phone.getByLabel("Problem 1", { exact: true })).toHaveValue(/one person read them twice a week/);
  await phone
    .getByLabel("Solution 2", { exact: true })
    .fill("Stock is synchronised every hour, also on weekends by the night job; items at zero are hidden.");
  await phone.getByRole("button", { name: "Submit letter" }).click();
  await expect(phone.getByRole("article", { name: "Version 2" })).toBeVisible();
  const versions = await sql<
    { version: number }[]
  >`select version from letters where case_id = ${caseId} and status = 'submitted' order by version`;
  expect(versions.map((letter) => letter.version)).toEqual([1, 2]);

  await desk.goto(`/moderator/cases/${caseId}`);
  const secondAnswer = desk.getByRole("form", { name: "Your answer" });
  await secondAnswer.getByRole("radio", { name: "Accept the letter" }).check();
  await secondAnswer.getByLabel("Message to the seller", { exact: true }).fill("Clear and concrete, thank you: accepted.");
  await secondAnswer.getByRole("button", { name: "Send answer" }).click();
  await expect(desk.getByText(/Accepted by moderator-/)).toBeVisible();

  // Day 14: items 1 and 4 pass from the seller's own work.
  moveServerClock(14 * DAY + 3_600_000);
  await desk.reload();
  const checklist = desk.getByRole("region", { name: "Re-check checklist" }).getByRole("listitem");
  await expect(checklist.filter({ hasText: "Every negative review in scope is resolved" })).toContainText("Passed");
  await expect(checklist.filter({ hasText: "A constructive letter was received on or before the re-check date" })).toContainText(
    "Passed",
  );

  // The seller sees the same items on their exclusion page.
  await phone.goto(`/seller/cases/${caseId}`);
  await expectNoHorizontalScroll(phone);
  await phoneContext.close();
});
