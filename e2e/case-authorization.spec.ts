import { expect, test } from "@playwright/test";
import { createFlaggedSeller } from "./cases";
import { createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/**
 * A seller reaches none of the moderation desk: not its pages (404, so nothing says they exist),
 * not its server actions posted directly, not the catalog API without a key.
 */

test("[SELLER] every moderation page is not found, the seller's own case included", async ({ page }) => {
  const flagged = await createFlaggedSeller("E2E Own Shop");
  const seller = await createUser("seller", { sellerId: flagged.id });
  // A real case on this very seller, opened by a moderator through the UI.
  const moderator = await createUser("moderator");
  await signIn(page, moderator.email);
  await page.goto(`/moderator/flags/${flagged.flagId}`);
  await page.getByRole("button", { name: "Open case and exclude" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case #\d+/);
  const caseId = Number(new URL(page.url()).pathname.split("/").pop());
  await page.context().clearCookies();

  await signIn(page, seller.email);
  for (const route of [
    "/moderator/flags",
    `/moderator/flags/${flagged.flagId}`,
    "/moderator/cases",
    `/moderator/cases/${caseId}`,
    "/moderator/letters",
  ]) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Case #|Flags|Cases|Letters/);
  }
});

/** The moderation actions, each with arguments that would change something, and what must stay unchanged. */
const CASE_ACTIONS = [
  { name: "openCaseFromFlagAction", module: "moderator/flags", args: (ids: Ids) => [{ flagId: ids.flagId }] },
  {
    name: "dismissFlagAction",
    module: "moderator/flags",
    args: (ids: Ids) => [{ flagId: ids.flagId, reason: "I do not agree with this flag" }],
  },
  {
    name: "openCaseManuallyAction",
    module: "moderator/flags",
    args: (ids: Ids) => [{ sellerId: ids.sellerId, reason: "exclude a competitor of mine" }],
  },
  {
    name: "addCaseNoteAction",
    module: "moderator/cases",
    args: (ids: Ids) => [{ caseId: ids.caseId ?? 1, body: "planted note" }],
  },
] as const;
type Ids = { flagId: number; sellerId: number; caseId?: number };

for (const role of ["seller", "anonymous"] as const) {
  for (const action of CASE_ACTIONS) {
    test(`[${role.toUpperCase()}] posting ${action.name} directly changes nothing`, async ({ page }) => {
      const flagged = await createFlaggedSeller("E2E Target Shop");
      if (role === "seller") await signIn(page, (await createUser("seller")).email);
      const response = await postServerAction(
        page.request,
        "/moderator",
        serverActionId(action.name, action.module),
        action.args({ flagId: flagged.flagId, sellerId: flagged.id }),
      );
      expect(await response.text()).not.toContain('"status":"ok"');
      expect(await sql`select 1 from cases where seller_id = ${flagged.id}`).toHaveLength(0);
      const [flag] = await sql<{ status: string }[]>`select status from flags where id = ${flagged.flagId}`;
      expect(flag?.status).toBe("open");
      expect(await sql`select 1 from audit_log where seller_id = ${flagged.id}`).toHaveLength(0);
    });
  }
}

test("[MODERATOR] the same direct POST opens the case, so the refusals above are the server's doing", async ({ page }) => {
  const flagged = await createFlaggedSeller("E2E Control Shop");
  await signIn(page, (await createUser("moderator")).email);
  await postServerAction(page.request, "/moderator", serverActionId("openCaseFromFlagAction", "moderator/flags"), [
    { flagId: flagged.flagId },
  ]);
  expect(await sql`select 1 from cases where seller_id = ${flagged.id} and status = 'EXCLUDED'`).toHaveLength(1);
});

test("the catalog visibility API needs a key", async ({ request }) => {
  expect((await request.get("/api/v1/catalog/visibility?sellerIds=a,b")).status()).toBe(401);
});
