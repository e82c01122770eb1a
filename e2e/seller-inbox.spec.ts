import { expect, test } from "@playwright/test";
import { createSeller, createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

const INBOX_PATH = "/seller/inbox";

/** A notification straight in the database, as a case step leaves it. */
async function insertNotification(
  sellerId: number,
  payload: { kind: string } & Record<string, string | number | string[]>,
  createdAt: Date,
) {
  const [row] = await sql<{ id: string }[]>`
    insert into notifications (seller_id, kind, payload, created_at, email_status)
    values (${sellerId}, ${payload.kind}, ${sql.json(payload)}, ${createdAt}, 'skipped')
    returning id`;
  return Number(row!.id);
}

test("[SELLER] reads their own notifications in the inbox and marks one read; another seller's stay out of sight", async ({
  page,
}) => {
  const seller = await createUser("seller");
  const other = await createUser("seller");
  const now = Date.now();
  await insertNotification(
    seller.sellerId!,
    { kind: "case_reinstated", caseId: 1, reinstatedAt: new Date(now).toISOString() },
    new Date(now - 60_000),
  );
  await insertNotification(
    seller.sellerId!,
    {
      kind: "case_extended",
      caseId: 1,
      reasons: ["letter_missing_or_not_constructive"],
      recheckAt: new Date(now + 14 * 86_400_000).toISOString(),
      message: "Please send the letter.",
    },
    new Date(now - 120_000),
  );
  const othersId = await insertNotification(
    other.sellerId!,
    { kind: "letter_answered", caseId: 2, letterId: 3, letterVersion: 77, verdict: "accepted", message: "" },
    new Date(now),
  );

  await signIn(page, seller.email);
  await page.goto("/seller");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox (2 unread)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
  await expect(page.getByText("2 unread messages")).toBeVisible();

  const reinstated = page.getByRole("article", { name: /Your products are back in the catalog/ });
  const extended = page.getByRole("article", { name: /Your exclusion was extended/ });
  await expect(extended).toContainText("The improvement letter is missing or not constructive.");
  await expect(extended).toContainText("Please send the letter.");
  await expect(page.getByText("version 77")).toHaveCount(0);
  // Each notification links to where its steps are done.
  await expect(reinstated.getByRole("link", { name: "Open your case" })).toHaveAttribute("href", "/seller/cases/1");
  await expect(extended.getByRole("link", { name: "Open your case" })).toHaveAttribute("href", "/seller/cases/1");

  await reinstated.getByRole("button", { name: /Mark as read/ }).click();
  await expect(page.getByText("1 unread message")).toBeVisible();
  await expect(reinstated.getByText("Read", { exact: true })).toBeVisible();
  await expect(extended.getByRole("button", { name: /Mark as read/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inbox (1 unread)" })).toBeVisible();

  // Straight to the server action with another seller's notification: not found, and it stays unread.
  const actionId = serverActionId("markNotificationReadAction", "seller/inbox");
  const response = await postServerAction(page.request, INBOX_PATH, actionId, [{ notificationId: othersId }]);
  expect(await response.text()).toContain("NOT_FOUND");
  expect(await sql`select read_at from notifications where id = ${othersId}`).toEqual([{ read_at: null }]);
});

test("[SELLER] the inbox in Ukrainian", async ({ page }) => {
  const seller = await createUser("seller");
  await insertNotification(
    seller.sellerId!,
    { kind: "case_reinstated", caseId: 1, reinstatedAt: new Date().toISOString() },
    new Date(),
  );
  await signIn(page, seller.email);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "uk", domain: "127.0.0.1", path: "/" }]);
  await page.goto(INBOX_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Вхідні" })).toBeVisible();
  await expect(page.getByRole("article", { name: /Ваші товари знову в каталозі/ })).toBeVisible();
});

test("[ADMIN] sees undelivered catalog events with the not-configured banner and asks for a retry, which is audited", async ({
  page,
}) => {
  const admin = await createUser("admin");
  const seller = await createSeller();
  const [event] = await sql<{ id: string }[]>`
    insert into outbox_events (seller_id, type, payload, created_at, next_attempt_at, attempts, last_error)
    values (${seller.id}, 'seller.excluded', ${sql.json({ sellerId: seller.externalId, caseId: 1, excludedSince: new Date().toISOString(), recheckOn: new Date().toISOString() })},
            now(), now() + interval '3 hours', 3, 'HTTP 502: bad gateway')
    returning id`;
  const eventId = Number(event!.id);

  await signIn(page, admin.email);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog delivery" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalog delivery" })).toBeVisible();
  await expect(page.getByText("Delivery to the catalog is not configured")).toBeVisible();

  await page.getByRole("link", { name: "Failing" }).click();
  const row = page.getByRole("row").filter({ hasText: seller.externalId });
  await expect(row).toContainText("HTTP 502: bad gateway");
  await expect(row).toContainText("seller.excluded");
  await row.getByRole("button", { name: `Retry now: #${eventId}` }).click();
  await expect(row.getByRole("status")).toContainText("Queued");

  const [stored] = await sql<{ due: boolean }[]>`select next_attempt_at <= now() as due from outbox_events where id = ${eventId}`;
  expect(stored?.due).toBe(true);
  expect(
    await sql`select action, actor_label from audit_log where entity_type = 'outbox-event' and entity_id = ${String(eventId)}`,
  ).toEqual([{ action: "outbox.retry_requested", actor_label: admin.email }]);
});

test("[SELLER] and [MODERATOR] get a 404 for the catalog delivery page", async ({ page }) => {
  for (const role of ["seller", "moderator"] as const) {
    const user = await createUser(role);
    await page.context().clearCookies();
    await signIn(page, user.email);
    const response = await page.goto("/admin/outbox");
    expect(response?.status(), role).toBe(404);
  }
});
