import { randomUUID } from "node:crypto";
import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { PASSWORD, createApiKey, createSeller, createUser, signIn, sql } from "./fixtures";

/** The security probe's findings, over HTTP against the production server: headers, addresses, sessions, bad input. */

function expectSecurityHeaders(headers: Record<string, string>, kind: "page" | "api") {
  const policy = headers["content-security-policy"] ?? "";
  if (kind === "page") {
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(policy).toContain("object-src 'none'");
  } else {
    expect(policy).toContain("default-src 'none'");
  }
  expect(policy).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  // The suite's server is plain http (NEXTAUTH_URL http://127.0.0.1…): no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("every answer carries the security headers: a page, an API answer, an error page", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  expectSecurityHeaders(page.headers(), "page");
  const api = await request.get("/api/v1/catalog/visibility?sellerIds=a");
  expect(api.status()).toBe(401);
  expectSecurityHeaders(api.headers(), "api");
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing.headers(), "page");

  // A fresh nonce a request, and Next's scripts carry it.
  const again = await request.get("/sign-in");
  const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
  const nonce = nonceOf(again.headers()["content-security-policy"]!);
  expect(nonce).not.toBe(nonceOf(page.headers()["content-security-policy"]!));
  const html = await again.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
});

/** Collects what the browser refused under the policy while `visit` runs. */
async function policyViolations(page: Page, visit: () => Promise<void>): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await visit();
  return violations;
}

test("[ADMIN] the pages work under the policy: nothing refused, the sign-in form and the desk respond", async ({ page }) => {
  const admin = await createUser("admin");
  const seller = await createSeller("Policy shop");
  const violations = await policyViolations(page, async () => {
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await signIn(page, admin.email);
    for (const path of [
      "/moderator",
      "/moderator/flags",
      "/moderator/cases",
      `/moderator/sellers/${seller.id}`,
      "/admin/users",
    ]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
    }
    // A client component answers (hydrated): the sellers search submits.
    await page.goto("/moderator/sellers");
    await page.getByLabel("Name or marketplace id").fill(seller.externalId);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: "Policy shop" })).toBeVisible();
  });
  expect(violations).toEqual([]);
});

test("[MODERATOR] ?q=%00 on the queues and lists is no filter, not a server error", async ({ page }) => {
  const admin = await createUser("admin");
  await signIn(page, admin.email);
  for (const path of ["/moderator/flags", "/moderator/cases", "/moderator/sellers", "/admin/users"]) {
    expect((await page.goto(`${path}?q=%00`))?.status(), path).toBe(200);
  }
});

/** Posts the sign-in form's request as a browser would, from `forwardedFor` as the client claims; returns the error code, if any. */
async function attemptSignIn(request: APIRequestContext, email: string, password: string, forwardedFor: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    headers: { "X-Forwarded-For": forwardedFor },
    maxRedirects: 0,
  });
  const location = response.headers().location ?? ((await response.json()) as { url: string }).url;
  return new URL(location, "http://x").searchParams.get("error");
}

test("[MODERATOR] a forged X-Forwarded-For neither escapes the per-address limit nor reaches the audit trail", async ({
  playwright,
}) => {
  const moderator = await createUser("moderator");
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (let i = 0; i < 5; i++) {
    expect(await attemptSignIn(request, moderator.email, `wrong ${i}`, `203.0.113.${i + 1}`)).toBe("CredentialsSignin");
  }
  // Five failures from this one socket: the right password from a "new" address is refused too.
  expect(await attemptSignIn(request, moderator.email, PASSWORD, "198.51.100.77")).toBe("RateLimited");
  await request.dispose();

  const other = await createUser("moderator");
  const browser = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect(await attemptSignIn(browser, other.email, PASSWORD, "6.6.6.6")).toBeNull();
  const [entry] = await sql<{ ip: string | null }[]>`
    select ip from audit_log where action = 'auth.sign_in' and actor_user_id = ${other.id}`;
  expect(entry?.ip).toBe("127.0.0.1");
  await browser.dispose();
});

test("[SELLER] a session signed out elsewhere or disabled is reported as signed out; a tampered cookie too", async ({ page }) => {
  const seller = await createUser("seller");
  await signIn(page, seller.email);
  const session = async () => (await page.request.get("/api/auth/session")).json();
  expect(await session()).toMatchObject({ user: { role: "seller", sellerId: seller.sellerId } });

  const cookies = await page.context().cookies();
  await sql`update users set session_version = session_version + 1 where id = ${seller.id}`;
  expect(await session()).toEqual({});

  const disabled = await createUser("moderator");
  await signIn(page, disabled.email);
  await sql`update users set disabled_at = now() where id = ${disabled.id}`;
  expect(await session()).toEqual({});

  const token = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
  await page.context().addCookies([{ ...token, value: `${token.value.slice(0, -8)}AAAAAAAA` }]);
  expect(await session()).toEqual({});
});

test("[API] bad input over HTTP: an unknown path, a NUL in the path, a body that is not JSON, 1,000 long ids", async ({
  request,
}) => {
  const key = await createApiKey();
  const authorization = { Authorization: `Bearer ${key}` };

  const unknown = await request.get("/api/v1/no/such/endpoint", { headers: authorization });
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-type"]).toContain("application/json");
  expect(await unknown.json()).toMatchObject({ error: "not_found" });

  const nul = await request.get("/api/v1/sellers/%00/quality", { headers: authorization });
  expect(nul.status()).toBe(400);
  expect(await nul.json()).toMatchObject({ error: "validation_failed", issues: [{ path: "sellerId" }] });

  const form = await request.post("/api/v1/events", { headers: authorization, form: { events: "[]" } });
  expect(form.status()).toBe(415);

  // 1,000 ids of 36 characters pass Node's 16 KiB header limit as a URL, so they go in a body.
  const ids = Array.from({ length: 1000 }, () => randomUUID());
  expect((await request.get(`/api/v1/catalog/visibility?sellerIds=${ids.join(",")}`, { headers: authorization })).status()).toBe(
    431,
  );
  const posted = await request.post("/api/v1/catalog/visibility", { headers: authorization, data: { sellerIds: ids } });
  expect(posted.status()).toBe(200);
  expect((await posted.json()).sellers).toHaveLength(1000);
});
