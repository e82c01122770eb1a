/**
 * The session a cookie is worth, through next-auth's own session handler (the one behind
 * GET /api/auth/session and getServerSession) with our options.
 */
import { sql } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, test, vi } from "vitest";
import { db } from "@/db";
import { endSessions } from "@/lib/auth/end-sessions";
import { authOptions } from "@/lib/auth/options";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { logger } from "@/lib/logger";
import { createTestUser } from "@/scripts/test-support/factories";
import type { Role } from "@/db/enums";

const SECRET = "integration-tests-secret-integration-tests-secret";
const COOKIE = "next-auth.session-token";

async function sessionCookieOf(user: { id: string; email: string; role: Role; sellerId: number | null; sessionVersion: number }) {
  return encode({
    secret: SECRET,
    token: {
      uid: user.id,
      email: user.email,
      name: "Test",
      role: user.role,
      sellerId: user.sellerId,
      sessionVersion: user.sessionVersion,
    },
  });
}

async function getSession(cookie: string) {
  const setCookies: string[] = [];
  const response = {
    getHeader: () => setCookies,
    setHeader: (_name: string, value: string[]) => setCookies.splice(0, setCookies.length, ...value),
  };
  const body = await getServerSession({ headers: {}, cookies: { [COOKIE]: cookie } } as never, response as never, {
    ...authOptions,
    secret: SECRET,
  });
  const cleared = setCookies.some((line) => line.startsWith(`${COOKIE}=;`));
  return { body, cleared };
}

afterEach(() => vi.restoreAllMocks());

describe("GET /api/auth/session", () => {
  test("[SELLER] a current session is reported with its role and seller", async () => {
    const { user } = await createTestUser("seller");
    const answer = await getSession(await sessionCookieOf(user));
    expect(answer.body?.user).toMatchObject({ id: user.id, role: "seller", sellerId: user.sellerId });
  });

  test("[SELLER] a session signed out elsewhere answers as signed out, and its cookie is cleared", async () => {
    const { user } = await createTestUser("seller");
    const cookie = await sessionCookieOf(user);
    await endSessions(user.id, new Date());
    expect(await getSession(cookie)).toEqual({ body: null, cleared: true });
  });

  test("[MODERATOR] a disabled account's session answers as signed out", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user } = await createTestUser("moderator");
    const cookie = await sessionCookieOf(user);
    await setUserDisabled({ actor: admin, input: { userId: user.id, disabled: true, reason: "left the team" }, now: new Date() });
    expect(await getSession(cookie)).toEqual({ body: null, cleared: true });
  });

  test("a tampered cookie is one escaped log line, not a stack trace on the console", async () => {
    const warn = vi.spyOn(logger, "warn");
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const { user } = await createTestUser("admin");
    const cookie = await sessionCookieOf(user);
    const tampered = `${cookie.slice(0, 40)}\u0000x\n${cookie.slice(42)}`;

    expect(await getSession(tampered)).toEqual({ body: null, cleared: true });
    expect(consoleError).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    const line = JSON.stringify(warn.mock.calls[0]);
    expect(line).not.toMatch(/[\u0000-\u001f]|\\n|\\u0000|    at /);
    expect(warn.mock.calls[0]![0]).toMatchObject({ code: "JWT_SESSION_ERROR", reason: expect.any(String) });
  });

  test("[MODERATOR] a database that cannot answer keeps the session's cookie: an outage signs nobody out", async () => {
    const { user } = await createTestUser("moderator");
    const cookie = await sessionCookieOf(user);
    // The database really fails the user's lookup (the table is gone for a moment), no mock.
    await db.execute(sql`alter table users rename to users_away`);
    try {
      const answer = await getSession(cookie);
      expect(answer.cleared).toBe(false);
      expect(answer.body?.user).toMatchObject({ id: user.id, role: "moderator" });
    } finally {
      await db.execute(sql`alter table users_away rename to users`);
    }
  });
});
