import { type Browser, type Page, expect, test } from "@playwright/test";
import { createUser, signIn, sql } from "./fixtures";

const NEW_PASSWORD = "my very own new password";

/** Signs in in a browser of its own, as the person the admin passed the password to would. */
async function signInElsewhere(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page };
}

/** The temporary password the admin is shown once, read from its labelled field. */
async function shownTemporaryPassword(page: Page, heading: string) {
  const notice = page.getByRole("region", { name: heading });
  await expect(notice).toBeVisible();
  return notice.getByRole("textbox", { name: "Temporary password" }).inputValue();
}

async function chooseNewPassword(page: Page, current: string) {
  const form = page.getByRole("form", { name: "New password" });
  await form.getByLabel("Current password").fill(current);
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("New password again").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Save new password" }).click();
}

test("[ADMIN] creates an account with a temporary password; at first sign-in the person must choose their own before anything else", async ({
  page,
  browser,
}) => {
  const admin = await createUser("admin");
  const email = `invited-${Date.now()}@e2e.catalog-guard.test`;
  await signIn(page, admin.email);
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Create an account" });
  await form.getByLabel("E-mail").fill(email);
  await form.getByLabel("Name").fill("New moderator");
  await form.getByLabel("Role").selectOption("moderator");
  await form.getByRole("button", { name: "Create account" }).click();
  const temporaryPassword = await shownTemporaryPassword(page, `Temporary password for ${email}`);
  expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);

  const newcomer = await signInElsewhere(browser, email, temporaryPassword);
  for (const route of ["/moderator", "/moderator/cases", "/admin/users", "/"]) {
    await newcomer.page.goto(route);
    await expect(newcomer.page, route).toHaveURL(/\/account\/password$/);
  }
  await expect(newcomer.page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();

  // The temporary password is not taken as the new one, nor two different new ones.
  const passwordForm = newcomer.page.getByRole("form", { name: "New password" });
  await passwordForm.getByLabel("Current password").fill(temporaryPassword);
  await passwordForm.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await passwordForm.getByLabel("New password again").fill(`${NEW_PASSWORD}!`);
  await passwordForm.getByRole("button", { name: "Save new password" }).click();
  await expect(passwordForm.getByText("The two new passwords are not the same")).toBeVisible();

  await chooseNewPassword(newcomer.page, temporaryPassword);
  await expect(newcomer.page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  const [stored] = await sql<{ id: string; password_change_required: boolean }[]>`
    select id, password_change_required from users where email = ${email}`;
  expect(stored?.password_change_required).toBe(false);
  expect(await sql`select 1 from audit_log where entity_id = ${stored!.id} and action = 'user.password_changed'`).toHaveLength(1);
  await newcomer.context.close();
});

test("[ADMIN] resets a password: the person is signed out at once and must choose a new one after signing in", async ({
  page,
  browser,
}) => {
  const admin = await createUser("admin");
  const moderator = await createUser("moderator");
  const elsewhere = await signInElsewhere(browser, moderator.email, "e2e correct horse battery");
  await elsewhere.page.goto("/moderator");
  await expect(elsewhere.page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();

  await signIn(page, admin.email);
  await page.goto(`/admin/users?q=${encodeURIComponent(moderator.email)}`);
  await page.getByRole("row").filter({ hasText: moderator.email }).getByRole("button", { name: "Manage" }).click();
  const dialog = page.getByRole("dialog", { name: `Manage ${moderator.email}` });
  const resetForm = dialog.getByRole("form", { name: "Reset password" });
  await resetForm.getByLabel("Reason").fill("Forgot the password");
  await resetForm.getByRole("button", { name: "Reset password" }).click();
  const temporaryPassword = await shownTemporaryPassword(page, `New temporary password for ${moderator.email}`);

  await elsewhere.page.goto("/moderator");
  await expect(elsewhere.page).toHaveURL(/\/sign-in/);
  await elsewhere.context.close();

  const again = await signInElsewhere(browser, moderator.email, temporaryPassword);
  await again.page.goto("/moderator");
  await expect(again.page).toHaveURL(/\/account\/password$/);
  await chooseNewPassword(again.page, temporaryPassword);
  await expect(again.page.getByRole("heading", { level: 1, name: "Moderation" })).toBeVisible();
  await again.context.close();
  const actions = await sql<{ action: string }[]>`
    select action from audit_log where entity_id = ${moderator.id} and action like 'user.%' order by seq`;
  expect(actions.map((row) => row.action)).toEqual(["user.password_reset", "user.password_changed"]);
});

test("[ADMIN] the overview links each number to its list and gives the weekly chart's numbers in words and in a table", async ({
  page,
}) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  await page.goto("/admin");
  const overview = page.getByRole("region", { name: "Overview" });
  const links: [string, string][] = [
    ["All open cases", "/moderator/cases"],
    ["Cases due", "/moderator/cases?queue=due"],
    ["Letters past their answer-by date", "/moderator/letters?overdue=1"],
    ["Appeals to decide", "/moderator/appeals"],
    ["Open flags of the latest evaluation", "/moderator/flags"],
    ["Failing catalog events", "/admin/outbox?status=failing"],
  ];
  for (const [name, href] of links) await expect(overview.getByRole("link", { name })).toHaveAttribute("href", href);
  await expect(overview.getByRole("heading", { name: "Median time to reinstatement" })).toBeVisible();
  await expect(
    page.getByRole("img", { name: /^Bar chart of exclusions and reinstatements per week over the last 12 weeks: week of/ }),
  ).toBeVisible();
  const table = page.getByRole("table", { name: "Exclusions and reinstatements per week" });
  await expect(table.getByRole("row")).toHaveCount(13);
  // The admin tools stay below the overview.
  const tools = page.getByRole("region", { name: "Administration tools" });
  await expect(tools.getByRole("link", { name: /^Users/ })).toHaveAttribute("href", "/admin/users");
});
