import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { Role } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { changeUserRole } from "@/lib/users/change-user-role";
import { createUser } from "@/lib/users/create-user";
import { setUserDisabled } from "@/lib/users/set-user-disabled";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const auditEntriesFor = (userId: string) => db.select().from(auditLog).where(eq(auditLog.entityId, userId));

describe("managing users", () => {
  test.each<[Role]>([["seller"], ["moderator"]])(
    "[%s] cannot disable, re-role or create accounts; nothing is written",
    async (role) => {
      const { actor } = await createTestUser(role);
      const { user: target } = await createTestUser("moderator");
      const now = new Date();

      const attempts = [
        setUserDisabled({ actor, input: { userId: target.id, disabled: true, reason: "trying" }, now }),
        changeUserRole({ actor, input: { userId: target.id, role: "admin", reason: "trying" }, now }),
        createUser({
          actor,
          input: { email: "sneaky@test.catalog-guard.test", name: "x", password: "long enough password", role: "admin" },
          now,
        }),
      ];
      for (const attempt of attempts) {
        await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      const [after] = await db.select().from(users).where(eq(users.id, target.id));
      expect(after).toMatchObject({ role: "moderator", disabledAt: null });
      expect(await db.select().from(users).where(eq(users.email, "sneaky@test.catalog-guard.test"))).toHaveLength(0);
      expect((await auditEntriesFor(target.id)).map((e) => e.action)).toEqual(["user.created"]);
    },
  );

  test("[ADMIN] disables a user with a reason; the change and its audit entry are written together", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user: target } = await createTestUser("moderator");
    const now = new Date("2026-05-04T08:00:00Z");

    await setUserDisabled({ actor: admin, input: { userId: target.id, disabled: true, reason: "left the company" }, now });

    const [after] = await db.select().from(users).where(eq(users.id, target.id));
    expect(after?.disabledAt).toEqual(now);
    const entry = (await auditEntriesFor(target.id)).find((e) => e.action === "user.disabled");
    expect(entry).toMatchObject({
      actorUserId: admin.userId,
      actorRole: "admin",
      reason: "left the company",
      before: expect.objectContaining({ disabled: false }),
      after: expect.objectContaining({ disabled: true }),
    });
    expect(JSON.stringify(entry)).not.toContain("argon2");
  });

  test("[ADMIN] a role change to seller needs a known seller id and names the field otherwise", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { user: target } = await createTestUser("moderator");
    const error = await changeUserRole({
      actor: admin,
      input: { userId: target.id, role: "seller", sellerExternalId: "NO-SUCH-SELLER", reason: "moved to a shop" },
      now: new Date(),
    }).catch((e: DomainError) => e);
    expect(error).toMatchObject({ code: "INVALID", issues: [{ path: "sellerExternalId" }] });
    expect((await auditEntriesFor(target.id)).map((e) => e.action)).toEqual(["user.created"]);

    const seller = await createTestSeller();
    const changed = await changeUserRole({
      actor: admin,
      input: { userId: target.id, role: "seller", sellerExternalId: seller.externalId, reason: "moved to a shop" },
      now: new Date(),
    });
    expect(changed).toMatchObject({ role: "seller", sellerId: seller.id });
  });

  test("[ADMIN] bad input names every bad field and writes nothing", async () => {
    const { actor: admin } = await createTestUser("admin");
    const error = await createUser({
      actor: admin,
      input: { email: "not-an-email", name: "", password: "short", role: "seller" },
      now: new Date(),
    }).catch((e: DomainError) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).issues.map((i) => i.path).sort()).toEqual(["email", "name", "password", "sellerExternalId"]);
  });

  test("[ADMIN] cannot lock themselves out", async () => {
    const { actor: admin } = await createTestUser("admin");
    await expect(
      setUserDisabled({ actor: admin, input: { userId: admin.userId, disabled: true, reason: "oops" }, now: new Date() }),
    ).rejects.toMatchObject({ code: "INVALID" });
  });
});
