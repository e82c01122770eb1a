import { expect, test } from "@playwright/test";
import { createApiKey, createSeller, createUser, postServerAction, serverActionId, signIn, sql, type Role } from "./fixtures";

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
      expect(
        await sql`select 1 from audit_log where entity_type = 'user' and entity_id = ${victim.id} and action <> 'user.created'`,
      ).toHaveLength(0);
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

/**
 * Every admin page, for every role that is not an admin: a plain 404. Pages other parts of the
 * app add (the policy editor, the statements export) join this list.
 */
const ADMIN_PAGES = [
  "/admin",
  "/admin/users",
  "/admin/api-keys",
  "/admin/audit",
  "/admin/import",
  "/admin/outbox",
  "/admin/policy",
  "/admin/statements",
];

for (const role of ["moderator", "seller"] as const) {
  test(`[${role.toUpperCase()}] every admin page answers 404`, async ({ page }) => {
    await signIn(page, (await createUser(role)).email);
    for (const route of ADMIN_PAGES) {
      const response = await page.goto(route);
      expect(response?.status(), route).toBe(404);
    }
  });
}

/** A row each admin action would change, and how to tell that it did not. */
type AdminTarget = { userId: string; apiKeyId: number; eventId: number };

async function adminTargets(): Promise<AdminTarget> {
  const victim = await createUser("admin");
  const secret = await createApiKey();
  const [key] = await sql<{ id: string }[]>`select id from api_keys where prefix = ${secret.slice(0, 11)}`;
  const seller = await createSeller();
  const [event] = await sql<{ id: string }[]>`
    insert into outbox_events (seller_id, type, payload, attempts, next_attempt_at)
    values (${seller.id}, 'seller.excluded', '{}', 2, now() + interval '1 hour') returning id`;
  return { userId: victim.id, apiKeyId: Number(key!.id), eventId: Number(event!.id) };
}

async function adminTargetsUnchanged(target: AdminTarget) {
  const [user] = await sql<
    { role: string; disabled_at: Date | null; password_change_required: boolean; session_version: number }[]
  >`
    select role, disabled_at, password_change_required, session_version from users where id = ${target.userId}`;
  expect(user).toEqual({ role: "admin", disabled_at: null, password_change_required: false, session_version: 0 });
  const [key] = await sql<{ revoked_at: Date | null }[]>`select revoked_at from api_keys where id = ${target.apiKeyId}`;
  expect(key?.revoked_at).toBeNull();
  const [event] = await sql<{ due_later: boolean }[]>`
    select next_attempt_at > now() + interval '30 minutes' as due_later from outbox_events where id = ${target.eventId}`;
  expect(event?.due_later).toBe(true);
  const entries = await sql`
    select 1 from audit_log
    where ((entity_type = 'user' and entity_id = ${target.userId} and action <> 'user.created')
           or (entity_type = 'api-key' and entity_id = ${String(target.apiKeyId)})
           or (entity_type = 'outbox-event' and entity_id = ${String(target.eventId)}))
       or (action = 'user.created' and after->>'email' like 'planted-%')`;
  expect(entries).toHaveLength(0);
}

/** Every admin server action, each with arguments that would change something. */
const EVERY_ADMIN_ACTION: { name: string; module: string; page: string; args: (target: AdminTarget) => unknown[] }[] = [
  {
    name: "createUserAction",
    module: "admin/users",
    page: "/admin/users",
    args: (t) => [{ email: `planted-${t.userId}@e2e.catalog-guard.test`, name: "Planted", role: "admin" }],
  },
  {
    name: "changeUserRoleAction",
    module: "admin/users",
    page: "/admin/users",
    args: (t) => [{ userId: t.userId, role: "moderator", reason: "escalate" }],
  },
  {
    name: "setUserDisabledAction",
    module: "admin/users",
    page: "/admin/users",
    args: (t) => [{ userId: t.userId, disabled: true, reason: "take over" }],
  },
  {
    name: "resetUserPasswordAction",
    module: "admin/users",
    page: "/admin/users",
    args: (t) => [{ userId: t.userId, reason: "take over" }],
  },
  { name: "createApiKeyAction", module: "admin/api-keys", page: "/admin/api-keys", args: () => [{ name: "planted-key" }] },
  {
    name: "revokeApiKeyAction",
    module: "admin/api-keys",
    page: "/admin/api-keys",
    args: (t) => [{ apiKeyId: t.apiKeyId, reason: "take over" }],
  },
  { name: "retryOutboxEventAction", module: "admin/outbox", page: "/admin/outbox", args: (t) => [{ eventId: t.eventId }] },
];

for (const role of ["moderator", "seller"] as const) {
  test(`[${role.toUpperCase()}] every admin action posted directly is refused and writes nothing`, async ({ page }) => {
    const target = await adminTargets();
    await signIn(page, (await createUser(role)).email);
    for (const action of EVERY_ADMIN_ACTION) {
      const response = await postServerAction(
        page.request,
        action.page,
        serverActionId(action.name, action.module),
        action.args(target),
      );
      const body = await response.text();
      expect(body, action.name).not.toContain('"status":"ok"');
      expect(body, action.name).toContain('"FORBIDDEN"');
    }
    await adminTargetsUnchanged(target);
    expect(await sql`select 1 from api_keys where name = 'planted-key'`).toHaveLength(0);
  });
}

test("[ADMIN] an admin who must still replace a temporary password is refused every admin action", async ({ page }) => {
  const admin = await createUser("admin");
  await sql`update users set password_change_required = true where id = ${admin.id}`;
  const target = await adminTargets();
  await signIn(page, admin.email);
  for (const action of EVERY_ADMIN_ACTION) {
    const response = await postServerAction(
      page.request,
      action.page,
      serverActionId(action.name, action.module),
      action.args(target),
    );
    expect(await response.text(), action.name).toContain('"password_change_required"');
  }
  await adminTargetsUnchanged(target);
});
