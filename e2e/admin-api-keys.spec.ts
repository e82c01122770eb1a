import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createApiKey, createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

const API_KEYS_PATH = "/admin/api-keys";
const unique = () => randomBytes(4).toString("hex");
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A key straight in the database, as `npm run api-key:create` would leave it. */
async function insertApiKey() {
  const secret = `cg_${randomBytes(32).toString("base64url")}`;
  const [row] = await sql<{ id: string }[]>`
    insert into api_keys (name, prefix, key_hash) values (${`E2E key ${unique()}`}, ${secret.slice(0, 11)}, ${sha256(secret)})
    returning id`;
  return { id: Number(row!.id) };
}

test("[ADMIN] creates an API key and sees it once, then only its prefix; revokes it with a reason, and the trail records both", async ({
  page,
}) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  await page.goto(API_KEYS_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  const name = `Order feed ${unique()}`;
  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create key" }).click();

  const secretField = page.getByLabel("New API key");
  await expect(secretField).toHaveValue(/^cg_[A-Za-z0-9_-]{43}$/);
  await expect(secretField).toHaveAttribute("readonly", "");
  await expect(page.getByText("it is not shown again")).toBeVisible();
  const secret = await secretField.inputValue();
  const prefix = secret.slice(0, 11);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(prefix);
  await expect(row).toContainText(admin.email);
  await expect(row).toContainText("Active");
  expect(await sql`select prefix, key_hash from api_keys where name = ${name}`).toEqual([{ prefix, key_hash: sha256(secret) }]);

  // Shown once: after a reload the page has the prefix and nothing more of the key.
  await page.reload();
  await expect(row).toContainText(prefix);
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret.slice(prefix.length));

  await row.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke “${name}”` });
  await dialog.getByRole("button", { name: "Revoke key" }).click();
  await expect(dialog.getByText("Say why the key is revoked")).toBeVisible();
  await dialog.getByLabel("Reason").fill("The feed moved to a new server");
  await dialog.getByRole("button", { name: "Revoke key" }).click();

  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const [stored] = await sql<{ revoked_at: Date | null }[]>`select revoked_at from api_keys where name = ${name}`;
  expect(stored?.revoked_at).not.toBeNull();

  // The trail, filtered by this admin and each action in turn.
  const actor = encodeURIComponent(admin.email);
  await page.goto(`/admin/audit?action=api-key.created&actor=${actor}`);
  await expect(page.getByRole("row").filter({ hasText: "api-key.created" })).toHaveCount(1);
  await page.goto(`/admin/audit?action=api-key.revoked&actor=${actor}`);
  const revocation = page.getByRole("row").filter({ hasText: "api-key.revoked" });
  await expect(revocation).toHaveCount(1);
  await expect(revocation).toContainText("The feed moved to a new server");
});

for (const role of ["moderator", "seller"] as const) {
  test(`[${role.toUpperCase()}] gets nothing from ${API_KEYS_PATH}`, async ({ page }) => {
    const user = await createUser(role);
    await signIn(page, user.email);
    const response = await page.goto(API_KEYS_PATH);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("API keys");
    await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  });
}

/** The API-key actions, each with arguments that would change something and a check that nothing did. */
const API_KEY_ACTIONS = [
  {
    name: "revokeApiKeyAction",
    args: (victim: { id: number }) => [{ apiKeyId: victim.id, reason: "cutting the feed" }],
    unchanged: async (victim: { id: number }) => {
      const [row] = await sql<{ revoked_at: Date | null }[]>`select revoked_at from api_keys where id = ${victim.id}`;
      expect(row?.revoked_at).toBeNull();
    },
  },
  {
    name: "createApiKeyAction",
    args: (victim: { id: number }) => [{ name: `planted-${victim.id}` }],
    unchanged: async (victim: { id: number }) => {
      expect(await sql`select 1 from api_keys where name = ${`planted-${victim.id}`}`).toHaveLength(0);
    },
  },
];

for (const role of ["moderator", "seller", "anonymous"] as const) {
  for (const action of API_KEY_ACTIONS) {
    test(`[${role.toUpperCase()}] posting the admin's ${action.name} directly changes nothing`, async ({ page }) => {
      const victim = await insertApiKey();
      if (role !== "anonymous") await signIn(page, (await createUser(role)).email);

      const response = await postServerAction(
        page.request,
        API_KEYS_PATH,
        serverActionId(action.name, "admin/api-keys"),
        action.args(victim),
      );
      const body = await response.text();
      expect(body).not.toContain('"status":"ok"');
      expect(body).not.toMatch(/cg_[A-Za-z0-9_-]{43}/);
      await action.unchanged(victim);
      expect(
        await sql`select 1 from audit_log where action like 'api-key.%' and (entity_id = ${String(victim.id)} or after->>'name' = ${`planted-${victim.id}`})`,
      ).toHaveLength(0);
    });
  }
}

test("[ADMIN] the same direct POST works for an admin, so the refusals above are the server's doing", async ({ page }) => {
  const victim = await insertApiKey();
  await signIn(page, (await createUser("admin")).email);
  await postServerAction(page.request, API_KEYS_PATH, serverActionId("revokeApiKeyAction", "admin/api-keys"), [
    { apiKeyId: victim.id, reason: "control case" },
  ]);
  const [row] = await sql<{ revoked_at: Date | null }[]>`select revoked_at from api_keys where id = ${victim.id}`;
  expect(row?.revoked_at).not.toBeNull();
});

test("[ADMIN] the list shows when each key was last used, and “Never” for a key not used yet", async ({ page, request }) => {
  const usedName = `Used key ${unique()}`;
  const unusedName = `Unused key ${unique()}`;
  const secret = await createApiKey(usedName);
  await createApiKey(unusedName);
  const answer = await request.get("/api/v1/catalog/visibility?sellerIds=E2E-none", {
    headers: { Authorization: `Bearer ${secret}` },
  });
  expect(answer.status()).toBe(200);
  const [used] = await sql<{ last_used_at: Date | null }[]>`select last_used_at from api_keys where name = ${usedName}`;
  expect(used?.last_used_at).not.toBeNull();

  const admin = await createUser("admin");
  await signIn(page, admin.email);
  await page.goto(API_KEYS_PATH);
  const lastUsedColumn = (await page.getByRole("columnheader").allTextContents()).indexOf("Last used");
  const usedCell = page
    .getByRole("row")
    .filter({ hasText: usedName })
    .getByRole("cell")
    .nth(lastUsedColumn - 1);
  await expect(usedCell.locator("time")).toHaveAttribute("datetime", used!.last_used_at!.toISOString());
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: unusedName })
      .getByRole("cell")
      .nth(lastUsedColumn - 1),
  ).toHaveText("Never");
});
