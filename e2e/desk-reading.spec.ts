import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEFAULT_POLICY } from "../lib/quality/policy";
import { createFlaggedSeller } from "./cases";
import { createSeller, createUser, signIn, sql } from "./fixtures";

/**
 * What the moderator desk shows a person, read in Chromium: flag reasons in words and numbers
 * (WORSENED against the seller's own baseline, never "233%"), codes in words, the case page in
 * the order of the work, choices beside their labels, the catalog-delivery table at 1280 px and the
 * marketplace's seller id in the address. (The metrics table's arrows read the portal's latest
 * evaluation, which specs running beside this one depend on: lib/quality/metric-direction.test.ts.)
 */

const DAY = 86_400_000;
const tag = () => randomBytes(3).toString("hex");

/** A flag with a WORSENED reason as decideFlags stores it: recent 7 of 12 against a baseline of 1 of 20, z = 3.3731. */
async function createWorsenedFlag(name: string) {
  const seller = await createSeller(name);
  await sql`insert into scoring_policies (version, params, note, activated_at) values (1, ${sql.json(DEFAULT_POLICY)}, 'e2e', now()) on conflict do nothing`;
  const [evaluation] = await sql<{ id: string }[]>`
    insert into evaluations (as_of, policy_version, status, started_at, completed_at, sellers_evaluated, flagged_count, time_zone, requested_by)
    values (${new Date(Date.UTC(2018, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000)}, 1, 'completed', now(), now(), 1, 1, 'Europe/Kyiv', 'e2e')
    returning id`;
  const [flag] = await sql<{ id: string }[]>`
    insert into flags (evaluation_id, seller_id) values (${evaluation!.id}, ${seller.id}) returning id`;
  const details = {
    z: 3.3731,
    recent: { successes: 7, trials: 12, rate: 7 / 12 },
    baseline: { successes: 1, trials: 20, rate: 0.05 },
  };
  await sql`insert into flag_reasons (flag_id, seller_id, code, metric, "window", value, interval_low, interval_high, portal_value, rule, threshold, details)
    values (${flag!.id}, ${seller.id}, 'WORSENED', 'negativeReviewRate', 'recent', ${7 / 12}, 0.3196, 0.8065, 0.2, 'z-test', 2.33, ${sql.json(details)})`;
  return { ...seller, flagId: Number(flag!.id) };
}

const WORSENED_WORDS =
  "Negative-review rate over the last 90 days: 58.3% (7 of 12 reviews were negative; 95% interval 32%–80.7%), " +
  "against the seller's own baseline of 5% (1 of 20 reviews were negative, 365 to 91 days ago). " +
  "z = 3.37 against the threshold of 2.33. The portal's rate over the last 90 days: 20%.";

async function expectWorsenedWords(where: Locator) {
  await expect(where).toContainText(WORSENED_WORDS);
  await expect(where).not.toContainText("233%");
}

test("[MODERATOR] a WORSENED reason reads the same everywhere: recent rate and interval, own baseline, z against 2.33, portal; the seller reads it too", async ({
  page,
  browser,
}) => {
  const name = `E2E Worse Shop ${tag()}`;
  const seller = await createWorsenedFlag(name);
  const moderator = await createUser("moderator");
  const sellerUser = await createUser("seller", { sellerId: seller.id });
  await signIn(page, moderator.email);

  await page.goto(`/moderator/flags?q=${seller.externalId}`);
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expectWorsenedWords(row);

  await page.goto(`/moderator/sellers/${seller.id}`);
  await expectWorsenedWords(page.getByRole("region", { name: "Open flag" }));

  await page.goto(`/moderator/flags/${seller.flagId}`);
  await expectWorsenedWords(page.getByRole("main"));
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Case #\\d+: ${name}$`));
  await expectWorsenedWords(page.getByRole("region", { name: "Evidence at the exclusion" }));

  const sellerPage = await (await browser.newContext()).newPage();
  await signIn(sellerPage, sellerUser.email);
  await sellerPage.goto("/seller/inbox");
  const notice = sellerPage.getByRole("article", { name: /Your products are hidden from the catalog/ });
  await expect(notice).toContainText("against your own baseline of 5%");
  await expect(notice).toContainText("z = 3.37 against the threshold of 2.33");
  await expect(notice).not.toContainText("233%");
});

