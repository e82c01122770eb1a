import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { invalid, notFound } from "@/lib/errors";
import { publicUser } from "@/lib/users/public-user";
import { changeOwnPasswordInput } from "@/lib/users/user-input";
import { fieldIssue, parseInput } from "@/lib/validation";

/**
 * The signed-in user replaces their password, the temporary one an admin gave them or their own:
 * the current password must match. Clears the demand to change it, so the app opens again. Audited.
 */
export async function changeOwnPassword(params: {
  actor: UserActor;
  input: z.input<typeof changeOwnPasswordInput>;
  now: Date;
}): Promise<{ changed: true }> {
  const input = parseInput(changeOwnPasswordInput, params.input);
  const stored = await db.query.users.findFirst({ where: eq(users.id, params.actor.userId) });
  if (!stored) throw notFound("The account");
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    throw invalid("The current password is not right", [fieldIssue("currentPassword", { key: "passwordWrong" })]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, stored.id)).for("update");
    // Another change of the password meanwhile (an admin's reset): this form's current password is stale.
    if (!before || before.passwordHash !== stored.passwordHash) {
      throw invalid("The password was changed meanwhile", [fieldIssue("currentPassword", { key: "passwordWrong" })]);
    }
    const [after] = await tx
      .update(users)
      .set({ passwordHash, passwordChangeRequired: false, updatedAt: params.now })
      .where(eq(users.id, stored.id))
      .returning();
    await recordAudit(tx, {
      actor: params.actor,
      action: "user.password_changed",
      entityType: "user",
      entityId: stored.id,
      sellerId: stored.sellerId,
      before: publicUser(before),
      after: publicUser(after!),
      at: params.now,
    });
  });
  return { changed: true };
}
