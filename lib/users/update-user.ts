import "server-only";
import { eq } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { db, type Transaction } from "@/db";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { publicUser, type PublicUser } from "@/lib/users/public-user";

/**
 * Changes one account and writes its audit entry (before, after, reason) in one transaction.
 * `changes` sees the row as it was, locked, and returns the columns to set.
 */
export async function updateUserWithAudit(params: {
  actor: UserActor;
  userId: string;
  action: string;
  reason: string;
  now: Date;
  changes: (tx: Transaction, before: User) => Promise<PgUpdateSetSource<typeof users>>;
}): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, params.userId)).for("update");
    if (!before) throw notFound("The user");
    const [after] = await tx
      .update(users)
      .set({ ...(await params.changes(tx, before)), updatedAt: params.now })
      .where(eq(users.id, params.userId))
      .returning();
    if (!after) throw notFound("The user");
    await recordAudit(tx, {
      actor: params.actor,
      action: params.action,
      entityType: "user",
      entityId: after.id,
      sellerId: after.sellerId ?? before.sellerId,
      before: publicUser(before),
      after: publicUser(after),
      reason: params.reason,
      at: params.now,
    });
    return publicUser(after);
  });
}
