import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, signInAttempts } from "@/db/schema";
import { SIGN_IN_LIMITS, accountDelaySeconds, signInWithPassword } from "@/lib/auth/sign-in";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { TEST_PASSWORD, createTestUser } from "@/scripts/test-support/factories";

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
let addressCounter = 0;
const freshAddress = () => `10.0.${Math.floor(++addressCounter / 250)}.${addressCounter % 250}`;

async function failTimes(count: number, email: string, ip: () => string, at: Date) {
  for (let i = 0; i < count; i++) {
    expect((await signInWithPassword({ email, password: `guess ${i}`, ip: ip(), now: at })).status).toBe("invalid");
  }
}

describe("signing in", () => {
  test("[MODERATOR] the right password signs in, case-insensitively by e-mail, and is audited", async () => {
    const { user } = await createTestUser("moderator");
    const result = await signInWithPassword({
      email: `  ${user.email.toUpperCase()} `,
      password: TEST_PASSWORD,
      ip: freshAddress(),
      now: new Date(),
    });
    expect(result).toMatchObject({ status: "ok", user: { id: user.id, role: "moderator" } });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.sign_in"), eq(auditLog.actorUserId, user.id)));
    expect(entries).toHaveLength(1);
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.email, user.email));
    expect(attempts.map((a) => a.outcome)).toEqual(["succeeded"]);
  });

  test("an e-mail or password with a NUL or half a surrogate pair is a wrong password, not an error", async () => {
    const { user } = await createTestUser("moderator");
    const now = new Date();
    for (const [email, password] of [
      [`${user.email}\u0000`, TEST_PASSWORD],
      [user.email, `${TEST_PASSWORD}\u0000`],
      [`\uD800${user.email}`, TEST_PASSWORD],
    ] as const) {
      expect(await signInWithPassword({ email, password, ip: freshAddress(), now })).toEqual({ status: "invalid" });
    }
  });

  test("a wrong password and an unknown account get the same answer", async () => {
    const { user } = await createTestUser("seller");
    const now = new Date();
    expect(await signInWithPassword({ email: user.email, password: "wrong password!", ip: freshAddress(), now })).toEqual({
      status: "invalid",
    });
    expect(
      await signInWithPassword({ email: "nobody@test.catalog-guard.test", password: TEST_PASSWORD, ip: freshAddress(), now }),
    ).toEqual({ status: "invalid" });
  });

  test(`after ${SIGN_IN_LIMITS.perAccountAndAddress} wrong passwords from one address, that address is locked out of the account for ${SIGN_IN_LIMITS.windowMinutes} minutes`, async () => {
    const { user } = await createTestUser("admin");
    const start = new Date("2026-03-02T10:00:00Z");
    const home = freshAddress();
    await failTimes(SIGN_IN_LIMITS.perAccountAndAddress, user.email, () => home, start);

    // Even the right password is refused from there, but the owner elsewhere still gets in.
    expect(
      await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: home, now: minutes(start, 5) }),
    ).toMatchObject({ status: "rate-limited" });
    expect(
      (await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now: minutes(start, 5) }))
        .status,
    ).toBe("ok");

    // Refused attempts do not extend the lock: it ends when the failures leave the window.
    expect(
      (await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: home, now: minutes(start, 14) })).status,
    ).toBe("rate-limited");
    expect(
      (
        await signInWithPassword({
          email: user.email,
          password: TEST_PASSWORD,
          ip: home,
          now: minutes(start, SIGN_IN_LIMITS.windowMinutes + 1),
        })
      ).status,
    ).toBe("ok");
  });

  test("[ADMIN] wrong passwords from many addresses slow the account down with growing waits, but never lock the owner out for long", async () => {
    const { user } = await createTestUser("admin");
    const start = new Date("2026-03-03T10:00:00Z");
    const seconds = (n: number) => new Date(start.getTime() + n * 1000);
    const home = freshAddress();
    expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: home, now: start })).status).toBe("ok");

    await failTimes(SIGN_IN_LIMITS.accountFreeFailures, user.email, freshAddress, start);
    // An attacker from ever new addresses, trying at the first moment each wait allows.
    const waits: number[] = [];
    let clock = 0;
    for (let failures = SIGN_IN_LIMITS.accountFreeFailures; failures < 15; failures++) {
      const early = await signInWithPassword({ email: user.email, password: "guess", ip: freshAddress(), now: seconds(clock) });
      expect(early.status).toBe("rate-limited");
      const wait = early.status === "rate-limited" ? early.retryAfterSeconds : 0;
      waits.push(wait);
      clock += wait;
      expect(
        (await signInWithPassword({ email: user.email, password: "guess", ip: freshAddress(), now: seconds(clock) })).status,
      ).toBe("invalid");
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(waits.map((_, i) => accountDelaySeconds(SIGN_IN_LIMITS.accountFreeFailures + i))).toEqual(waits);

    // The owner at home is not slowed at all; from a new address, at most a minute.
    expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: home, now: seconds(clock) })).status).toBe(
      "ok",
    );
    const elsewhere = freshAddress();
    expect(
      await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: elsewhere, now: seconds(clock + 1) }),
    ).toEqual({ status: "rate-limited", retryAfterSeconds: SIGN_IN_LIMITS.accountMaxDelaySeconds - 1 });
    expect(
      (
        await signInWithPassword({
          email: user.email,
          password: TEST_PASSWORD,
          ip: elsewhere,
          now: seconds(clock + SIGN_IN_LIMITS.accountMaxDelaySeconds),
        })
      ).status,
    ).toBe("ok");
  });

  test(`one address trying many accounts is stopped after ${SIGN_IN_LIMITS.perAddress} failures`, async () => {
    const { user } = await createTestUser("moderator");
    const ip = freshAddress();
    const now = new Date("2026-04-01T10:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      await signInWithPassword({ email: `victim-${i}@test.catalog-guard.test`, password: "x", ip, now });
    }
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip, now })).toMatchObject({
      status: "rate-limited",
    });
    expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now })).status).toBe("ok");
  });

  test("attempts fired at the same moment count against each other", async () => {
    const { user } = await createTestUser("admin");
    const ip = freshAddress();
    const now = new Date("2026-05-01T10:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signInWithPassword({ email: user.email, password: `burst ${i}`, ip, now })),
    );
    const checked = results.filter((r) => r.status === "invalid").length;
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccountAndAddress);
    expect(results.filter((r) => r.status === "rate-limited").length).toBe(12 - checked);
  });

  test("a disabled account cannot sign in", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user } = await createTestUser("moderator");
    await setUserDisabled({ actor: admin, input: { userId: user.id, disabled: true, reason: "left the team" }, now: new Date() });
    expect(await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: freshAddress(), now: new Date() })).toEqual(
      { status: "invalid" },
    );
  });
});
