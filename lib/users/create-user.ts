import "server-only";
import type { z } from "zod";
import { db } from "@/db";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { findSellerForLink } from "@/lib/users/find-seller";
import { publicUser, type PublicUser } from "@/lib/users/public-user";
import { generateTemporaryPassword } from "@/lib/users/temporary-password";
import { createUserByAdminInput, createUserInput, type CreateUserInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

type NewAccount = z.output<typeof createUserByAdminInput>;

/** An account with the password given (the command line, the seed, the tests): no change is asked for. */
export async function createUser(params: { actor: Actor; input: CreateUserInput; now: Date }): Promise<User> {
  assertCan(params.actor, "users:manage");
  const input = parseInput(createUserInput, params.input);
  return insertUser({
    actor: params.actor,
    account: input,
    password: input.password,
    passwordChangeRequired: false,
    now: params.now,
  });
}

export type CreatedUser = { user: PublicUser; temporaryPassword: string };

/**
 * An account an admin makes: the server chooses a temporary password, returned this once for the
 * admin to pass on, and the user must set their own at the first sign-in. (There is no mail for
 * accounts: the admin passes the password on.)
 */
export async function createUserWithTemporaryPassword(params: {
  actor: UserActor;
  input: z.input<typeof createUserByAdminInput>;
  now: Date;
}): Promise<CreatedUser> {
  assertCan(params.actor, "users:manage");
  const account = parseInput(createUserByAdminInput, params.input);
  const temporaryPassword = generateTemporaryPassword();
  const user = await insertUser({
    actor: params.actor,
    account,
    password: temporaryPassword,
    passwordChangeRequired: true,
    now: params.now,
  });
  return { user: publicUser(user), temporaryPassword };
}

async function insertUser(params: {
  actor: Actor;
  account: NewAccount;
  password: string;
  passwordChangeRequired: boolean;
  now: Date;
}): Promise<User> {
  const { account, now } = params;
  const passwordHash = await hashPassword(params.password);
  return db.transaction(async (tx) => {
    const seller = await findSellerForLink(tx, account.sellerExternalId);
    // The unique index decides, so two admins creating the same e-mail at once get one account.
    const [user] = await tx
      .insert(users)
      .values({
        email: account.email,
        name: account.name,
        passwordHash,
        role: account.role,
        sellerId: seller?.id ?? null,
        passwordChangeRequired: params.passwordChangeRequired,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) throw conflict(`An account with the e-mail ${account.email} exists already`);
    await recordAudit(tx, {
      actor: params.actor,
      action: "user.created",
      entityType: "user",
      entityId: user.id,
      sellerId: user.sellerId,
      after: publicUser(user),
      at: now,
    });
    return user;
  });
}
