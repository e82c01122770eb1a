import "server-only";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { db, type Transaction } from "@/db";
import { users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";
import { publicUser, type PublicUser } from "@/lib/users/public-user";

/**
 * Taken by every change to an account, first thing in its transaction: changes that could take
 * away an admin happen one after another, so each counts the admins the one before it left. Two
 * admins demoting each other at once: the second finds itself the last one and is refused.
 */
const ACCOUNT_CHANGES_LOCK = 0x5c_0a_d3_14;

const isEnabledAdmin = (user: User) => user.role === "admin" && user.disabledAt == null;

/** The refusal when a change would leave no enabled admin (worded by the form's catalog: `last_admin`). */
export const lastAdminRefusal = () =>
  conflict("This is the last enabled admin: make another account an admin first", { reason: "last_admin" });

/**
 * Changes one account and writes its audit entry (before, after, reason) in one transaction.
 * `changes` sees the row as it was, locked, and returns the columns to set; `action` may depend on
 * it. A change that would leave no enabled admin is refused and nothing is written.
 */
export async function updateUserWithAudit(params: {
  actor: UserActor;
  userId: string;
  action: string | ((before: User) => string);
  reason: string;
  now: Date;
  changes: (tx: Transaction, before: User) => Promise<PgUpdateSetSource<typeof users>>;
}): Promise<PublicUser> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_CHANGES_LOCK})`);
    const [before] = await tx.select().from(users).where(eq(users.id, params.userId)).for("update");
    if (!before) throw notFound("The user");
    const [after] = await tx
      .update(users)
      .set({ ...(await params.changes(tx, before)), updatedAt: params.now })
      .where(eq(users.id, params.userId))
      .returning();
    if (!after) throw notFound("The user");
    if (isEnabledAdmin(before) && !isEnabledAdmin(after)) {
      const [admins] = await tx
        .select({ total: count() })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
      if (!admins?.total) throw lastAdminRefusal();
    }
    await recordAudit(tx, {
      actor: params.actor,
      action: typeof params.action === "function" ? params.action(before) : params.action,
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
