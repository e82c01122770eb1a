import { expect, test } from "@playwright/test";
import { createUser, signIn, sql } from "./fixtures";

/** `count` unread notifications for the seller, as a reinstatement leaves them. */
async function addUnreadNotifications(sellerId: number, count: number) {
  const payload = { kind: "case_reinstated", caseId: 1, reinstatedAt: new Date().toISOString() };
  await sql`
    insert into notifications (seller_id, kind, payload, created_at, email_status)
    select ${sellerId}, ${payload.kind}, ${sql.json(payload)}, now(), 'skipped' from generate_series(1, ${count})`;
}

test("[MODERATOR] the language switch offers Polish, and the choice is kept on the account for e-mails", async ({ page }) => {
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto("/moderator");
  const languages = page.getByRole("form", { name: "Language" });
  await expect(languages.getByRole("button")).toHaveText(["English", "Українська", "Polski"]);
  await languages.getByRole("button", { name: "Polski" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Moderacja" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByRole("form", { name: "Język" }).getByRole("button", { name: "Polski" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("navigation", { name: "Menu główne" }).getByRole("link", { name: "Sprawy" })).toBeVisible();
  expect(await sql`select locale from users where id = ${moderator.id}`).toEqual([{ locale: "pl" }]);
});

test("[SELLER] switches to Polish and reads the unread count in the Polish plural of 2 and of 5", async ({ page }) => {
  const seller = await createUser("seller");
  await addUnreadNotifications(seller.sellerId!, 2);
  await signIn(page, seller.email);
  await page.goto("/seller");
  await page.getByRole("button", { name: "Polski" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Jakość sklepu" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");

  await page.getByRole("navigation", { name: "Menu główne" }).getByRole("link", { name: "Skrzynka" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Skrzynka" })).toBeVisible();
  await expect(page.getByText("2 nieprzeczytane wiadomości")).toBeVisible();
  await addUnreadNotifications(seller.sellerId!, 3);
  await page.reload();
  await expect(page.getByText("5 nieprzeczytanych wiadomości")).toBeVisible();
  await expect(page.getByRole("article", { name: /Produkty sklepu wróciły do katalogu/ })).toHaveCount(5);
});

test.describe("a browser that asks for Polish", () => {
  test.use({ locale: "pl-PL" });

  test("gets the sign-in page in Polish", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Logowanie do Catalog Guard" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  });
});
