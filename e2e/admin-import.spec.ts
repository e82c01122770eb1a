import { randomBytes } from "node:crypto";
import http from "node:http";
import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { createUser, signIn, sql, type Role } from "./fixtures";

const UPLOAD_PATH = "/admin/import/upload";

const unique = () => randomBytes(4).toString("hex");

/** A new seller with an order and a review; each call makes new ids. */
function shopCsv(tag = unique()) {
  const csv = [
    "id,type,occurredAt,sellerId,name,orderId,buyerId,amount,currency,reviewId,rating,text",
    `${tag}-1,seller.upserted,2026-03-02T09:00:00+02:00,S-${tag},"Shop ${tag}, Ltd.",,,,,,,`,
    `${tag}-2,order.placed,2026-03-02T10:00:00+02:00,S-${tag},,O-${tag},B1,499.90,UAH,,,`,
    `${tag}-3,review.posted,2026-03-05T10:00:00+02:00,S-${tag},,O-${tag},B1,,,R-${tag},4,"Fine.\nWould buy again."`,
  ].join("\n");
  return { csv, tag, rows: 3 };
}

const csvFile = (name: string, csv: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });

async function storedEvents(tag: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from ingested_events where event_id like ${`${tag}-%`}`;
  return row!.n;
}

async function importAuditEntries(fileName: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_log where action = 'events.imported' and after->>'fileName' = ${fileName}`;
  return row!.n;
}

test("[ADMIN] imports a CSV file from the navigation and sees what was accepted; importing it again only finds duplicates", async ({
  page,
}) => {
  const admin = await createUser("admin");
  const { csv, tag, rows } = shopCsv();
  const fileName = `shop-${tag}.csv`;
  await signIn(page, admin.email);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import events" })).toBeVisible();

  await page.getByLabel("CSV file").setInputFiles(csvFile(fileName, csv));
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: "Import finished" });
  await expect(result.getByRole("status")).toHaveText(`${fileName} was imported.`);
  await expect(result.locator("dt:text-is('Rows') + dd")).toHaveText(String(rows));
  await expect(result.locator("dt:text-is('Accepted') + dd")).toHaveText(String(rows));
  await expect(result.locator("dt:text-is('Duplicates') + dd")).toHaveText("0");
  expect(await storedEvents(tag)).toBe(rows);
  const [review] = await sql<{ text: string }[]>`select text from reviews where external_id = ${`R-${tag}`}`;
  expect(review?.text).toBe("Fine.\nWould buy again.");

  await page.getByLabel("CSV file").setInputFiles(csvFile(fileName, csv));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(result.locator("dt:text-is('Accepted') + dd")).toHaveText("0");
  await expect(result.locator("dt:text-is('Duplicates') + dd")).toHaveText(String(rows));
  expect(await storedEvents(tag)).toBe(rows);
  expect(await importAuditEntries(fileName)).toBe(2);
});

test("[ADMIN] a file with a bad row is not imported; the page lists the row and column of each problem", async ({ page }) => {
  const admin = await createUser("admin");
  const { csv, tag } = shopCsv();
  // Row 4 (its text runs on to line 5): a rating of 6. Row 6: an unknown type.
  const bad = `${csv.replace(',4,"Fine.', ',6,"Fine.')}\n${tag}-4,order.shipped,2026-03-06T10:00:00+02:00,S-${tag},,,,,,,,`;
  const fileName = `bad-${tag}.csv`;
  await signIn(page, admin.email);
  await page.goto("/admin/import");

  await page.getByLabel("CSV file").setInputFiles(csvFile(fileName, bad));
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "The file was not imported" })).toBeVisible();
  await expect(page.getByRole("region", { name: "The file was not imported" }).getByRole("alert")).toHaveText(
    `${fileName}: 2 problems found. Nothing was imported: fix the file and upload it again.`,
  );
  const problems = page.getByRole("table", { name: "Problems in the file" }).getByRole("row");
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(1).getByRole("cell")).toHaveText(["4", "rating", "rating must be a whole number from 1 to 5"]);
  await expect(problems.nth(2).getByRole("cell")).toHaveText(["6", "type", /^type must be one of seller\.upserted/]);

  expect(await storedEvents(tag)).toBe(0);
  expect(await importAuditEntries(fileName)).toBe(0);
});

test("[ADMIN] the form checks the file before sending it, and offers the example file", async ({ page }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  await page.goto("/admin/import");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Choose a CSV file", { exact: true })).toBeVisible();
  await page
    .getByLabel("CSV file")
    .setInputFiles({ name: "events.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("x") });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Choose a file whose name ends in .csv")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download an example file" }).click();
  expect((await download).suggestedFilename()).toBe("catalog-guard-events-example.csv");
  const example = await page.request.get("/admin/import/example.csv");
  expect(example.headers()["content-type"]).toContain("text/csv");
  expect((await example.text()).split("\r\n")[0]).toMatch(/^id,type,occurredAt,sellerId,/);
});

for (const role of ["moderator", "seller"] as const satisfies readonly Role[]) {
  test(`[${role.toUpperCase()}] gets nothing from /admin/import or its example file, and no Import link`, async ({ page }) => {
    const user = await createUser(role);
    await signIn(page, user.email);
    const response = await page.goto("/admin/import");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Import events");
    await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
    expect((await page.request.get("/admin/import/example.csv")).status()).toBe(404);
  });
}

/** POSTs a file to the import's upload route the way the form does: multipart, the file in "file". */
async function postImport(request: APIRequestContext, fileName: string, csv: string) {
  return request.post(UPLOAD_PATH, {
    multipart: { file: { name: fileName, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
    maxRedirects: 0,
  });
}

/**
 * Sends only the headers of an upload that says it is `length` bytes long, and waits for the
 * answer. An answer that comes although no byte of the body was sent was given without reading it.
 */
function answerBeforeBody(url: string, cookie: string, length: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "multipart/form-data; boundary=e2e", "Content-Length": String(length) },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error("no answer while the body was held back"));
    }, 10_000);
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode!, body });
      });
    });
    request.on("error", reject);
    request.flushHeaders();
  });
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
}

