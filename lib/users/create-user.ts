import "server-only";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { findSellerForLink } from "@/lib/users/find-seller";
import { publicUser } from "@/lib/users/public-user";
import { createUserInput, type CreateUserInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

export async function createUser(params: { actor: Actor; input: CreateUserInput; now: Date }): Promise<User> {
  assertCan(params.actor, "users:manage");
  const input = parseInput(createUserInput, params.input);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const seller = await findSellerForLink(tx, input.sellerExternalId);
    // The unique index decides, so two admins creating the same e-mail at once get one account.
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        role: input.role,
        sellerId: seller?.id ?? null,
        createdAt: params.now,
        updatedAt: params.now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) throw conflict(`An account with the e-mail ${input.email} exists already`);
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
