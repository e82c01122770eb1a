import { expect, test, type APIRequestContext } from "@playwright/test";
import { createFlaggedSeller } from "./cases";
import { moveServerClock, resetServerClock } from "./clock";
import { plantEvaluations } from "./evaluations";
import { createApiKey, createUser, signIn, sql } from "./fixtures";

/**
 * The whole exclusion as a moderator lives it, in Chromium against the production build: triage a
 * flag, open the case, the catalog stops showing the seller, the server's clock moves to day 14,
 * the checklist is there, reinstatement with an override reason, the seller is back, and the
 * audit trail holds each step. It moves the server's clock, so its tests run one after another.
 */
test.describe.configure({ mode: "serial" });
test.afterEach(() => resetServerClock());

const DAY = 86_400_000;

async function visibility(request: APIRequestContext, apiKey: string, sellerId: string) {
  const response = await request.get(`/api/v1/catalog/visibility?sellerIds=${encodeURIComponent(sellerId)}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { sellers: { sellerId: string; visible: boolean; caseId?: number }[] };
  return body.sellers[0]!;
}

test("[MODERATOR] triage, exclusion, day-14 re-check and reinstatement with an override, end to end", async ({
  page,
  browser,
}) => {
  const seller = await createFlaggedSeller("E2E Lamp Shop");
  const moderator = await createUser("moderator");
  const apiKey = await createApiKey();
  expect(await visibility(page.request, apiKey, seller.externalId)).toEqual({ sellerId: seller.externalId, visible: true });

  await signIn(page, moderator.email);
  await page.goto(`/moderator/flags?q=${seller.externalId}`);
  const row = page.getByRole("row", { name: /E2E Lamp Shop/ });
  await expect(row).toContainText("Low over the year");
  await expect(row).toContainText("30%");
  await row.getByRole("link", { name: /Triage/ }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Flag of E2E Lamp Shop");
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+: E2E Lamp Shop$/);
  const caseId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByText("Excluded", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Negative reviews in scope (2)" })).toBeVisible();
  await expect(page.getByText(/A decision is possible from/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Reinstate" })).toHaveCount(0);

  expect(await visibility(page.request, apiKey, seller.externalId)).toMatchObject({
    sellerId: seller.externalId,
    visible: false,
    caseId,
  });

  // Day 14 (and an hour): the re-check is due.
  moveServerClock(14 * DAY + 3_600_000);
  await page.reload();
  await expect(page.getByText("Due for re-check", { exact: true }).first()).toBeVisible();
  const checklist = page.getByRole("region", { name: "Re-check checklist" }).getByRole("listitem");
  await expect(checklist).toHaveCount(5);
  await expect(checklist.filter({ hasText: "Every negative review in scope is resolved" })).toContainText("Failed");
  await expect(checklist.filter({ hasText: "No suspected fake reviews since the exclusion" })).toContainText("Passed");

  // Reinstating without the override reasons is refused beside each failing item.
  await page.getByRole("button", { name: "Reinstate" }).click();
  const overrides = page.getByLabel(/Why reinstate although this fails/);
  const failing = await overrides.count();
  expect(failing).toBeGreaterThan(0);
  for (let index = 0; index < failing; index++)
    await overrides.nth(index).fill("Checked with the seller by phone: the causes are fixed.");
  await page.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByText("Reinstated", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Reinstated by moderator-/)).toBeVisible();

  expect(await visibility(page.request, apiKey, seller.externalId)).toEqual({ sellerId: seller.externalId, visible: true });
  const events = await sql<{ type: string }[]>`select type from outbox_events where seller_id = ${seller.id} order by id`;
  expect(events.map((event) => event.type)).toEqual(["seller.excluded", "seller.reinstated"]);

  // The audit trail, as an admin reads it.
  const admin = await createUser("admin");
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email);
  const actor = encodeURIComponent(moderator.email);
  await adminPage.goto(`/admin/audit?action=case.opened&actor=${actor}`);
  const trail = adminPage.getByRole("table");
  await expect(trail.getByRole("row", { name: /case\.opened/ })).toHaveCount(1);
  await adminPage.goto(`/admin/audit?action=case.reinstated&actor=${actor}`);
  await expect(trail.getByRole("row", { name: /case\.reinstated/ })).toContainText("Checked with the seller by phone");
  await adminContext.close();
});

test("[MODERATOR] a second moderator's stale form is refused and told who decided", async ({ page, browser }) => {
  const seller = await createFlaggedSeller("E2E Race Shop");
  const [first, second] = [await createUser("moderator"), await createUser("moderator")];
  await signIn(page, first.email);
  await page.goto(`/moderator/flags/${seller.flagId}`);
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+/);
  const casePath = new URL(page.url()).pathname;
  moveServerClock(15 * DAY);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, second.email);
  await Promise.all([page.goto(casePath), other.goto(casePath)]);

  // The first moderator extends; the second, still looking at the old version, tries to reinstate.
  await page.getByRole("checkbox", { name: /letter is missing/i }).check();
  await page.getByLabel("Message to the seller").first().fill("Please send your improvement letter first; we look again then.");
  await page.getByRole("button", { name: "Extend" }).click();
  await expect(page.getByText(/Extended by/)).toBeVisible();

  const overrides = other.getByLabel(/Why reinstate although this fails/);
  for (let index = 0; index < (await overrides.count()); index++)
    await overrides.nth(index).fill("Looks fine to me after a call with the seller.");
  await other.getByRole("button", { name: "Reinstate" }).click();
  await expect(other.getByRole("alert").filter({ hasText: "This case was just" })).toContainText(
    `This case was just extended by ${first.email}`,
  );
  const [stored] = await sql<
    { status: string; version: number }[]
  >`select status, version from cases where seller_id = ${seller.id}`;
  expect(stored).toEqual({ status: "EXCLUDED", version: 2 });
  await otherContext.close();
});

test("[SELLER] the live figures since the evaluation follow the server's clock", async ({ page }) => {
  const seller = await createUser("seller");
  const counts = { orders: 40, uniqueReviews: 20, negativeReviews: 1, complaints: 0 };
  await plantEvaluations(seller.sellerId!, { count: 1, eligible: true, windows: { year: counts } });
  // An order the server's clock reaches only two days from now.
  await sql`insert into orders (seller_id, external_id, buyer_id, status, placed_at)
    values (${seller.sellerId!}, ${`O-clock-${seller.sellerId}`}, 'B-clock', 'placed', ${new Date(Date.now() + 2 * DAY)})`;
  await signIn(page, seller.email);
  const orders = page.getByRole("region", { name: "Orders" });

  await page.goto("/seller");
  await expect(orders.locator(".stat-value")).toHaveText("0");

  moveServerClock(3 * DAY);
  await page.reload();
  await expect(orders.locator(".stat-value")).toHaveText("1");
});
