import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { LOCALE_COOKIE, LOCALES } from "../lib/i18n/locales";
import { createFlaggedSeller, openCaseAsModerator } from "./cases";
import { createApiKey, createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/**
 * An appeal end to end, in Chromium against the production build: a seller contests an extension,
 * the moderator who extended is refused the decision (the page and a direct POST), a second
 * moderator overturns it, the catalog shows the seller again at once, and the seller reads the
 * outcome and its reasons. The case is arranged as days old in the database, so the server's clock
 * stays where it is.
 */

const DAY = 86_400_000;
const APPEAL_REASON =
  "The three negative reviews came from one courier strike in March; every order arrived and the buyers confirmed it.";
const DECISION_REASON =
  "The letter was sent on time through the post; the extension rested on a missing letter that was not missing.";

async function visibility(request: APIRequestContext, apiKey: string, sellerId: string) {
  const response = await request.get(`/api/v1/catalog/visibility?sellerIds=${encodeURIComponent(sellerId)}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { sellers: { sellerId: string; visible: boolean }[] };
  return body.sellers[0]!;
}

test("[SELLER][MODERATOR] a seller appeals an extension, a second moderator overturns it: visible at once, the outcome read", async ({
  page,
  browser,
  baseURL,
}) => {
  const flagged = await createFlaggedSeller("E2E Appeal Shop");
  const apiKey = await createApiKey();
  const opener = await playwrightRequest.newContext({ baseURL });
  const caseId = await openCaseAsModerator(opener, flagged.flagId);
  await opener.dispose();
  // The exclusion began 15 days ago: the re-check is due, so a moderator can extend it.
  await sql`update cases set excluded_at = now() - interval '15 days', recheck_at = now() - interval '1 day' where id = ${caseId}`;

  const extender = await createUser("moderator");
  const extenderRequest = await playwrightRequest.newContext({ baseURL });
  await signIn(extenderRequest, extender.email);
  const extended = await postServerAction(
    extenderRequest,
    `/moderator/cases/${caseId}`,
    serverActionId("extendCaseAction", "moderator/cases"),
    [
      {
        caseId,
        expectedVersion: 1,
        reasons: ["letter_missing_or_not_constructive"],
        recheckOn: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10),
        message: "Your letter has not arrived yet; please send it.",
      },
    ],
  );
  expect(await extended.text()).toContain('"status":"ok"');
  expect(await visibility(page.request, apiKey, flagged.externalId)).toMatchObject({ visible: false });

  // The seller contests the extension from their case page.
  const seller = await createUser("seller", { sellerId: flagged.id });
  await signIn(page, seller.email);
  await page.goto(`/seller/cases/${caseId}`);
  const contest = page.getByRole("region", { name: "Contest a decision" });
  await expect(contest.getByRole("link", { name: "Contest the exclusion" })).toBeVisible();
  await contest.getByRole("link", { name: /^Contest the extension of / }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Contest a decision" })).toBeVisible();
  const form = page.getByRole("form", { name: /^Contest the extension of / });
  await form.getByRole("textbox", { name: "Why is this decision wrong?" }).fill("Unfair.");
  await form.getByRole("button", { name: "Send my appeal" }).click();
  await expect(form.getByText(/Write at least 50 characters/)).toBeVisible();
  await form.getByRole("textbox", { name: "Why is this decision wrong?" }).fill(APPEAL_REASON);
  await form.getByRole("textbox", { name: "Evidence (optional)" }).fill("Post office receipt no. 4471, 12 March.");
  await form.getByRole("button", { name: "Send my appeal" }).click();
  await expect(page.getByText("Waiting for a moderator")).toBeVisible();
  await expect(page.getByRole("form", { name: /^Contest the extension of / })).toHaveCount(0);
  const [appeal] = await sql<{ id: string; subject: string }[]>`select id, subject from appeals where case_id = ${caseId}`;
  expect(appeal!.subject).toBe("extension");
  const appealPath = `/moderator/appeals/${appeal!.id}`;

  // The moderator who extended: the page offers no decision, and a direct POST is refused.
  const extenderContext = await browser.newContext();
  const extenderPage = await extenderContext.newPage();
  await signIn(extenderPage, extender.email);
  await extenderPage.goto(appealPath);
  await expect(extenderPage.getByText("You made the decision this appeal contests")).toBeVisible();
  await expect(extenderPage.getByRole("button", { name: "Record the decision" })).toHaveCount(0);
  const refused = await postServerAction(extenderRequest, appealPath, serverActionId("decideAppealAction", "moderator/appeals"), [
    { appealId: Number(appeal!.id), outcome: "overturned", reason: DECISION_REASON },
  ]);
  const refusedBody = await refused.text();
  expect(refusedBody).toContain("FORBIDDEN");
  expect(refusedBody).toContain("appeal_own_decision");
  expect(await sql`select status from appeals where id = ${appeal!.id}`).toEqual([{ status: "waiting" }]);
  await extenderContext.close();
  await extenderRequest.dispose();

  // A second moderator finds it in the queue and overturns it.
  const second = await createUser("moderator");
  const moderatorContext = await browser.newContext();
  const moderatorPage = await moderatorContext.newPage();
  await signIn(moderatorPage, second.email);
  // The moderation home counts the appeals waiting and links to their queue.
  await moderatorPage.goto("/moderator");
  await expect(moderatorPage.getByText("Appeals waiting", { exact: true })).toBeVisible();
  await moderatorPage
    .getByRole("link", { name: "Each is decided by a moderator who did not make the contested decision." })
    .click();
  await expect(moderatorPage.getByRole("link", { name: /^Appeals \(\d+ waiting\)$/ })).toBeVisible();
  await expect(moderatorPage.getByRole("heading", { level: 1, name: "Appeals" })).toBeVisible();
  await moderatorPage.goto(appealPath);
  await expect(moderatorPage.getByRole("region", { name: "The contested decision" })).toContainText("Extended on");
  await expect(moderatorPage.getByRole("region", { name: "The seller's appeal" })).toContainText(APPEAL_REASON);
  await moderatorPage.getByRole("radio", { name: "Overturn" }).check();
  await moderatorPage.getByRole("textbox", { name: "Reasons for the seller" }).fill(DECISION_REASON);
  await moderatorPage.getByRole("button", { name: "Record the decision" }).click();
  await expect(moderatorPage.getByText(/^Overturned on .* by moderator-/)).toBeVisible();
  // The case page tells the same story on its timeline.
  await moderatorPage.getByRole("link", { name: `Open case ${caseId}` }).click();
  await expect(moderatorPage.getByText("Reinstated", { exact: true }).first()).toBeVisible();
  for (const label of ["Appeal sent by the seller", "Appeal decided: decision overturned"])
    await expect(moderatorPage.getByText(label).first()).toBeVisible();
  await moderatorContext.close();

  // The catalog shows the seller again at once, before the extension's re-check date.
  expect(await visibility(page.request, apiKey, flagged.externalId)).toEqual({ sellerId: flagged.externalId, visible: true });
  const events = await sql<{ type: string }[]>`select type from outbox_events where seller_id = ${flagged.id} order by id`;
  expect(events.map((event) => event.type)).toEqual(["seller.excluded", "seller.excluded", "seller.reinstated"]);

  // The seller reads the outcome and its reasons.
  await page.goto(`/seller/cases/${caseId}/appeal`);
  const section = page.getByRole("region", { name: /^The extension of / });
  await expect(section.getByText("Decided: the decision was found wrong")).toBeVisible();
  await expect(section.getByText(DECISION_REASON)).toBeVisible();
  await page.goto("/seller/inbox");
  await expect(page.getByText("Your appeal was decided: the decision was wrong")).toBeVisible();

  // The extension's statement of reasons says it was appealed, and how the appeal ended.
  const [extension] = await sql<{ id: string }[]>`select id from case_decisions where case_id = ${caseId} and kind = 'extend'`;
  await page.goto(`/seller/cases/${caseId}/statements/decision-${extension!.id}`);
  const statementContest = page.getByRole("region", { name: "How to contest it" });
  await expect(statementContest).toContainText(
    /You appealed this decision on .*\. Decided: the decision was found wrong \(Decided on /,
  );
  await expect(statementContest.getByText(DECISION_REASON)).toBeVisible();
  await expect(statementContest.getByRole("link", { name: "Appeal this decision" })).toHaveCount(0);
  await expect(statementContest.getByRole("link", { name: "Your appeal and its answer" })).toHaveAttribute(
    "href",
    `/seller/cases/${caseId}/appeal`,
  );
});

test("[SELLER] contests the exclusion on a 375 px phone; the appeal page fits in every language and a second appeal is refused", async ({
  page,
  request,
  baseURL,
}) => {
  const flagged = await createFlaggedSeller("E2E Small Screen Appeal Shop");
  const caseId = await openCaseAsModerator(request, flagged.flagId);
  const seller = await createUser("seller", { sellerId: flagged.id });
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, seller.email);

  await page.goto(`/seller/cases/${caseId}/appeal`);
  const form = page.getByRole("form", { name: "Contest the exclusion" });
  await form.getByRole("textbox", { name: "Why is this decision wrong?" }).fill(APPEAL_REASON);
  // A second tab sends the same appeal first: this form is then told, and nothing more is written.
  const [appeal] = await sql<{ id: string }[]>`
    insert into appeals (case_id, seller_id, subject, reason, submitted_by, submitted_at)
    values (${caseId}, ${flagged.id}, 'exclusion', ${APPEAL_REASON}, ${seller.id}, now()) returning id`;
  await form.getByRole("button", { name: "Send my appeal" }).click();
  await expect(form.getByText(/You already contested this decision on/)).toBeVisible();
  expect(await sql`select id from appeals where case_id = ${caseId}`).toEqual([{ id: appeal!.id }]);

  for (const locale of LOCALES) {
    await page.context().addCookies([{ name: LOCALE_COOKIE, value: locale, url: baseURL! }]);
    for (const path of [`/seller/cases/${caseId}/appeal`, `/seller/cases/${caseId}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} in ${locale}`).toBeLessThanOrEqual(375);
    }
  }
});

test("[SELLER] the appeal queue and an appeal's page are not found to a seller, and deciding by direct POST is refused", async ({
  page,
  request,
}) => {
  const flagged = await createFlaggedSeller("E2E Self-Deciding Shop");
  const caseId = await openCaseAsModerator(request, flagged.flagId);
  const seller = await createUser("seller", { sellerId: flagged.id });
  const [appeal] = await sql<{ id: string }[]>`
    insert into appeals (case_id, seller_id, subject, reason, submitted_by, submitted_at)
    values (${caseId}, ${flagged.id}, 'exclusion', ${APPEAL_REASON}, ${seller.id}, now()) returning id`;
  await signIn(page, seller.email);
  for (const path of ["/moderator/appeals", `/moderator/appeals/${appeal!.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const answer = await postServerAction(
    page.request,
    `/seller/cases/${caseId}`,
    serverActionId("decideAppealAction", "moderator/appeals"),
    [{ appealId: Number(appeal!.id), outcome: "overturned", reason: DECISION_REASON }],
  );
  expect(await answer.text()).toContain("FORBIDDEN");
  expect(await sql`select status from appeals where id = ${appeal!.id}`).toEqual([{ status: "waiting" }]);
  expect(await sql`select status from cases where id = ${caseId}`).toEqual([{ status: "EXCLUDED" }]);
});
