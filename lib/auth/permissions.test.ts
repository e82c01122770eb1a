import { describe, expect, test } from "vitest";
import { ROLES, type Role } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { PERMISSIONS, assertCan, can, type Permission } from "@/lib/auth/permissions";

const MODERATOR_WORK: Permission[] = ["flags:triage", "cases:view-all", "cases:decide", "letters:answer", "fake-reviews:decide"];
const ADMIN_ONLY: Permission[] = [
  "policy:edit",
  "users:manage",
  "api-keys:manage",
  "audit:read",
  "audit:verify",
  "imports:run",
  "outbox:view",
  "outbox:retry",
];

describe("the permission matrix", () => {
  test.each(MODERATOR_WORK)("[SELLER] cannot %s; moderators and admins can", (permission) => {
    expect(can("seller", permission)).toBe(false);
    expect(can("moderator", permission)).toBe(true);
    expect(can("admin", permission)).toBe(true);
  });

  test.each(ADMIN_ONLY)("only [ADMIN] may %s", (permission) => {
    expect(ROLES.filter((role) => can(role, permission))).toEqual(["admin"]);
  });

  test("[ADMIN] can do everything a moderator can", () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (can("moderator", permission)) expect(can("admin", permission)).toBe(true);
    }
  });

  test("only sellers use the seller portal", () => {
    expect(ROLES.filter((role) => can(role, "seller-portal:use"))).toEqual(["seller"]);
  });

  test("assertCan refuses a user without the permission and an API key acting outside the API", () => {
    const seller = { kind: "user", userId: "u", role: "seller" as Role, sellerId: 1, label: "s" } as const;
    expect(() => assertCan(seller, "users:manage")).toThrow(/permission/);
    expect(() => assertCan({ kind: "api-key", apiKeyId: 1, label: "k" }, "users:manage")).toThrow(/permission/);
    expect(() => assertCan(SYSTEM_ACTOR, "users:manage")).not.toThrow();
  });
});
