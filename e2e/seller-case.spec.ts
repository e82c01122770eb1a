import { expect, test } from "@playwright/test";
import { createFlaggedSeller, openCaseAsModerator } from "./cases";
import { LOCALE_COOKIE, LOCALES } from "../lib/i18n/locales";
import { createUser, signIn, sql } from "./fixtures";

/**
 * The seller's exclusion page as a seller meets it: the countdown, why, their steps with where to do
 * them, and the five items the moderator will check; another seller's case is a plain 404 on every
 * page of a case; nothing scrolls sideways on a phone.
 */

async function sellerWithOpenCase(request: Parameters<typeof openCaseAsModerator>[0]) {
  const flagged = await createFlaggedSeller("E2E Excluded Shop", 3);
  const caseId = await openCaseAsModerator(request, flagged.flagId, "Your delivery times doubled; tell us what changed.");
  const seller = await createUser("seller", { sellerId: flagged.id });
  return { caseId, seller };
}

test("[SELLER] sees their exclusion: the countdown, the reasons, their steps and the five re-check items", async ({
  page,
  request,
}) => {
  const { caseId, seller } = await sellerWithOpenCase(request);
  await signIn(page, seller.email);
  // The inbox does not link to the case yet (its link lands with the inbox's part of the issue): go straight there.
  await page.goto(`/seller/cases/${caseId}`);

  await expect(page.getByRole("heading", { level: 1, name: "Your exclusion" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^14 days to the re-check on / })).toBeVisible();
  await expect(page.getByText(/Your products are hidden from the catalog since/)).toBeVisible();

  const why = page.getByRole("region", { name: "Why your products are hidden" });
  await expect(why).toContainText("30%");
  await expect(why).toContainText("Your delivery times doubled; tell us what changed.");

  const steps = page.getByRole("region", { name: "What to do now" });
  await expect(steps.getByRole("listitem")).toHaveCount(5);
  await expect(steps.getByRole("listitem").first()).toContainText("Open every negative review");
  await expect(steps.getByRole("listitem").first()).toContainText("0 of 3");
  await expect(steps.getByRole("listitem").last()).toContainText("No letter sent yet.");
  await expect(steps.getByRole("link", { name: "Work on your negative reviews" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/reviews`,
  );
  await expect(steps.getByRole("link", { name: "Write the improvement letter" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/letter`,
  );

  const recheck = page.getByRole("region", { name: "What the moderator checks on the re-check date" });
  await expect(recheck.getByRole("listitem")).toHaveCount(5);
  await expect(recheck.getByRole("listitem").first()).toContainText(
    "Still missing: 3 negative reviews are neither resolved nor answered",
  );
  await expect(recheck.getByText("Still missing: no letter sent yet")).toBeVisible();
  await expect(page.getByRole("region", { name: "Decisions on your case" })).toContainText("No decision since the exclusion yet");

  const caseNav = page.getByRole("navigation", { name: `Exclusion case #${caseId}` });
  await expect(caseNav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(caseNav.getByRole("link", { name: "Negative reviews" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/reviews`,
  );
  await expect(caseNav.getByRole("link", { name: "Improvement letter" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/letter`,
  );

  await page.getByRole("link", { name: "All your exclusion cases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your exclusion cases" })).toBeVisible();
  await expect(page.getByRole("link", { name: `Exclusion case #${caseId}` })).toBeVisible();
});

test("[SELLER] a closed case reads as its outcome: the decisions without who made them, nothing left to do", async ({
  page,
  request,
}) => {
  const { caseId, seller } = await sellerWithOpenCase(request);
  const [opened] = await sql<{ opened_by: string; seller_id: string; email: string }[]>`
    select c.opened_by, c.seller_id, u.email from cases c join users u on u.id = c.opened_by where c.id = ${caseId}`;
  await sql`insert into case_decisions (case_id, seller_id, kind, decided_by, decided_at, case_version, extend_reasons, new_recheck_at, message_to_seller)
    values (${caseId}, ${opened!.seller_id}, 'extend', ${opened!.opened_by}, now() - interval '2 days', 1,
            ${["negative_reviews_unresolved"]}, now() - interval '1 day', 'Please answer the two reviews about late parcels.')`;
  await sql`update cases set status = 'REINSTATED', reinstated_at = now(), version = 3 where id = ${caseId}`;
  await signIn(page, seller.email);
  await page.goto(`/seller/cases/${caseId}`);

  await expect(page.getByRole("heading", { level: 1, name: `Exclusion case #${caseId}` })).toBeVisible();
  await expect(page.getByText(/Your products are back in the catalog since .*This case is closed/)).toBeVisible();
  await expect(page.getByRole("region", { name: "What to do now" })).toHaveCount(0);
  const decisions = page.getByRole("region", { name: "Decisions on your case" });
  await expect(decisions).toContainText("A moderator extended the exclusion");
  await expect(decisions).toContainText("Negative reviews are still unresolved.");
  await expect(decisions).toContainText("Please answer the two reviews about late parcels.");
  await expect(page.getByText(opened!.email)).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "What the moderator checks on the re-check date" }).getByRole("listitem"),
  ).toHaveCount(5);
});

// The inbox's link to the case is another part of the issue; this turns on when it lands.
test("[SELLER] the case_opened notification in the inbox links to the exclusion page", async ({ page, request }) => {
  const { caseId, seller } = await sellerWithOpenCase(request);
  await signIn(page, seller.email);
  await page.goto("/seller/inbox");
  await page.getByRole("link", { name: "Open your case" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/seller/cases/${caseId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your exclusion");
});

test("[SELLER] another seller's case, an unknown id and a non-numeric id are a 404 on every page of a case", async ({
  page,
  request,
}) => {
  const { caseId } = await sellerWithOpenCase(request);
  const stranger = await createUser("seller");
  await signIn(page, stranger.email);
  for (const id of [String(caseId), "987654321", "abc"])
    for (const path of [`/seller/cases/${id}`, `/seller/cases/${id}/reviews`, `/seller/cases/${id}/letter`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("E2E Excluded Shop")).toHaveCount(0);
    }
});

test("[SELLER] the exclusion page fits a 375 px wide phone, in every language", async ({ page, request, baseURL }) => {
  const { caseId, seller } = await sellerWithOpenCase(request);
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, seller.email);
  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    for (const path of [`/seller/cases/${caseId}`, "/seller/cases"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} in ${locale}`).toBeLessThanOrEqual(375);
    }
  }
});
