import { expect, test } from "@playwright/test";
import { createSeller, createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

const AUDIT_PATH = "/admin/audit";
const LONG_NOTE =
  "The seller called on Monday and explained the late parcels: the carrier lost a whole pallet in Lviv, and every order on it was refunded.";
const EXPORT_PATH = "/admin/audit/export.csv";

/** A case of its own and its trail: opened, then extended with a reason (before → after), and a flag elsewhere. */
async function arrangeTrail() {
  const moderator = await createUser("moderator");
  const seller = await createSeller("Audit e2e shop");
  const [theCase] = await sql<{ id: string }[]>`
    insert into cases (seller_id, opened_by, excluded_at, recheck_at, evidence)
    values (${seller.id}, ${moderator.id}, now(), now() + interval '14 days', '{}') returning id`;
  const caseId = Number(theCase!.id);
  const entry = (action: string, before: unknown, after: unknown, reason: string) => sql`
    insert into audit_log (occurred_at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id, seller_id, before, after, reason)
    values (now(), ${moderator.id}, 'moderator', ${moderator.email}, ${action}, 'case', ${String(caseId)}, ${seller.id},
            ${before === null ? null : sql.json(before as never)}, ${sql.json(after as never)}, ${reason})`;
  await entry("case.opened", null, { caseId, status: "EXCLUDED" }, `Opened ${caseId}`);
  await entry(
    "case.extended",
    { caseId, status: "EXCLUDED", recheck: { on: "2026-11-20" } },
    { caseId, status: "EXTENDED", recheck: { on: "2026-12-04" } },
    `Two more weeks for case ${caseId}`,
  );
  return { moderator, seller, caseId };
}

test("[ADMIN] filters the trail by action and by case, reads the diff, exports the filter and verifies the chain", async ({
  page,
}) => {
  const { caseId, moderator } = await arrangeTrail();
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  await page.goto(AUDIT_PATH);
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();

  // By action: the extension, its reason, and only what changed, old → new.
  await page.getByLabel("Action").selectOption("case.extended");
  await page.getByLabel("Case number").fill(String(caseId));
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=case.extended/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  const extension = rows.nth(1);
  await expect(extension.getByText(`Two more weeks for case ${caseId}`)).toBeVisible();
  await expect(extension.getByRole("cell", { name: "Exclusion extended" })).toBeVisible();
  await expect(extension.getByRole("link", { name: `Case ${caseId}` })).toHaveAttribute("href", `/moderator/cases/${caseId}`);
  await expect(extension.getByText(moderator.email)).toBeVisible();
  const changes = extension.getByRole("list", { name: /Changes of entry/ });
  await expect(changes.getByRole("listitem")).toHaveCount(2);
  await expect(changes.getByRole("listitem").nth(0)).toHaveText("recheck.on: 2026-11-20 → 2026-12-04");
  await expect(changes.getByRole("listitem").nth(1)).toHaveText("status: EXCLUDED → EXTENDED");

  // The export of the same filter: a header and that one entry.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^catalog-guard-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await download.createReadStream()).toArray();
  const lines = Buffer.concat(csv).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toMatch(/^seq,occurred_at,actor_role/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`Two more weeks for case ${caseId}`);

  // By case alone: both of its entries, newest first.
  await page.getByLabel("Action").selectOption("");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Exclusion extended");
  await expect(rows.nth(2)).toContainText("Case opened");

  // A whole family of actions: "All: Cases", with the case still filtered, keeps both.
  await page.getByLabel("Action").selectOption({ label: "All: Cases" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=case\.\*/);
  await expect(rows).toHaveCount(3);
  await page.getByLabel("Action").selectOption("");

  // A wrong range is named on its field, in words.
  await page.getByLabel("From", { exact: true }).fill("2026-11-10");
  await page.getByLabel("To", { exact: true }).fill("2026-11-01");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByLabel("To", { exact: true })).toHaveAccessibleDescription(/This date is before the “From” date\./);
  await expect(page.getByRole("alert").filter({ hasText: "Some filters need correcting" })).toBeVisible();

  // The chain's verification, run now and shown.
  await page.getByRole("button", { name: "Verify the chain now" }).click();
  // Longer than the default: the other worker's 10 MB imports can keep a server process busy for
  // seconds, and the verification walks the whole trail written so far.
  await expect(page.getByRole("status")).toHaveText("Verification recorded.", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Chain verification" })).toContainText(/Intact: [\d,]+ entries checked/);
});

test("[ADMIN] an entry by a command or an API key says who in words (a command beside its stored label); a long value opens on a click", async ({
  page,
}) => {
  const seller = await createSeller("Audit e2e actors");
  const moderator = await createUser("moderator");
  const [theCase] = await sql<{ id: string }[]>`
    insert into cases (seller_id, opened_by, excluded_at, recheck_at, evidence)
    values (${seller.id}, ${moderator.id}, now(), now() + interval '14 days', '{}') returning id`;
  const caseId = theCase!.id;
  for (const [role, label, action] of [
    ["system", "cli:reinstate-due (ops)", "case.reinstated"],
    ["api-key", "api-key:erp-sync", "case.note_added"],
  ] as const) {
    await sql`
      insert into audit_log (occurred_at, actor_role, actor_label, action, entity_type, entity_id, seller_id, after)
      values (now(), ${role}, ${label}, ${action}, 'case', ${caseId}, ${seller.id}, ${sql.json({ caseId: Number(caseId), note: LONG_NOTE })})`;
  }
  await signIn(page, (await createUser("admin")).email);
  await page.goto(`${AUDIT_PATH}?caseId=${caseId}`);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("API key “erp-sync”");
  await expect(rows.nth(1)).not.toContainText("api-key:erp-sync");
  await expect(rows.nth(1).getByRole("cell", { name: "Internal note added case.note_added" })).toBeVisible();
  await expect(rows.nth(2)).toContainText("Command line: npm run reinstate-due (by ops) cli:reinstate-due (ops)");
  await expect(rows.nth(2).getByRole("link", { name: `Seller: ${seller.name}` })).toHaveAttribute(
    "href",
    `/moderator/sellers/${seller.id}`,
  );
  // The long note: its start, then the whole of it on a click.
  const note = rows
    .nth(1)
    .getByRole("listitem")
    .filter({ hasText: /^note:/ });
  // What is shown (innerText), not what the closed details hold.
  expect(await note.innerText()).not.toContain(LONG_NOTE);
  await note.getByText(LONG_NOTE.slice(0, 40)).click();
  await expect.poll(() => note.innerText()).toContain(LONG_NOTE);
});

for (const role of ["moderator", "seller"] as const) {
  test(`[${role.toUpperCase()}] gets 404 on the audit page and its export, and cannot verify by a direct POST`, async ({
    page,
  }) => {
    const user = await createUser(role);
    await signIn(page, user.email);
    expect((await page.request.get(AUDIT_PATH, { maxRedirects: 0 })).status()).toBe(404);
    const exported = await page.request.get(`${EXPORT_PATH}?action=case.extended`, { maxRedirects: 0 });
    expect(exported.status()).toBe(404);
    expect(await exported.text()).not.toContain("seq,occurred_at");

    const response = await postServerAction(page.request, AUDIT_PATH, serverActionId("verifyAuditChainAction", "admin/audit"), [
      {},
    ]);
    expect(await response.text()).not.toContain('"status":"ok"');
    // No verification recorded in this user's name (other tests verify the chain at the same time).
    expect(await sql`select 1 from audit_log where action = 'audit.verified' and actor_user_id = ${user.id}`).toHaveLength(0);
  });
}
