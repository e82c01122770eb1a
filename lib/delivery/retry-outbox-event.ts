import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { outboxEvents } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { retryOutboxEventInput } from "@/lib/delivery/outbox-input";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * Makes a pending catalog event due now instead of at its next attempt (after the receiver was
 * fixed, say). Its place in the seller's order stays: an older event of the seller that is still
 * undelivered goes first. The change and its audit entry commit together; a delivered event is a
 * conflict, an unknown one not found.
 */
export async function retryOutboxEvent(params: { actor: Actor; eventId: number; now: Date }) {
  assertCan(params.actor, "outbox:retry");
  const { eventId } = parseInput(retryOutboxEventInput, { eventId: params.eventId });
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(outboxEvents).where(eq(outboxEvents.id, eventId)).for("update");
    if (!before) throw notFound("The event");
    if (before.deliveredAt) throw conflict("The event was delivered already");
    const [after] = await tx
      .update(outboxEvents)
      .set({ nextAttemptAt: params.now })
      .where(eq(outboxEvents.id, eventId))
      .returning();
    await recordAudit(tx, {
      actor: params.actor,
      action: "outbox.retry_requested",
      entityType: "outbox-event",
      entityId: eventId,
      sellerId: before.sellerId,
      before: {
        type: before.type,
        attempts: before.attempts,
        nextAttemptAt: before.nextAttemptAt.toISOString(),
        lastError: before.lastError,
      },
      after: { type: before.type, attempts: before.attempts, nextAttemptAt: params.now.toISOString() },
      at: params.now,
    });
    return { id: eventId, nextAttemptAt: after!.nextAttemptAt };
  });
}
