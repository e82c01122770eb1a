import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { SIGN_IN_LIMITS, signInWithPassword } from "@/lib/auth/sign-in";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { TEST_PASSWORD, createTestUser } from "@/scripts/test-support/factories";

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
let addressCounter = 0;
const freshAddress = () => `10.0.0.${++addressCounter}`;

describe("signing in", () => {
  test("[MODERATOR] the right password signs in, case-insensitively by e-mail, and is audited", async () => {
    const { user } = await createTestUser("moderator");
    const result = await signInWithPassword({ email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD, ip: freshAddress(), now: new Date() });
    expect(result).toMatchObject({ status: "ok", user: { id: user.id, role: "moderator" } });
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.actorUserId, user.id)));
    expect(entries).toHaveLength(1);
  });

  test("a wrong password and an unknown account get the same answer", async () => {
    const { user } = await createTestUser("seller");
    const now = new Date();
    expect(await signInWithPassword({ email: user.email, password: "wrong password!", ip: freshAddress(), now })).toEqual({ status: "invalid" });
    expect(await signInWithPassword({ email: "nobody@test.catalog-guard.test", password: TEST_PASSWORD, ip: freshAddress(), now })).toEqual({ status: "invalid" });
  });

  test(`after ${SIGN_IN_LIMITS.perAccount} wrong passwords the account is locked for ${SIGN_IN_LIMITS.windowMinutes} minutes, even for the right one`, async () => {
    const { user } = await createTestUser("admin");
    const start = new Date("2026-03-02T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      const result = await signInWithPassword({ email: user.email, password: `guess ${i}`, ip: freshAddress(), now: minutes(start, i) });
      expect(result.status).toBe("invalid");
    }
    const locked = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now: minutes(start, 5) });
    expect(locked).toMatchObject({ status: "rate-limited" });
    // The window slides past the failures (the refused attempt at minute 5 counts too).
    const later = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now: minutes(start, 5 + SIGN_IN_LIMITS.windowMinutes + 1) });
    expect(later.status).toBe("ok");
  });

  test(`one address trying many accounts is stopped after ${SIGN_IN_LIMITS.perAddress} failures`, async () => {
    const { user } = await createTestUser("moderator");
    const ip = freshAddress();
    const now = new Date("2026-04-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await signInWithPassword({ email: `victim-${i}@test.catalog-guard.test`, password: "x", ip, now });
    }
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip, now })).toMatchObject({ status: "rate-limited" });
    expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now })).status).toBe("ok");
  });

  test("a disabled account cannot sign in", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user } = await createTestUser("moderator");
    await setUserDisabled({ actor: admin, input: { userId: user.id, disabled: true, reason: "left the team" }, now: new Date() });
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now: new Date() })).toEqual({ status: "invalid" });
  });
});
