import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import { createFlaggedSeller, openCaseAsModerator } from "./cases";
import { createApiKey, createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/**
 * Every seller route and action against another seller's ids, in one table. Seller A is signed in;
 * seller B has a case with reviews in scope, a letter draft, a submitted letter and an unread
 * notification. Each of B's objects is *not found* for A — the same answer as an id that does not
 * exist — and nothing of B's changes. Each action is also posted with A's own ids, so a row that
 * refused everything (a wrong argument, a broken action) would fail here rather than pass.
 */

type Shop = {
  sellerId: number;
  externalId: string;
  name: string;
  caseId: number;
  reviewIds: number[];
  notificationId: number;
};

const LETTER_ITEM = {
  rootCause: "slow_or_no_contact",
  problem: "Parcels waited three days for the courier before they left us.",
  solution: "We now hand parcels to the courier every morning and send the tracking number the same day.",
};
const REPLY = "Thank you for telling us; we have changed couriers and now call every buyer the same day.";
const APPEAL_REASON = "The negative reviews came from a courier strike that week; every order arrived afterwards.";

/** A flagged seller, its case opened by a moderator, and the seller's own account signed in on `request`. */
async function shopWithCase(name: string, baseURL: string): Promise<Shop & { request: APIRequestContext }> {
  const flagged = await createFlaggedSeller(name, 3);
  const moderatorContext = await playwrightRequest.newContext({ baseURL });
  const caseId = await openCaseAsModerator(moderatorContext, flagged.flagId);
  await moderatorContext.dispose();
  const account = await createUser("seller", { sellerId: flagged.id });
  const request = await playwrightRequest.newContext({ baseURL });
  await signIn(request, account.email);
  const reviews = await sql<{ review_id: string }[]>`
    select review_id from case_reviews where case_id = ${caseId} order by review_id`;
  const [notification] = await sql<{ id: string }[]>`
    select id from notifications where seller_id = ${flagged.id} order by id desc limit 1`;
  return {
    sellerId: flagged.id,
    externalId: flagged.externalId,
    name: flagged.name,
    caseId,
    reviewIds: reviews.map((row) => Number(row.review_id)),
    notificationId: Number(notification!.id),
    request,
  };
}

/** Everything of a seller's a seller action could touch, as one comparable value. */
async function fingerprint(sellerId: number) {
  return sql`
    select
      (select json_agg(c order by c.id) from cases c where c.seller_id = ${sellerId}) as cases,
      (select json_agg(r order by r.review_id) from case_reviews r
         join cases c on c.id = r.case_id where c.seller_id = ${sellerId}) as case_reviews,
      (select json_agg(l order by l.id) from letters l join cases c on c.id = l.case_id where c.seller_id = ${sellerId}) as letters,
      (select json_agg(i order by i.id) from letter_items i join letters l on l.id = i.letter_id
         join cases c on c.id = l.case_id where c.seller_id = ${sellerId}) as letter_items,
      (select json_agg(p order by p.id) from review_replies p join reviews r on r.id = p.review_id
         where r.seller_id = ${sellerId}) as replies,
      (select json_agg(n order by n.id) from notifications n where n.seller_id = ${sellerId}) as notifications,
      (select count(*) from outbox_events o where o.seller_id = ${sellerId}) as outbox,
      (select json_agg(a order by a.id) from appeals a where a.seller_id = ${sellerId}) as appeals,
      (select count(*) from audit_log a where a.after ->> 'caseId' in
         (select id::text from cases where seller_id = ${sellerId})) as audit`;
}

type Ids = { own: Shop; other: Shop };
type ActionRow = {
  action: string;
  module: string;
  /** The arguments that reach another seller's object (with the signed-in seller's own where that makes a mix). */
  attacks: (ids: Ids) => { label: string; input: Record<string, unknown> }[];
  /** The same action on the signed-in seller's own objects: it must succeed. */
  control: (own: Shop) => Record<string, unknown>;
};

const ACTIONS: readonly ActionRow[] = [
  {
    action: "nameRootCauseAction",
    module: "seller/cases/[caseId]/reviews",
    attacks: ({ own, other }) => [
      { label: "B's case and review", input: { caseId: other.caseId, reviewId: other.reviewIds[0], rootCause: "price_changed" } },
      { label: "own case, B's review", input: { caseId: own.caseId, reviewId: other.reviewIds[0], rootCause: "price_changed" } },
    ],
    control: (own) => ({ caseId: own.caseId, reviewId: own.reviewIds[0], rootCause: "slow_or_no_contact" }),
  },
  {
    action: "recordReviewOutcomeAction",
    module: "seller/cases/[caseId]/reviews",
    attacks: ({ own, other }) => [
      {
        label: "B's case and review, a public reply",
        input: { caseId: other.caseId, reviewId: other.reviewIds[1], outcome: "answered_publicly", text: REPLY },
      },
      {
        label: "own case, B's review, resolved with the buyer",
        input: {
          caseId: own.caseId,
          reviewId: other.reviewIds[1],
          outcome: "resolved_with_buyer",
          text: "We refunded the order and the buyer will edit the review.",
        },
      },
    ],
    // The review whose cause the row above named: an outcome needs its cause first.
    control: (own) => ({ caseId: own.caseId, reviewId: own.reviewIds[0], outcome: "answered_publicly", text: REPLY }),
  },
  {
    action: "saveLetterDraftAction",
    module: "seller/cases/[caseId]/letter",
    attacks: ({ other }) => [
      { label: "B's case (B has a draft)", input: { caseId: other.caseId, savedAt: null, items: [LETTER_ITEM] } },
    ],
    control: (own) => ({ caseId: own.caseId, savedAt: null, items: [LETTER_ITEM] }),
  },
  {
    action: "submitLetterAction",
    module: "seller/cases/[caseId]/letter",
    attacks: ({ other }) => [
      { label: "B's case", input: { caseId: other.caseId, submitKey: randomUUID(), items: [LETTER_ITEM] } },
    ],
    control: (own) => ({ caseId: own.caseId, submitKey: randomUUID(), items: [LETTER_ITEM] }),
  },
  {
    action: "submitAppealAction",
    module: "seller/cases/[caseId]/appeal",
    attacks: ({ other }) => [
      { label: "B's case, its exclusion", input: { caseId: other.caseId, decisionId: null, reason: APPEAL_REASON } },
    ],
    control: (own) => ({ caseId: own.caseId, decisionId: null, reason: APPEAL_REASON }),
  },
  {
    action: "markNotificationReadAction",
    module: "seller/inbox",
    attacks: ({ other }) => [{ label: "B's notification", input: { notificationId: other.notificationId } }],
    control: (own) => ({ notificationId: own.notificationId }),
  },
];

// One pair of shops for the whole table; the controls build on each other (a draft, then its submission).
test.describe.configure({ mode: "serial" });

let own: Shop & { request: APIRequestContext };
let other: Shop & { request: APIRequestContext };

test.beforeAll(async ({ baseURL }) => {
  [own, other] = await Promise.all([shopWithCase("E2E Own Shop A", baseURL!), shopWithCase("E2E Other Shop B", baseURL!)]);
  // B's own work, through B's own session: a cause named and a letter draft saved.
  for (const [action, module, input] of [
    [
      "nameRootCauseAction",
      "seller/cases/[caseId]/reviews",
      { caseId: other.caseId, reviewId: other.reviewIds[2], rootCause: "not_in_stock" },
    ],
    ["saveLetterDraftAction", "seller/cases/[caseId]/letter", { caseId: other.caseId, savedAt: null, items: [LETTER_ITEM] }],
  ] as const) {
    const answer = await postServerAction(other.request, `/seller/cases/${other.caseId}`, serverActionId(action, module), [
      input,
    ]);
    expect(await answer.text(), action).toContain('"status":"ok"');
  }
  expect(await sql`select status from letters where case_id = ${other.caseId}`).toEqual([{ status: "draft" }]);
});

test.afterAll(async () => {
  await Promise.all([own?.request.dispose(), other?.request.dispose()]);
});

for (const suffix of ["", "/reviews", "/letter", "/statements/exclusion", "/appeal"]) {
  test(`[SELLER] page /seller/cases/{another seller's case}${suffix} is not found`, async ({ page }) => {
    await page.context().addCookies(await cookiesOf(own.request));
    const response = await page.goto(`/seller/cases/${other.caseId}${suffix}`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("body")).not.toContainText(other.name);
    // The same page on the seller's own case opens: the 404 is about whose case it is.
    const ownPage = await page.goto(`/seller/cases/${own.caseId}${suffix}`);
    expect(ownPage?.status()).toBe(200);
  });
}

test("[SELLER] the standing page and the inbox show only the signed-in seller, whatever the query says", async ({ page }) => {
  await page.context().addCookies(await cookiesOf(own.request));
  for (const path of [
    `/seller?sellerId=${other.sellerId}`,
    `/seller/cases?sellerId=${other.sellerId}`,
    `/seller/inbox?sellerId=${other.sellerId}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("main"), path).not.toContainText(other.name);
    await expect(page.locator("main"), path).not.toContainText(other.externalId);
  }
  await page.goto("/seller");
  await expect(page.locator("main")).toContainText(own.name);
});

for (const row of ACTIONS) {
  test(`[SELLER] ${row.action} with another seller's ids is not found and writes nothing; with one's own it works`, async () => {
    const id = serverActionId(row.action, row.module);
    for (const attack of row.attacks({ own, other })) {
      const before = await fingerprint(other.sellerId);
      const answer = await postServerAction(own.request, `/seller/cases/${own.caseId}`, id, [attack.input]);
      const body = await answer.text();
      expect(body, attack.label).toContain("NOT_FOUND");
      expect(body, attack.label).not.toContain('"status":"ok"');
      expect(await fingerprint(other.sellerId), attack.label).toEqual(before);
    }
    const control = await postServerAction(own.request, `/seller/cases/${own.caseId}`, id, [row.control(own)]);
    expect(await control.text(), `${row.action} on one's own objects`).toContain('"status":"ok"');
  });
}

test("[SELLER] the marketplace API refuses a seller's session: no quality, no visibility, no events", async () => {
  const apiKey = await createApiKey();
  for (const [method, path] of [
    ["get", `/api/v1/sellers/${other.externalId}/quality`],
    ["get", `/api/v1/sellers/${own.externalId}/quality`],
    ["get", `/api/v1/catalog/visibility?sellerIds=${other.externalId}`],
    ["post", "/api/v1/evaluations"],
  ] as const) {
    const response = await own.request[method](path, method === "post" ? { data: {} } : undefined);
    expect(response.status(), `${method} ${path}`).toBe(401);
  }
  const response = await own.request.post("/api/v1/events", { data: { events: [] } });
  expect(response.status()).toBe(401);
  // The same question with the marketplace's key is answered, so the 401s above are not a broken route.
  const keyed = await own.request.get(`/api/v1/catalog/visibility?sellerIds=${other.externalId}`, {
    headers: { Authorization: `Bearer ${apiKey}` },
  });
  expect(keyed.status()).toBe(200);
});

async function cookiesOf(request: APIRequestContext) {
  return (await request.storageState()).cookies;
}
