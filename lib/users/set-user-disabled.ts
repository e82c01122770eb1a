import "server-only";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { updateUserWithAudit } from "@/lib/users/update-user";
import { setDisabledInput } from "@/lib/users/user-input";
import { fieldIssue, parseInput } from "@/lib/validation";

/** Disables or re-enables an account. A disabled user's open sessions stop working at once. */
export async function setUserDisabled(params: { actor: UserActor; input: z.input<typeof setDisabledInput>; now: Date }) {
  assertCan(params.actor, "users:manage");
  const input = parseInput(setDisabledInput, params.input);
  if (input.userId === params.actor.userId && input.disabled) {
    throw invalid("You cannot disable your own account", [fieldIssue("userId", { key: "ownAccount" })]);
  }
  return updateUserWithAudit({
    actor: params.actor,
    userId: input.userId,
    action: input.disabled ? "user.disabled" : "user.enabled",
    reason: input.reason,
    now: params.now,
    changes: async () => ({
      disabledAt: input.disabled ? params.now : null,
      // Disabling voids the account's sessions for good: enabling it again does not revive them.
      sessionVersion: sql`${users.sessionVersion} + 1`,
    }),
  });
}
