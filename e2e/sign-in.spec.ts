// The one spec that drives the sign-in form; the others sign in through the auth endpoint.
import { expect, test } from "@playwright/test";
import { PASSWORD, createUser, sql, type Role } from "./fixtures";

const HOMES: { role: Role; path: string; heading: string }[] = [
  { role: "seller", path: "/seller", heading: "Your quality standing" },
  { role: "moderator", path: "/moderator", heading: "Moderation" },
  { role: "admin", path: "/admin", heading: "Administration" },
];

for (const { role, path, heading } of HOMES) {
  test(`[${role.toUpperCase()}] signs in with the form and lands on their own home page`, async ({ page }) => {
    const user = await createUser(role);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("E-mail").fill(user.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText(user.email)).toBeVisible();
  });
}

test("a wrong password is refused, and after five the account is rate-limited", async ({ page }) => {
  const user = await createUser("moderator");
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText(/wrong e-mail or password/i);
  }
  // Even the right password is refused now.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText(/too many failed attempts/i);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ page }) => {
  const user = await createUser("admin");
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/sign-in/);
  const entries = await sql<{ action: string }[]>`
    select action from audit_log where actor_user_id = ${user.id} order by seq`;
  expect(entries.map((entry) => entry.action)).toEqual(["auth.sign_in", "auth.sign_out"]);
});
