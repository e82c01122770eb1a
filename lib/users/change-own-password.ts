import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { failPasswordAttempt, startPasswordAttempt, succeedPasswordAttempt } from "@/lib/auth/sign-in";
import { DomainError, invalid, notFound } from "@/lib/errors";
import { publicUser } from "@/lib/users/public-user";
import { changeOwnPasswordInput } from "@/lib/users/user-input";
import { fieldIssue, parseInput } from "@/lib/validation";

/**
 * The signed-in user replaces their password, the temporary one an admin gave them or their own:
 * the current password must match. Clears the demand to change it, so the app opens again. Audited.
 * Each check of the current password counts as a sign-in attempt from `ip` (lib/auth/sign-in.ts):
 * a session left open is no way to guess the password past the sign-in limits.
 */
export async function changeOwnPassword(params: {
  actor: UserActor;
  input: z.input<typeof changeOwnPasswordInput>;
  ip: string;
  now: Date;
}): Promise<{ changed: true }> {
  const input = parseInput(changeOwnPasswordInput, params.input);
  const stored = await db.query.users.findFirst({ where: eq(users.id, params.actor.userId) });
  if (!stored) throw notFound("The account");
  const attempt = await startPasswordAttempt({ email: stored.email, ip: params.ip, now: params.now });
  if (attempt.retryAfterSeconds > 0) {
    throw new DomainError("RATE_LIMITED", `Too many wrong passwords: try again in ${attempt.retryAfterSeconds} s`);
  }
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    await failPasswordAttempt(attempt.attemptId);
    throw invalid("The current password is not right", [fieldIssue("currentPassword", { key: "passwordWrong" })]);
  }
  // Settled now: the right password counts as no failure, whatever happens to the change below.
  await succeedPasswordAttempt(attempt.attemptId);
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
