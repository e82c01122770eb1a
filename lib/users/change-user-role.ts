import "server-only";
import type { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { findSellerForLink } from "@/lib/users/find-seller";
import { updateUserWithAudit } from "@/lib/users/update-user";
import { changeRoleInput } from "@/lib/users/user-input";
import { fieldIssue, parseInput } from "@/lib/validation";

/** Changes a user's role (and seller link); effective on the user's next request. */
export async function changeUserRole(params: { actor: UserActor; input: z.input<typeof changeRoleInput>; now: Date }) {
  assertCan(params.actor, "users:manage");
  const input = parseInput(changeRoleInput, params.input);
  if (input.userId === params.actor.userId) {
    throw invalid("You cannot change your own role", [fieldIssue("role", { key: "ownRole" })]);
  }
  return updateUserWithAudit({
    actor: params.actor,
    userId: input.userId,
    action: "user.role_changed",
    reason: input.reason,
    now: params.now,
    changes: async (tx) => {
      const seller = await findSellerForLink(tx, input.sellerExternalId);
      return { role: input.role, sellerId: seller?.id ?? null };
    },
  });
}
