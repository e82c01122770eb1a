import { expect, test } from "@playwright/test";
import { createUser, postServerAction, serverActionId, signIn, sql, type Role } from "./fixtures";

/** Pages each role must not reach: the server answers 404, so nothing says the page exists. */
const FORBIDDEN_PAGES: { role: Role; route: string }[] = [
  { role: "seller", route: "/moderator" },
  { role: "seller", route: "/admin" },
  { role: "seller", route: "/admin/users" },
  { role: "seller", route: "/admin/audit" },
  { role: "moderator", route: "/admin" },
  { role: "moderator", route: "/admin/users" },
  { role: "moderator", route: "/admin/audit" },
  { role: "moderator", route: "/seller" },
  { role: "admin", route: "/seller" },
  { role: "seller", route: "/admin/policy" },
  { role: "moderator", route: "/admin/policy" },
];

for (const { role, route } of FORBIDDEN_PAGES) {
  test(`[${role.toUpperCase()}] gets nothing from ${route}`, async ({ page }) => {
    const user = await createUser(role);
    await signIn(page, user.email);
    const response = await page.goto(route);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(
      /Moderation|Administration|Users|Audit trail|Your quality standing/,
    );
  });
}

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  for (const route of ["/seller", "/moderator", "/admin/users"]) {
    await page.goto(route);
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

/** The admin's server actions, each with arguments that would change something and a check that nothing did. */
const ADMIN_ACTIONS = [
  {
    name: "setUserDisabledAction",
    args: (victim: { id: string }) => [{ userId: victim.id, disabled: true, reason: "taking over" }],
    unchanged: async (victim: { id: string }) => {
      const [row] = await sql<{ disabled_at: Date | null }[]>`select disabled_at from users where id = ${victim.id}`;
      expect(row?.disabled_at).toBeNull();
    },
  },
  {
    name: "changeUserRoleAction",
    args: (victim: { id: string }) => [{ userId: victim.id, role: "seller", sellerExternalId: "S0001", reason: "escalate" }],
    unchanged: async (victim: { id: string }) => {
      const [row] = await sql<{ role: string }[]>`select role from users where id = ${victim.id}`;
      expect(row?.role).toBe("admin");
    },
  },
  {
    name: "createUserAction",
    args: (victim: { id: string }) => [
      {
        email: `planted-${victim.id}@e2e.catalog-guard.test`,
        name: "Planted",
        password: "a long enough password",
        role: "admin",
      },
    ],
    unchanged: async (victim: { id: string }) => {
      expect(await sql`select 1 from users where email = ${`planted-${victim.id}@e2e.catalog-guard.test`}`).toHaveLength(0);
    },
  },
  ...policyEditorActions(),
];

/** The policy editor's actions (app/(admin)/admin/policy): nothing of the policy changes, no policy entry by anyone but an admin. */
function policyEditorActions() {
  const params = {
    windows: { yearDays: 365, recentDays: 90, monthDays: 30, messagesDays: 182, messagesGraceDays: 7 },
    reviews: { uniqueRatingDays: 7, negativeMaxRating: 2, positiveMinRating: 4 },
    eligibility: { minOrders: 1, minUniqueReviews: 1 },
    lowYear: { confidence: 0.95, multiplier: 1, margin: 0 },
    worsened: { minRecentReviews: 1, minZ: 0.1 },
    response: { onTimeBusinessHours: 24, holidays: [] },
    fakeReviews: { burstMinReviews: 5, burstMultiplier: 5, burstBaselineDays: 90, repeatBuyerMinReviews: 3, repeatBuyerDays: 30 },
    exclusion: { minDays: 14, repeatMinDays: 14, letterAnswerDays: 14 },
    fdr: { q: null },
    appeals: { periodMonths: 6 },
  };
  const unchanged = async () => {
    expect(
      await sql`select 1 from audit_log where action like 'policy.%' and actor_role is distinct from 'admin' and actor_user_id is not null`,
    ).toHaveLength(0);
    expect(
      await sql`select 1 from scoring_policies where created_by is not null and created_by not in (select id from users where role = 'admin')`,
    ).toHaveLength(0);
  };
  const draft = { version: 2 };
  return [
    { name: "createPolicyDraftAction", module: "admin/policy", args: () => [{}], unchanged },
    { name: "savePolicyDraftAction", module: "admin/policy", args: () => [{ ...draft, params }], unchanged },
    { name: "discardPolicyDraftAction", module: "admin/policy", args: () => [draft], unchanged },
    { name: "previewPolicyDraftAction", module: "admin/policy", args: () => [draft], unchanged },
    {
      name: "activatePolicyDraftAction",
      module: "admin/policy",
      args: () => [{ ...draft, previewedFingerprint: "x", reason: "taking over the policy" }],
      unchanged,
    },
  ];
}

for (const role of ["seller", "moderator", "anonymous"] as const) {
  for (const action of ADMIN_ACTIONS) {
    test(`[${role.toUpperCase()}] posting the admin's ${action.name} directly changes nothing`, async ({ page }) => {
      const victim = await createUser("admin");
      if (role !== "anonymous") await signIn(page, (await createUser(role)).email);

      const response = await postServerAction(
        page.request,
        "/admin/users",
        serverActionId(action.name, "module" in action ? action.module : "admin/users"),
        action.args(victim),
      );
      expect(await response.text()).not.toContain('"status":"ok"');
      await action.unchanged(victim);
      expect(await sql`select 1 from audit_log where entity_id = ${victim.id} and action <> 'user.created'`).toHaveLength(0);
    });
  }
}

test("[ADMIN] the same direct POST works for an admin, so the refusals above are the server's doing", async ({ page }) => {
  const admin = await createUser("admin");
  const target = await createUser("moderator");
  await signIn(page, admin.email);
  const actionId = serverActionId("setUserDisabledAction", "admin/users");
  await postServerAction(page.request, "/admin/users", actionId, [{ userId: target.id, disabled: true, reason: "control case" }]);
  const [row] = await sql<{ disabled_at: Date | null }[]>`select disabled_at from users where id = ${target.id}`;
  expect(row?.disabled_at).not.toBeNull();
});
