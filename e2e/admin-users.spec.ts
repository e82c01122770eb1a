import { expect, test } from "@playwright/test";
import { createUser, signIn, sql } from "./fixtures";

test("[ADMIN] disables an account with a reason; the user is locked out and the audit trail shows who, what and why", async ({
  page,
  browser,
}) => {
  const admin = await createUser("admin");
  const moderator = await createUser("moderator");

  // The moderator is signed in elsewhere when it happens.
  const moderatorContext = await browser.newContext();
  const moderatorPage = await moderatorContext.newPage();
  await signIn(moderatorPage, moderator.email);
  await moderatorPage.goto("/moderator");
  await expect(moderatorPage.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();

  await signIn(page, admin.email);
  await page.goto(`/admin/users?q=${encodeURIComponent(moderator.email)}`);
  const row = page.getByRole("row").filter({ hasText: moderator.email });
  await row.getByRole("button", { name: "Manage" }).click();
  const dialog = page.getByRole("dialog", { name: `Manage ${moderator.email}` });
  const disableForm = dialog.getByRole("form", { name: "Disable account" });
  await disableForm.getByLabel("Reason").fill("Left the trust-and-safety team");
  await disableForm.getByRole("button", { name: "Disable" }).click();
  await expect(dialog.getByRole("form", { name: "Enable account" })).toBeVisible();

  const [stored] = await sql<{ disabled_at: Date | null }[]>`select disabled_at from users where id = ${moderator.id}`;
  expect(stored?.disabled_at).not.toBeNull();

  await moderatorPage.goto("/moderator");
  await expect(moderatorPage).toHaveURL(/\/sign-in/);
  await moderatorContext.close();

  await page.goto(`/admin/audit?action=user.disabled&actor=${encodeURIComponent(admin.email)}`);
  const entry = page.getByRole("row").filter({ hasText: "user.disabled" });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(admin.email);
  await expect(entry).toContainText("Left the trust-and-safety team");
});

test("[ADMIN] a new seller account needs a known seller, and the form says so beside the field", async ({ page }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("E-mail").fill(`new-seller-${Date.now()}@e2e.catalog-guard.test`);
  await form.getByLabel("Name").fill("New seller");
  await form.getByLabel("Role").selectOption("seller");
  await form.getByLabel("Seller (marketplace id or name)").fill("NO-SUCH-SELLER");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("There is no seller with this id or name")).toBeVisible();
});

test("the language switch turns the interface to Ukrainian and back", async ({ page }) => {
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto("/moderator");
  await page.getByRole("button", { name: "Українська" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Модерація" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "uk");
  // Kept on the account too, for the e-mails the user gets.
  expect(await sql`select locale from users where id = ${moderator.id}`).toEqual([{ locale: "uk" }]);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  expect(await sql`select locale from users where id = ${moderator.id}`).toEqual([{ locale: "en" }]);
});
