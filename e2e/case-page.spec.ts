import { expect, test } from "@playwright/test";
import { createFlaggedSeller } from "./cases";
import { createUser, signIn } from "./fixtures";

test("[MODERATOR] a case with many reviews in scope shows them a page at a time, newest first", async ({ page }) => {
  const seller = await createFlaggedSeller("E2E Busy Shop", 55);
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto(`/moderator/flags?q=${seller.externalId}`);
  await page
    .getByRole("row", { name: /E2E Busy Shop/ })
    .getByRole("link", { name: /Triage/ })
    .click();
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+: E2E Busy Shop$/);

  const section = page.getByRole("region", { name: "Negative reviews in scope (55)" });
  const reviewRows = section.getByRole("table").locator("tbody tr");
  await expect(reviewRows).toHaveCount(50);
  await expect(section).toContainText("50 of 55 shown, newest first");
  await expect(reviewRows.first()).toContainText("Never arrived (0)");
  await expect(section.getByRole("link", { name: /Newer reviews/ })).toHaveCount(0);

  await section.getByRole("link", { name: /Older reviews/ }).click();
  await expect(reviewRows).toHaveCount(5);
  await expect(reviewRows.last()).toContainText("Never arrived (54)");
  await expect(section).toContainText("5 of 55 shown");
  await expect(section.getByRole("link", { name: /Older reviews/ })).toHaveCount(0);

  await section.getByRole("link", { name: /Newer reviews/ }).click();
  await expect(reviewRows).toHaveCount(50);
  await expect(reviewRows.first()).toContainText("Never arrived (0)");
});
