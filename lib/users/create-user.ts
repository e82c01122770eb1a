import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { findSellerForLink } from "@/lib/users/find-seller";
import { createUserInput, type CreateUserInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

export async function createUser(params: { actor: Actor; input: CreateUserInput; now: Date }): Promise<User> {
  assertCan(params.actor, "users:manage");
  const input = parseInput(createUserInput, params.input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const seller = input.role === "seller" ? await findSellerForLink(tx, input.sellerExternalId) : null;
    const existing = await tx.query.users.findFirst({ where: eq(users.email, input.email) });
    if (existing) throw conflict(`An account with the e-mail ${input.email} exists already`);
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: input.role, sellerId: seller?.id ?? null, createdAt: params.now, updatedAt: params.now })
      .returning();
    if (!user) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actor: params.actor,
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      sellerId: user.sellerId,
      after: publicUser(user),
      at: params.now,
    });
    return user;
  });
}

/** What of a user may appear in the audit trail and in lists: never the password hash. */
export function publicUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sellerId: user.sellerId,
    disabled: user.disabledAt != null,
  };
}
