import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUserWithTemporaryPassword } from "@/lib/users/create-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { TEST_PASSWORD, createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-02T09:00:00Z");
const IP = "203.0.113.50";
const stored = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]!;
const actionsFor = async (id: string) =>
  (await db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.seq)).map((entry) => entry.action);
const signsIn = async (email: string, password: string) =>
  (await signInWithPassword({ email, password, ip: IP, now: NOW })).status === "ok";

describe("accounts an admin creates and resets", () => {
  test("[ADMIN] creates an account with a temporary password, shown once, that the user must replace", async () => {
    const { actor: admin } = await createTestUser("admin");
    const email = `temp-${Date.now()}@test.catalog-guard.test`;
    const created = await createUserWithTemporaryPassword({
      actor: admin,
      input: { email, name: "New moderator", role: "moderator" },
      now: NOW,
    });
    expect(created.temporaryPassword).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
    expect(created.user).toMatchObject({ email, role: "moderator", passwordChangeRequired: true });
    expect((await stored(created.user.id)).passwordChangeRequired).toBe(true);
    expect(await signsIn(email, created.temporaryPassword)).toBe(true);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, created.user.id));
    expect(entry).toMatchObject({ action: "user.created", actorUserId: admin.userId });
    expect(JSON.stringify(entry)).not.toContain(created.temporaryPassword);
  });

  test("[ADMIN] links a seller account by the seller's name (any case); a name two sellers share is refused", async () => {
    const { actor: admin } = await createTestUser("admin");
    const name = `Linked shop ${Date.now()}`;
    const seller = await createTestSeller(name);
    const created = await createUserWithTemporaryPassword({
      actor: admin,
      input: {
        email: `by-name-${Date.now()}@test.catalog-guard.test`,
        name: "Owner",
        role: "seller",
        sellerExternalId: name.toUpperCase(),
      },
      now: NOW,
    });
    expect(created.user.sellerId).toBe(seller.id);

    await createTestSeller(name);
    const error = await createUserWithTemporaryPassword({
      actor: admin,
      input: { email: `twin-${Date.now()}@test.catalog-guard.test`, name: "Owner", role: "seller", sellerExternalId: name },
      now: NOW,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INVALID", issues: [{ path: "sellerExternalId", catalog: { key: "sellerAmbiguous" } }] });
  });

  test("[ADMIN] re-linking a seller account to another seller is its own audit action; leaving the seller role unlinks", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user } = await createTestUser("seller");
    const other = await createTestSeller();
    await changeUserRole({
      actor: admin,
      input: { userId: user.id, role: "seller", sellerExternalId: other.externalId, reason: "the shop changed hands" },
      now: NOW,
    });
    expect((await stored(user.id)).sellerId).toBe(other.id);
    await changeUserRole({ actor: admin, input: { userId: user.id, role: "moderator", reason: "joined the team" }, now: NOW });
    expect(await stored(user.id)).toMatchObject({ role: "moderator", sellerId: null });
    expect(await actionsFor(user.id)).toEqual(["user.created", "user.seller_linked", "user.role_changed"]);
  });

  test("[ADMIN] resets a password: the old one stops working, sessions end, a new one must be chosen", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user } = await createTestUser("moderator");
    const before = await stored(user.id);
    const reset = await resetUserPassword({ actor: admin, input: { userId: user.id, reason: "forgot it" }, now: NOW });
    const after = await stored(user.id);
    expect(after.passwordChangeRequired).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await signsIn(user.email, TEST_PASSWORD)).toBe(false);
    expect(await signsIn(user.email, reset.temporaryPassword)).toBe(true);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, "user.password_reset")));
    expect(entry).toMatchObject({ reason: "forgot it", after: expect.objectContaining({ passwordChangeRequired: true }) });
    expect(JSON.stringify(entry)).not.toContain("argon2");
  });

  test("[USER] sets their own password: the temporary one must match, the new one twice; then the demand clears", async () => {
    const { actor: admin } = await createTestUser("admin");
    const created = await createUserWithTemporaryPassword({
      actor: admin,
      input: { email: `first-${Date.now()}@test.catalog-guard.test`, name: "First sign-in", role: "moderator" },
      now: NOW,
    });
    const actor = {
      kind: "user",
      userId: created.user.id,
      role: "moderator",
      sellerId: null,
      label: created.user.email,
    } as const;
    const wrong = await changeOwnPassword({
      actor,
      input: {
        currentPassword: "not the temporary one",
        newPassword: "my own new password",
        confirmPassword: "my own new password",
      },
      ip: IP,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: "INVALID", issues: [{ path: "currentPassword" }] });
    const mismatch = await changeOwnPassword({
      actor,
      input: {
        currentPassword: created.temporaryPassword,
        newPassword: "my own new password",
        confirmPassword: "my own new passw0rd",
      },
      ip: IP,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(mismatch).toMatchObject({ code: "INVALID", issues: [{ path: "confirmPassword" }] });
    const short = await changeOwnPassword({
      actor,
      input: { currentPassword: created.temporaryPassword, newPassword: "short", confirmPassword: "short" },
      ip: IP,
      now: NOW,
    }).catch((e: unknown) => e);
    expect(short).toMatchObject({ code: "INVALID", issues: [{ path: "newPassword" }] });
    expect((await stored(created.user.id)).passwordChangeRequired).toBe(true);

    await changeOwnPassword({
      actor,
      input: {
        currentPassword: created.temporaryPassword,
        newPassword: "my own new password",
        confirmPassword: "my own new password",
      },
      ip: IP,
      now: NOW,
    });
    expect((await stored(created.user.id)).passwordChangeRequired).toBe(false);
    expect(await signsIn(created.user.email, "my own new password")).toBe(true);
    expect(await signsIn(created.user.email, created.temporaryPassword)).toBe(false);
    expect((await actionsFor(created.user.id)).filter((action) => action.startsWith("user."))).toEqual([
      "user.created",
      "user.password_changed",
    ]);
  });

  test("[USER] guessing the current password on the change form counts as failed sign-ins: after five, even the right one waits, and sign-in too", async () => {
    const { user, actor } = await createTestUser("moderator");
    const address = "198.51.100.77";
    const change = (currentPassword: string) =>
      changeOwnPassword({
        actor,
        input: { currentPassword, newPassword: "a brand new password", confirmPassword: "a brand new password" },
        ip: address,
        now: NOW,
      }).catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) {
      expect(await change(`guess number ${i}`)).toMatchObject({ code: "INVALID", issues: [{ path: "currentPassword" }] });
    }
    expect(await change(TEST_PASSWORD)).toMatchObject({ code: "RATE_LIMITED" });
    expect((await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ip: address, now: NOW })).status).toBe(
      "rate-limited",
    );
    // Nothing changed: the old password still opens the account from elsewhere once the account's
    // short slow-down has passed (a second after five failures), and no change is audited.
    const elsewhere = await signInWithPassword({
      email: user.email,
      password: TEST_PASSWORD,
      ip: IP,
      now: new Date(NOW.getTime() + 5_000),
    });
    expect(elsewhere.status).toBe("ok");
    expect(await actionsFor(user.id)).not.toContain("user.password_changed");
    // Fifteen minutes later the owner changes it.
    await changeOwnPassword({
      actor,
      input: { currentPassword: TEST_PASSWORD, newPassword: "a brand new password", confirmPassword: "a brand new password" },
      ip: address,
      now: new Date(NOW.getTime() + 16 * 60_000),
    });
    expect(await actionsFor(user.id)).toContain("user.password_changed");
  });
});
