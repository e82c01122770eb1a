import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { invalid, notFound } from "@/lib/errors";
import { publicUser } from "@/lib/users/create-user";
import { findSellerForLink } from "@/lib/users/find-seller";
import { changeRoleInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

/** Changes a user's role (and seller link); effective on the user's next request. */
export async function changeUserRole(params: { actor: UserActor; input: z.input<typeof changeRoleInput>; now: Date }) {
  assertCan(params.actor, "users:manage");
  const input = parseInput(changeRoleInput, params.input);
  if (input.userId === params.actor.userId) {
    throw invalid("You cannot change your own role", [{ path: "role", message: "You cannot change your own role" }]);
  }
  return db.transaction(async (tx) => {
    const before = await tx.query.users.findFirst({ where: eq(users.id, input.userId) });
    if (!before) throw notFound("The user");
    const seller = input.role === "seller" ? await findSellerForLink(tx, input.sellerExternalId) : null;
    if (input.role === "seller" && !seller) {
      throw invalid("A seller account must be linked to a seller id", [
        { path: "sellerExternalId", message: "A seller account must be linked to a seller id" },
      ]);
    }
    const [after] = await tx
      .update(users)
      .set({ role: input.role, sellerId: seller?.id ?? null, updatedAt: params.now })
      .where(eq(users.id, input.userId))
      .returning();
    if (!after) throw notFound("The user");
    await recordAudit(tx, {
      actor: params.actor,
      action: "user.role_changed",
      entityType: "user",
      entityId: after.id,
      sellerId: after.sellerId ?? before.sellerId,
      before: publicUser(before),
      after: publicUser(after),
      reason: input.reason,
      at: params.now,
    });
    return publicUser(after);
  });
}
