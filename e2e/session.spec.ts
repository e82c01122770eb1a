import { expect, test } from "@playwright/test";
import { createSeller, createUser, signIn, sql } from "./fixtures";

test("a disabled user's existing session stops working on the next request", async ({ page }) => {
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto("/moderator");
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();

  await sql`update users set disabled_at = now() where id = ${moderator.id}`;

  await page.goto("/moderator");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a changed role takes effect at once, whatever the session cookie says", async ({ page }) => {
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto("/moderator");
  await expect(page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();

  const shop = await createSeller("Role change shop");
  await sql`update users set role = 'seller', seller_id = ${shop.id} where id = ${moderator.id}`;

  expect((await page.goto("/moderator"))?.status()).toBe(404);
  await page.goto("/");
  await expect(page).toHaveURL(/\/seller$/);
  await expect(page.getByText("Role change shop")).toBeVisible();
});

test("session cookies are HttpOnly and SameSite", async ({ page, context }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  const sessionCookie = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("signing out in one browser ends the account's sessions everywhere", async ({ browser }) => {
  const admin = await createUser("admin");
  const [laptop, phone] = [await browser.newContext(), await browser.newContext()];
  const [laptopPage, phonePage] = [await laptop.newPage(), await phone.newPage()];
  await signIn(laptopPage, admin.email);
  await signIn(phonePage, admin.email);
  await phonePage.goto("/admin");
  await expect(phonePage.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();

  await laptopPage.goto("/admin");
  await laptopPage.getByRole("button", { name: "Sign out" }).click();
  await expect(laptopPage).toHaveURL(/\/sign-in/);

  await phonePage.goto("/admin");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  await Promise.all([laptop.close(), phone.close()]);
});
