import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEFAULT_POLICY } from "../lib/quality/policy";
import { createSeller, createUser, signIn, sql } from "./fixtures";

const DAY = 86_400_000;
const WINDOWS = ["year", "recent", "month", "baseline", "messages"] as const;

/**
 * Two completed evaluations with the seller's metrics and the portal's, written straight into the
 * tables an evaluation fills. Their asOf lies years back (a random minute of 2020, so runs do not
 * collide), so they are never the latest evaluation another spec reads.
 */
async function plantEvaluations(sellerId: number, yearRates: readonly { seller: number; portal: number }[]) {
  await sql`insert into scoring_policies (version, params, note, activated_at) values (1, ${sql.json(DEFAULT_POLICY)}, 'e2e', now()) on conflict do nothing`;
  const first = new Date(Date.UTC(2020, 0, 6) + Math.floor(Math.random() * 300_000) * 60_000);
  for (const [i, rates] of yearRates.entries()) {
    const asOf = new Date(first.getTime() + i * 7 * DAY);
    const [evaluation] = await sql<{ id: string }[]>`
      insert into evaluations (as_of, policy_version, status, started_at, completed_at, sellers_evaluated, flagged_count, time_zone, requested_by)
      values (${asOf}, 1, 'completed', ${asOf}, ${asOf}, 1, 0, 'Europe/Kyiv', 'e2e')
      returning id`;
    const evaluationId = Number(evaluation!.id);
    await sql`insert into evaluation_sellers (evaluation_id, seller_id, eligible, flagged) values (${evaluationId}, ${sellerId}, true, false)`;
    for (const window of WINDOWS) {
      await sql`
        insert into seller_metrics (evaluation_id, seller_id, "window", orders, unique_reviews, negative_reviews, negative_review_rate,
          average_rating, complaints, complaint_rate, seller_cancellations, threads, threads_on_time, refunds, open_negative_reviews)
        values (${evaluationId}, ${sellerId}, ${window}, 40, 20, ${Math.round(rates.seller * 20)}, ${rates.seller}, 4.1, 2, 0.05, 0, 0, 0, 0, 0)`;
      await sql`
        insert into portal_metrics (evaluation_id, "window", eligible_sellers, "values")
        values (${evaluationId}, ${window}, 30, ${sql.json({ orders: 40, uniqueReviews: 20, negativeReviewRate: rates.portal, averageRating: 4.6, complaintRate: 0.05 })})`;
    }
  }
}

test("[MODERATOR] finds a seller and sees the trend chart beside the portal and the negative reviews", async ({ page }) => {
  const seller = await createSeller(`Trend shop ${randomBytes(3).toString("hex")}`);
  await plantEvaluations(seller.id, [
    { seller: 0.2, portal: 0.1 },
    { seller: 0.3, portal: 0.1 },
  ]);
  const reviewText = `Parcel never arrived ${randomBytes(3).toString("hex")}`;
  await sql`
    insert into reviews (seller_id, external_id, buyer_id, rating, text, posted_at)
    values (${seller.id}, ${`${seller.externalId}-R1`}, 'E2E-buyer-1', 1, ${reviewText}, now() - interval '2 days'),
           (${seller.id}, ${`${seller.externalId}-R2`}, 'E2E-buyer-2', 5, 'Lovely, thank you', now() - interval '1 day')`;
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);

  await page.goto("/moderator/sellers");
  await page.getByLabel("Name or marketplace id").fill(seller.externalId);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: seller.name }).click();

  await expect(page).toHaveURL(new RegExp(`/moderator/sellers/${seller.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: seller.name })).toBeVisible();
  await expect(page.getByText(`Marketplace id ${seller.externalId}`)).toBeVisible();

  const chart = page.getByRole("img", { name: /^Negative-review rate over the last 365 days in 2 evaluations/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAccessibleName(/the seller 30% against the portal 10%/);
  // Drawn by the chart library once it has measured its box: one line for the seller, one for the portal.
  await expect(chart.locator(".recharts-line")).toHaveCount(2);

  const reviews = page.getByRole("region", { name: "Negative reviews" });
  await expect(reviews.getByRole("row").filter({ hasText: reviewText })).toContainText("1 of 5");
  await expect(reviews).not.toContainText("Lovely, thank you");
});

test("[SELLER] gets nothing from the moderators' seller pages, not even their own", async ({ page }) => {
  const seller = await createUser("seller");
  await signIn(page, seller.email);
  for (const route of [`/moderator/sellers/${seller.sellerId}`, "/moderator/sellers"]) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Sellers|Shop/);
  }
});

test("[MODERATOR] an unknown seller id is a 404", async ({ page }) => {
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  for (const route of ["/moderator/sellers/999999999999", "/moderator/sellers/not-a-number"]) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(404);
  }
});
