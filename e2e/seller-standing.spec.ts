import { expect, test } from "@playwright/test";
import { plantEvaluations, type WindowCounts } from "./evaluations";
import { createUser, signIn, sql } from "./fixtures";

/**
 * Year: 2 of 30 reviews negative against the portal's 5%, 6 complaints on 40 orders; recent 1 of 10
 * against a baseline of 1 of 20. By the rules: WORSENED and LOW_YEAR each trip at 5 more negative
 * reviews, LOW_YEAR on complaints at 2 more (8 of 40 has a Wilson low end of 0.105 > 0.10; 7 of
 * 40: 0.087) — close.
 */
const CLOSE_SHOP: Record<string, WindowCounts> = {
  year: { orders: 40, uniqueReviews: 30, negativeReviews: 2, complaints: 6 },
  recent: { orders: 10, uniqueReviews: 10, negativeReviews: 1, complaints: 1 },
  baseline: { orders: 30, uniqueReviews: 20, negativeReviews: 1, complaints: 5 },
};

test("[SELLER] sees their standing: close to a rule, how far each rule is, what to improve, the trend, the unread count", async ({
  page,
}) => {
  const seller = await createUser("seller");
  await plantEvaluations(seller.sellerId!, { count: 2, eligible: true, windows: CLOSE_SHOP });
  await sql`insert into notifications (seller_id, kind, payload, email_status)
    values (${seller.sellerId!}, 'case_reinstated', ${sql.json({ kind: "case_reinstated", caseId: 1, reinstatedAt: new Date().toISOString() })}, 'skipped')`;
  await signIn(page, seller.email);
  await page.goto("/seller");

  await expect(page.getByRole("heading", { level: 1, name: "Your quality standing" })).toBeVisible();
  const summary = page.getByRole("region", { name: "In short" });
  await expect(summary).toContainText("Your shop meets the marketplace's standard, but it is close to one of the rules.");
  await expect(
    page.getByText("Your shop has enough orders and reviews to be compared with the portal: 40 orders and 30 unique reviews"),
  ).toBeVisible();

  const distances = page.getByRole("region", { name: "How far you are from each rule" });
  await expect(distances).toContainText("We warn you early when a rule is 3 or fewer negative reviews or complaints away.");
  await expect(distances).toContainText("5 more negative reviews in the last 365 days would put your shop below the standard.");
  await expect(distances).toContainText("2 more complaints in the last 365 days would put your shop below the standard.");
  await expect(distances).toContainText(
    "5 more negative reviews in the last 90 days would count as your quality getting worse than before.",
  );
  await expect(distances.getByRole("heading", { level: 3, name: "Early warning" })).toHaveCount(1);
  await expect(distances).toContainText("Complaints over the year: you are close.");

  const improve = page.getByRole("region", { name: "What to improve first" });
  await expect(improve.getByRole("listitem").first()).toContainText(
    "Complaint rate (the last 365 days): yours 15%, the portal's 5%.",
  );

  const chart = page.getByRole("img", { name: /^Negative-review rate over the last 365 days in 2 evaluations/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(/yours 6\.7% against the portal's 5%/);
  // The chart's numbers, as a table drawn when the reader opens it: one row per evaluation.
  const figure = page.getByRole("figure").filter({ has: chart });
  await expect(figure.getByRole("table")).toHaveCount(0);
  await figure.getByText("The numbers").click();
  await expect(figure.getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(figure.getByRole("table").getByRole("row").nth(1)).toContainText("6.7%");

  const metrics = page.getByRole("region", { name: "Metrics against the portal" });
  const yearComplaints = metrics.getByRole("table", { name: /^Year/ }).getByRole("row", { name: /^Complaint rate/ });
  await expect(yearComplaints).toContainText("15%");
  await expect(yearComplaints).toContainText("higher than the portal, which is worse");

  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox (1 unread)" })).toBeVisible();

  // On a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(summary).toBeVisible();
  await expect(chart).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("[SELLER] a new shop reads why it is not judged yet, in the seller's numbers, and in Polish", async ({ page }) => {
  const seller = await createUser("seller");
  await plantEvaluations(seller.sellerId!, {
    count: 1,
    eligible: false,
    windows: { year: { orders: 23, uniqueReviews: 7, negativeReviews: 1, complaints: 0 } },
  });
  await signIn(page, seller.email);
  await page.goto("/seller");
  await expect(page.getByRole("region", { name: "In short" })).toContainText("Your shop is still new, so it is not judged yet");
  await expect(page.getByText("23 of the 30 orders needed")).toBeVisible();
  await expect(page.getByText("7 of the 10 unique reviews needed")).toBeVisible();
  await expect(page.getByRole("region", { name: "How far you are from each rule" })).toHaveCount(0);

  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "pl", domain: "127.0.0.1", path: "/" }]);
  await page.reload();
  await expect(page.getByText("23 z 30 potrzebnych zamówień")).toBeVisible();
});

test("[SELLER] before any evaluation: a clear 'no evaluation yet'", async ({ page }) => {
  const seller = await createUser("seller");
  await signIn(page, seller.email);
  await page.goto("/seller");
  await expect(page.getByRole("heading", { level: 2, name: "No evaluation yet" })).toBeVisible();
  await expect(page.getByRole("region", { name: "In short" })).toHaveCount(0);
});

test("[SELLER] during an exclusion: the summary says so first, with the re-check date and a link to the case", async ({
  page,
}) => {
  const seller = await createUser("seller");
  const moderator = await createUser("moderator");
  await plantEvaluations(seller.sellerId!, { count: 1, eligible: true, windows: CLOSE_SHOP });
  const [excluded] = await sql<{ id: string }[]>`
    insert into cases (seller_id, status, opened_by, excluded_at, recheck_at, evidence)
    values (${seller.sellerId!}, 'EXCLUDED', ${moderator.id}, now() - interval '4 days', now() + interval '9 days 12 hours', '{}')
    returning id`;
  await signIn(page, seller.email);
  await page.goto("/seller");
  await expect(page.getByRole("region", { name: "In short" })).toContainText(
    "Your products are hidden from the catalog for now.",
  );
  const banner = page.getByRole("region", { name: "Your products are hidden from the catalog" });
  // 9½ days ahead of the database's clock; the server's clock may be moved by other specs meanwhile.
  await expect(banner).toContainText(/Re-check on .+: (\d+ days? left|it is due now)\./);
  await expect(banner.getByRole("link", { name: "Open your case: what to do now" })).toHaveAttribute(
    "href",
    `/seller/cases/${excluded!.id}`,
  );
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(banner).toBeVisible();
  await page.screenshot({ path: ".test-output/seller-standing-375.png", fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
