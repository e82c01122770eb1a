import "server-only";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { assertCan } from "@/lib/auth/permissions";
import type { CreatedUser } from "@/lib/users/create-user";
import { generateTemporaryPassword } from "@/lib/users/temporary-password";
import { updateUserWithAudit } from "@/lib/users/update-user";
import { resetPasswordInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

/**
 * Gives an account a new temporary password, returned this once for the admin to pass on. Every
 * session of the account ends at once, and the user must set their own password at the next sign-in.
 */
export async function resetUserPassword(params: {
  actor: UserActor;
  input: z.input<typeof resetPasswordInput>;
  now: Date;
}): Promise<CreatedUser> {
  assertCan(params.actor, "users:manage");
  const input = parseInput(resetPasswordInput, params.input);
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await updateUserWithAudit({
    actor: params.actor,
    userId: input.userId,
    action: "user.password_reset",
    reason: input.reason,
    now: params.now,
    changes: async () => ({
      passwordHash,
      passwordChangeRequired: true,
      sessionVersion: sql`${users.sessionVersion} + 1`,
    }),
  });
  return { user, temporaryPassword };
}