/** Who may not import, and what the upload route answers them. */
const REFUSED = [
  { role: "moderator", status: 403, code: "FORBIDDEN" },
  { role: "seller", status: 403, code: "FORBIDDEN" },
  { role: "anonymous", status: 401, code: "UNAUTHENTICATED" },
] as const;

for (const { role, status, code } of REFUSED) {
  test(`[${role.toUpperCase()}] posting a file straight to the import's upload route changes nothing`, async ({ page }) => {
    if (role !== "anonymous") await signIn(page, (await createUser(role)).email);
    const { csv, tag } = shopCsv();
    const fileName = `planted-${tag}.csv`;

    const response = await postImport(page.request, fileName, csv);
    expect(response.status()).toBe(status);
    expect(await response.json()).toMatchObject({ status: "error", code });
    expect(await storedEvents(tag)).toBe(0);
    expect(await importAuditEntries(fileName)).toBe(0);
  });

  test(`[${role.toUpperCase()}] the upload route refuses before reading the body`, async ({ page, baseURL }) => {
    if (role !== "anonymous") await signIn(page, (await createUser(role)).email);
    const answer = await answerBeforeBody(`${baseURL}${UPLOAD_PATH}`, await cookieHeader(page), 10 * 1024 * 1024);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toMatchObject({ status: "error", code });
  });
}

test("[ADMIN] the same direct POST imports for an admin, so the refusal above is the server's doing", async ({ page }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  const { csv, tag, rows } = shopCsv();
  const fileName = `control-${tag}.csv`;

  const response = await postImport(page.request, fileName, csv);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", data: { rows, accepted: rows } });
  expect(await storedEvents(tag)).toBe(rows);
  expect(await importAuditEntries(fileName)).toBe(1);
});

test("[ADMIN] an upload longer than 20 MiB and its envelope is refused from its declared length, unread", async ({
  page,
  baseURL,
}) => {
  await signIn(page, (await createUser("admin")).email);
  const answer = await answerBeforeBody(`${baseURL}${UPLOAD_PATH}`, await cookieHeader(page), 21 * 1024 * 1024);
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({
    status: "invalid",
    fieldErrors: { file: "The file is larger than 20 MiB; split it into several files" },
  });
});

test("[ADMIN] an upload posted from another site's page is refused", async ({ page }) => {
  await signIn(page, (await createUser("admin")).email);
  const { csv, tag } = shopCsv();
  const response = await page.request.post(UPLOAD_PATH, {
    headers: { Origin: "https://attacker.example" },
    multipart: { file: { name: `forged-${tag}.csv`, mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  });
  expect(response.status()).toBe(403);
  expect(await storedEvents(tag)).toBe(0);
});

test("[ADMIN] a file larger than the 1 MB server-action body goes through the form", async ({ page }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  const tag = unique();
  const rows = 25_000;
  const lines = Array.from(
    { length: rows },
    (_, i) => `${tag}-${i},seller.upserted,2026-03-02T09:00:00+02:00,S-${tag}-${i},Shop number ${i} of a big backfill`,
  );
  const csv = ["id,type,occurredAt,sellerId,name", ...lines].join("\n");
  expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);

  await page.goto("/admin/import");
  await page.getByLabel("CSV file").setInputFiles(csvFile(`big-${tag}.csv`, csv));
  await page.getByRole("button", { name: "Import" }).click();
  const result = page.getByRole("region", { name: "Import finished" });
  await expect(result.locator("dt:text-is('Accepted') + dd")).toHaveText("25,000", { timeout: 30_000 });
  expect(await storedEvents(tag)).toBe(rows);
});

test("[ADMIN] an upload past the proxy's 10 MB copy reaches the import whole (its route is outside the page proxy)", async ({
  page,
}) => {
  await signIn(page, (await createUser("admin")).email);
  const tag = unique();
  // One row whose name alone is 12 MiB: read whole, the import names that cell; cut at 10 MB, the
  // multipart form would be unreadable instead.
  const csv = [
    "id,type,occurredAt,sellerId,name",
    `${tag}-1,seller.upserted,2026-03-02T09:00:00+02:00,S-${tag},${"x".repeat(12 * 1024 * 1024)}`,
  ].join("\n");
  const response = await postImport(page.request, `long-${tag}.csv`, csv);
  expect(response.status()).toBe(422);
  expect(await response.json()).toMatchObject({ status: "rejected", issues: [{ row: 2, column: "name" }] });
  expect(await storedEvents(tag)).toBe(0);
});
