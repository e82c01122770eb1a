import "server-only";
import type { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { findSellerForLink } from "@/lib/users/find-seller";
import { updateUserWithAudit } from "@/lib/users/update-user";
import { changeRoleInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

/**
 * Changes a user's role and seller link, effective on the user's next request: a seller account
 * needs its seller, and leaving the seller role unlinks it. The same role with another seller is
 * a re-link (`user.seller_linked`). An admin may step down only while another enabled admin remains.
 */
export async function changeUserRole(params: { actor: UserActor; input: z.input<typeof changeRoleInput>; now: Date }) {
  assertCan(params.actor, "users:manage");
  const input = parseInput(changeRoleInput, params.input);
  let sellerId: number | null = null;
  return updateUserWithAudit({
    actor: params.actor,
    userId: input.userId,
    action: (before) => (before.role === input.role && before.sellerId !== sellerId ? "user.seller_linked" : "user.role_changed"),
    reason: input.reason,
    now: params.now,
    changes: async (tx) => {
      sellerId = (await findSellerForLink(tx, input.sellerExternalId))?.id ?? null;
      return { role: input.role, sellerId };
    },
  });
}
