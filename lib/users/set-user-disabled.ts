import "server-only";
import { eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { invalid, notFound } from "@/lib/errors";
import { publicUser } from "@/lib/users/create-user";
import { setDisabledInput } from "@/lib/users/user-input";
import { parseInput } from "@/lib/validation";

/** Disables or re-enables an account. A disabled user's open sessions stop working at once. */
export async function setUserDisabled(params: {
  actor: UserActor;
  input: z.input<typeof setDisabledInput>;
  now: Date;
}) {
  assertCan(params.actor, "users:manage");
  const input = parseInput(setDisabledInput, params.input);
  if (input.userId === params.actor.userId && input.disabled) {
    throw invalid("You cannot disable your own account", [{ path: "userId", message: "You cannot disable your own account" }]);
  }
  return db.transaction(async (tx) => {
    const before = await tx.query.users.findFirst({ where: eq(users.id, input.userId) });
    if (!before) throw notFound("The user");
    const [after] = await tx
      .update(users)
      .set({
        disabledAt: input.disabled ? params.now : null,
        // Disabling voids the account's sessions for good: enabling it again does not revive them.
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: params.now,
      })
      .where(eq(users.id, input.userId))
      .returning();
    if (!after) throw notFound("The user");
    await recordAudit(tx, {
      actor: params.actor,
      action: input.disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: after.id,
      sellerId: after.sellerId,
      before: publicUser(before),
      after: publicUser(after),
      reason: input.reason,
      at: params.now,
    });
    return publicUser(after);
  });
}
