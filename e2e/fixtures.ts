/**
 * E2E tests arrange their own data straight in the database and sign in through the auth
 * endpoint; only sign-in.spec.ts drives the sign-in form. Every helper makes new, unique rows,
 * so tests run in any order and in parallel.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { type APIRequestContext, type Page, expect } from "@playwright/test";
import postgres from "postgres";
import { ARGON2_OPTIONS } from "../lib/auth/password-policy";

export const PASSWORD = "e2e correct horse battery";
export type Role = "seller" | "moderator" | "admin";

export const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 2, onnotice: () => {} });

const unique = () => randomBytes(5).toString("hex");
let passwordHash: Promise<string> | undefined;

export async function createSeller(name = "E2E shop") {
  const externalId = `E2E-${unique()}`;
  const [row] = await sql<{ id: string }[]>`
    insert into sellers (external_id, name) values (${externalId}, ${name}) returning id`;
  return { id: Number(row!.id), externalId, name };
}

export async function createUser(role: Role, options: { sellerId?: number } = {}) {
  passwordHash ??= hash(PASSWORD, ARGON2_OPTIONS);
  const sellerId = role === "seller" ? (options.sellerId ?? (await createSeller()).id) : null;
  const email = `${role}-${unique()}@e2e.catalog-guard.test`;
  const [row] = await sql<{ id: string }[]>`
    insert into users (email, name, password_hash, role, seller_id)
    values (${email}, ${`E2E ${role}`}, ${await passwordHash}, ${role}, ${sellerId})
    returning id`;
  return { id: row!.id, email, role, sellerId };
}

/** An API key for a marketplace system, stored as the app stores one (its SHA-256); returns the secret. */
export async function createApiKey(name = `e2e key ${unique()}`): Promise<string> {
  const secret = `cg_${randomBytes(32).toString("base64url")}`;
  await sql`insert into api_keys (name, prefix, key_hash) values (${name}, ${secret.slice(0, 11)}, ${createHash("sha256").update(secret).digest("hex")})`;
  return secret;
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the page's context. */
export async function signIn(target: Page | APIRequestContext, email: string, password = PASSWORD) {
  const request = "request" in target ? target.request : target;
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(response.status());
  const session = await (await request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

/**
 * The id Next gave a server action in this build, so a test can POST to it directly, as an
 * attacker who skipped the UI would.
 */
export function serverActionId(exportedName: string, modulePathPart: string): string {
  const manifestPath = path.resolve(__dirname, "../.next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestPath, "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string; workers: Record<string, unknown> }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const where = `${entry.filename ?? ""} ${Object.keys(entry.workers).join(" ")}`;
    if (entry.exportedName === exportedName && where.includes(modulePathPart)) return id;
  }
  throw new Error(`server action ${exportedName} (${modulePathPart}) is not in the build's manifest`);
}

/** POSTs straight to a server action the way Next's client does. */
export async function postServerAction(request: APIRequestContext, pagePath: string, actionId: string, args: unknown[]) {
  return request.post(pagePath, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
