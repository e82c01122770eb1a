import { and, count, eq, isNull } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { changeUserRole } from "@/lib/users/change-user-role";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-02T09:00:00Z");
const enabledAdmins = async () =>
  (
    await db
      .select({ total: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
  )[0]!.total;

describe("the last enabled admin", () => {
  // Each test counts admins from nothing: the accounts other tests of this file made are put aside.
  beforeEach(async () => {
    await db.update(users).set({ disabledAt: NOW }).where(eq(users.role, "admin"));
  });

  test("[ADMIN] the only admin cannot step down; the refusal says why and nothing is written", async () => {
    const { actor: admin } = await createTestUser("admin");
    const error = await changeUserRole({
      actor: admin,
      input: { userId: admin.userId, role: "moderator", reason: "stepping down" },
      now: NOW,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", details: { reason: "last_admin" } });
    expect(await enabledAdmins()).toBe(1);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, admin.userId), eq(auditLog.action, "user.role_changed"))),
    ).toHaveLength(0);
  });

  test("[ADMIN] with another admin enabled, an admin may step down", async () => {
    const { actor: first } = await createTestUser("admin");
    await createTestUser("admin");
    await changeUserRole({ actor: first, input: { userId: first.userId, role: "moderator", reason: "stepping down" }, now: NOW });
    expect(await enabledAdmins()).toBe(1);
  });

  test.each([
    [
      "demoting",
      (actor: Awaited<ReturnType<typeof createTestUser>>["actor"], userId: string) =>
        changeUserRole({ actor, input: { userId, role: "moderator", reason: "taking over" }, now: NOW }),
    ],
    [
      "disabling",
      (actor: Awaited<ReturnType<typeof createTestUser>>["actor"], userId: string) =>
        setUserDisabled({ actor, input: { userId, disabled: true, reason: "taking over" }, now: NOW }),
    ],
  ])(
    "[ADMIN] two admins %s each other at the same moment: one wins, the other is refused, one admin remains",
    async (_, change) => {
      for (let round = 0; round < 5; round++) {
        await db.update(users).set({ disabledAt: NOW }).where(eq(users.role, "admin"));
        const { actor: a } = await createTestUser("admin");
        const { actor: b } = await createTestUser("admin");
        const outcomes = await Promise.allSettled([change(a, b.userId), change(b, a.userId)]);
        expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
        const refused = outcomes.find((outcome) => outcome.status === "rejected");
        expect(refused?.reason).toMatchObject({ code: "CONFLICT", details: { reason: "last_admin" } });
        expect(await enabledAdmins()).toBe(1);
      }
    },
  );
});
