import { expect, test } from "@playwright/test";
import { createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

/**
 * Next reads a server action's whole body before the action can authorize anyone, so the limit
 * (next.config.js) is what an anonymous caller can make the server parse. It is sized for the
 * forms, not for uploads: the CSV import has its own route.
 */
const USERS_PATH = "/admin/users";

function createUserArgs(name: string) {
  return [
    { email: `limit-${Date.now()}@e2e.catalog-guard.test`, name, role: "moderator", password: "e2e correct horse battery" },
  ];
}

test("[ANONYMOUS] a server action body over 1 MB is refused unread; one under it reaches the action, which refuses the caller", async ({
  request,
}) => {
  const actionId = serverActionId("createUserAction", "admin/users");

  const oversize = await postServerAction(request, USERS_PATH, actionId, createUserArgs("x".repeat(1_100_000)));
  expect(oversize.status()).toBe(500);
  expect(await oversize.text()).not.toContain('"status":');

  const underLimit = await postServerAction(request, USERS_PATH, actionId, createUserArgs("x".repeat(900_000)));
  expect(underLimit.status()).toBe(200);
  expect(await underLimit.text()).toMatch(/"status":"(error|invalid)"/);
});

test("[ADMIN] a server action body over 1 MB is refused for an admin too, and nothing is written", async ({ page }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  const args = createUserArgs("x".repeat(1_100_000));
  const response = await postServerAction(page.request, USERS_PATH, serverActionId("createUserAction", "admin/users"), args);
  expect(response.status()).toBe(500);
  expect(await response.text()).not.toContain('"status":');
  expect(await sql`select id from users where email = ${args[0]!.email}`).toEqual([]);
});
