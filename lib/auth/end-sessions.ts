import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { actorFromUser } from "@/lib/auth/actor";

/** Signs a user out everywhere: sessions carry the version they were issued with. Audited. */
export async function endSessions(userId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning();
    if (!user) return;
    await recordAudit(tx, {
      actor: actorFromUser(user),
      action: "auth.sign_out",
      entityType: "user",
      entityId: user.id,
      sellerId: user.sellerId,
      at: now,
    });
  });
}