test("[MODERATOR] a LOW_YEAR reason names the low end of the interval against the threshold", async ({ page }) => {
  const name = `E2E Low Shop ${tag()}`;
  const seller = await createFlaggedSeller(name);
  await signIn(page, (await createUser("moderator")).email);
  await page.goto(`/moderator/flags?q=${seller.externalId}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText(
    "Negative-review rate over the last 365 days: 30%. Even the low end of its interval, 18%, is above the threshold of 10% (portal: 5%).",
  );
});

test("[MODERATOR] the seller page answers to the marketplace's seller id as well as ours", async ({ page }) => {
  const seller = await createSeller(`E2E Pasted Shop ${tag()}`);
  await signIn(page, (await createUser("moderator")).email);
  for (const ref of [seller.externalId, String(seller.id)]) {
    const response = await page.goto(`/moderator/sellers/${ref}`);
    expect(response?.status(), ref).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: seller.name })).toBeVisible();
  }
});

test("[MODERATOR] a trend of one evaluation reads in the singular; complaint reasons in words", async ({ page }) => {
  const seller = await createSeller(`E2E Rated Shop ${tag()}`);
  await sql`insert into scoring_policies (version, params, note, activated_at) values (1, ${sql.json(DEFAULT_POLICY)}, 'e2e', now()) on conflict do nothing`;
  const asOf = new Date(Date.UTC(2017, 0, 2) + Math.floor(Math.random() * 500_000) * 60_000);
  const [evaluation] = await sql<{ id: string }[]>`
    insert into evaluations (as_of, policy_version, status, started_at, completed_at, sellers_evaluated, flagged_count, time_zone, requested_by)
    values (${asOf}, 1, 'completed', ${asOf}, ${asOf}, 1, 0, 'Europe/Kyiv', 'e2e') returning id`;
  await sql`insert into evaluation_sellers (evaluation_id, seller_id, eligible, flagged) values (${evaluation!.id}, ${seller.id}, true, false)`;
  for (const window of ["year", "recent", "month", "baseline", "messages"]) {
    await sql`
      insert into seller_metrics (evaluation_id, seller_id, "window", orders, unique_reviews, negative_reviews, negative_review_rate,
        average_rating, complaints, complaint_rate, seller_cancellations, threads, threads_on_time, refunds, open_negative_reviews)
      values (${evaluation!.id}, ${seller.id}, ${window}, 40, 20, 6, 0.3, 3.06, 2, 0.05, 0, 0, 0, 0, 0)`;
    await sql`
      insert into portal_metrics (evaluation_id, "window", eligible_sellers, "values")
      values (${evaluation!.id}, ${window}, 30, ${sql.json({ orders: 40, uniqueReviews: 20, negativeReviewRate: 0.1, averageRating: 4.28, complaintRate: 0.05 })})`;
  }
  await sql`insert into complaints (seller_id, external_id, buyer_id, reason, text, filed_at)
    values (${seller.id}, ${`C-${tag()}`}, 'E2E-buyer', 'item_not_as_described', 'Not what the photo showed', now() - interval '3 days')`;
  await signIn(page, (await createUser("moderator")).email);
  await page.goto(`/moderator/sellers/${seller.id}`);

  await expect(page.getByText("The seller's value beside the portal's in the latest evaluation.")).toBeVisible();
  await expect(page.getByText(/in each of the last evaluation/)).toHaveCount(0);

  const complaints = page.getByRole("region", { name: "Complaints" });
  await expect(complaints).toContainText("Item not as described");
  await expect(complaints).not.toContainText("item_not_as_described");
});

/**
 * A case arranged in SQL: excluded 15 days ago, its re-check a day ago (so it is due), with a
 * letter from the seller that has no answer yet, and the seller's sign-in during the case.
 */
async function createDueCase(name: string) {
  const seller = await createFlaggedSeller(name);
  const moderator = await createUser("moderator");
  const sellerUser = await createUser("seller", { sellerId: seller.id });
  const now = Date.now();
  const [theCase] = await sql<{ id: string }[]>`
    insert into cases (seller_id, flag_id, status, opened_by, excluded_at, recheck_at, evidence, open_reason)
    values (${seller.id}, ${seller.flagId}, 'EXCLUDED', ${moderator.id}, ${new Date(now - 15 * DAY)}, ${new Date(now - DAY)},
            ${sql.json({ evaluationId: null, asOf: new Date(Date.UTC(2019, 0, 7)).toISOString(), policyVersion: 1, reasons: [], metrics: null, portal: null, openReason: null })},
            'Two negative reviews unanswered')
    returning id`;
  const caseId = Number(theCase!.id);
  await sql`update flags set status = 'case_opened' where id = ${seller.flagId}`;
  await sql`insert into audit_log (occurred_at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id, seller_id, reason)
    values (${new Date(now - 15 * DAY)}, ${moderator.id}, 'moderator', ${moderator.email}, 'case.opened', 'case', ${String(caseId)}, ${seller.id}, 'Two negative reviews unanswered'),
           (${new Date(now - 10 * DAY)}, ${sellerUser.id}, 'seller', ${sellerUser.email}, 'auth.sign_in', 'user', ${sellerUser.id}, ${seller.id}, null),
           (${new Date(now - 2 * DAY)}, null, 'system', 'cli:evaluate (root)', 'case.due_for_recheck', 'case', ${String(caseId)}, ${seller.id}, null)`;
  const [letter] = await sql<{ id: string }[]>`
    insert into letters (case_id, seller_id, version, status) values (${caseId}, ${seller.id}, 1, 'draft') returning id`;
  await sql`insert into letter_items (letter_id, seller_id, position, root_cause, problem, solution)
    values (${letter!.id}, ${seller.id}, 1, 'slow_or_no_contact', 'Parcels left late', 'A second courier pick-up each day')`;
  await sql`update letters set status = 'submitted', submitted_at = ${new Date(now - 3 * DAY)}, submitted_by = ${sellerUser.id}
    where id = ${letter!.id}`;
  return { seller, moderator, sellerUser, caseId };
}

test("[MODERATOR] the case page follows the work, labels its dates, and tells the case's story in words", async ({ page }) => {
  const { moderator, sellerUser, caseId } = await createDueCase(`E2E Story Shop ${tag()}`);
  await signIn(page, moderator.email);
  await page.goto(`/moderator/cases/${caseId}`);

  const headings = await page.locator("main h2:not(.visually-hidden)").allTextContents();
  expect(headings.slice(0, 7)).toEqual([
    "Re-check checklist",
    "Improvement letters",
    "Decision",
    "Statements of reasons",
    "Evidence at the exclusion",
    "Negative reviews in scope (0)",
    "Suspected fake reviews",
  ]);
  await expect(page.getByRole("region", { name: "Re-check checklist" })).toContainText("Computed from the data as of");
  await expect(page.getByRole("region", { name: "Evidence at the exclusion" })).toContainText(
    /From the evaluation as of Jan 7, 2019, frozen when the case was opened on /,
  );

  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Improvement letter received (version 1)");
  await expect(timeline).toContainText(`Improvement letter received (version 1) · ${sellerUser.email}`);
  await expect(timeline).toContainText("Re-check date reached · Command line: npm run evaluate (by root)");
  await expect(timeline).toContainText("Case opened: products hidden");
  for (const code of ["case.opened", "case.due_for_recheck", "auth.sign_in", "Signed in", "cli:evaluate"])
    await expect(timeline, code).not.toContainText(code);
});

/** How far the words of a box's label start from the box itself, in pixels. */
async function gapToLabel(page: Page, input: Locator): Promise<{ boxWidth: number; gap: number }> {
  return input.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const label = element.closest("label")!;
    const text = [...label.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim())!;
    const range = document.createRange();
    range.selectNodeContents(text);
    const words = [...range.getClientRects()].find((rect) => rect.width > 0)!;
    return { boxWidth: box.width, gap: words.left - box.right };
  });
}

test("[MODERATOR] each check box and radio sits right beside its words", async ({ page }) => {
  const { moderator, caseId } = await createDueCase(`E2E Boxes Shop ${tag()}`);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, moderator.email);
  await page.goto(`/moderator/cases/${caseId}`);
  for (const choice of [
    page.getByRole("checkbox", { name: "Negative reviews are still unresolved." }),
    page.getByRole("radio", { name: "Accept the letter" }),
    page.getByRole("radio", { name: "Ask for changes" }),
  ]) {
    const { boxWidth, gap } = await gapToLabel(page, choice);
    expect(boxWidth).toBeLessThan(24);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(16);
  }
});

test("[MODERATOR] a closed case shows the checklist its reinstatement was decided on", async ({ page }) => {
  const { moderator, seller, caseId } = await createDueCase(`E2E Closed Shop ${tag()}`);
  const decidedAt = new Date(Date.now() - DAY / 2);
  const items = [
    { key: "negative_reviews_resolved", isPassed: false, evidence: { inScope: 2, resolved: 0, unresolvedReviewIds: [1, 2] } },
    {
      key: "new_positive_reviews",
      isPassed: true,
      evidence: { newPositiveReviews: 3, averageRatingSince: 4.5, averageRatingAtExclusion: 3.2 },
    },
    { key: "no_suspected_fake_reviews", isPassed: true, evidence: { suspectedReviewIds: [] } },
    { key: "letter_received", isPassed: true, evidence: { letters: [1], acceptedVersion: 1 } },
    { key: "no_new_negative_feedback", isPassed: true, evidence: { newNegativeReviewIds: [], newComplaintIds: [] } },
  ];
  const [snapshot] = await sql<{ id: string }[]>`
    insert into checklist_snapshots (case_id, seller_id, computed_at, items, all_passed)
    values (${caseId}, ${seller.id}, ${decidedAt}, ${sql.json(items)}, false) returning id`;
  await sql`insert into case_decisions (case_id, seller_id, kind, decided_by, decided_at, case_version, checklist_snapshot_id, overrides)
    values (${caseId}, ${seller.id}, 'reinstate', ${moderator.id}, ${decidedAt}, 1, ${snapshot!.id},
            ${sql.json([{ item: "negative_reviews_resolved", reason: "Both buyers were refunded by phone" }])})`;
  await sql`update cases set status = 'REINSTATED', reinstated_at = ${decidedAt}, version = 2 where id = ${caseId}`;
  // Since the decision both reviews were resolved: a checklist computed now would pass the item.
  await sql`update case_reviews set resolution = 'resolved_with_buyer', resolved_at = now() where case_id = ${caseId}`;

  await signIn(page, moderator.email);
  await page.goto(`/moderator/cases/${caseId}`);
  const checklist = page.getByRole("region", { name: "Re-check checklist" });
  await expect(checklist).toContainText(
    `The checklist the reinstatement was decided on, as it stood when ${moderator.email} decided on`,
  );
  await expect(checklist.getByRole("listitem").filter({ hasText: "Every negative review in scope is resolved" })).toContainText(
    "Failed",
  );
});

test("[ADMIN] the audit trail names actions and actors in words, with the raw codes beside them", async ({ page }) => {
  const { caseId } = await createDueCase(`E2E Audit Shop ${tag()}`);
  await signIn(page, (await createUser("admin")).email);
  await page.goto(`/admin/audit?action=case.due_for_recheck&caseId=${caseId}`);
  const row = page.getByRole("table").getByRole("row").nth(1);
  await expect(row).toContainText("Re-check date reached");
  await expect(row).toContainText("case.due_for_recheck");
  await expect(row).toContainText("Command line: npm run evaluate (by root)");
  await expect(row).toContainText("cli:evaluate (root)");
  await expect(row).toContainText("Case");
});

test("[ADMIN] the catalog-delivery table keeps Retry now on screen at 1280 px", async ({ page }) => {
  const seller = await createSeller();
  const [event] = await sql<{ id: string }[]>`
    insert into outbox_events (seller_id, type, payload, created_at, next_attempt_at, attempts, last_error)
    values (${seller.id}, 'seller.excluded', ${sql.json({ sellerId: seller.externalId, caseId: 1, excludedSince: new Date().toISOString(), recheckOn: new Date().toISOString() })},
            now(), now() + interval '3 hours', 3, ${`HTTP 502 from https://catalog.example.com/hooks/catalog-guard/v1/events?attempt=3: upstream connect error or disconnect/reset before headers ${"x".repeat(60)}`})
    returning id`;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, (await createUser("admin")).email);
  await page.goto("/admin/outbox?status=failing");
  const row = page.getByRole("row").filter({ hasText: seller.externalId });
  const retry = row.getByRole("button", { name: `Retry now: #${event!.id}` });
  await expect(retry).toBeVisible();
  const box = (await retry.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1280);
  const wrap = page.locator(".table-wrap").first();
  expect(await wrap.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  await expect(row).toContainText("Seller hidden from the catalog");
});
