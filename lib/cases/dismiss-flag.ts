import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { flags, type Flag } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { flagTransition, type FlagState } from "./case-machine";
import { dismissFlagInput } from "./case-input";

/** Triages a flag without a case, with the written reason (a flag is triaged once). */
export async function dismissFlag(params: {
  actor: UserActor;
  input: z.input<typeof dismissFlagInput>;
  now: Date;
}): Promise<Flag> {
  assertCan(params.actor, "flags:triage");
  const input = parseInput(dismissFlagInput, params.input);
  return db.transaction(async (tx) => {
    const [flag] = await tx.select().from(flags).where(eq(flags.id, input.flagId)).for("update");
    if (!flag) throw notFound(`Flag ${input.flagId}`);
    const transition = flagTransition(flag.status as FlagState, "dismiss");
    if (!transition.isAllowed) throw conflict(transition.reason, { reason: "flag_triaged" });
    const [dismissed] = await tx
      .update(flags)
      .set({ status: "dismissed", triagedBy: params.actor.userId, triagedAt: params.now, dismissReason: input.reason })
      .where(eq(flags.id, flag.id))
      .returning();
    await recordAudit(tx, {
      actor: params.actor,
      action: "flag.dismissed",
      entityType: "flag",
      entityId: flag.id,
      sellerId: flag.sellerId,
      before: { status: flag.status },
      after: { status: "dismissed" },
      reason: input.reason,
      at: params.now,
    });
    return dismissed!;
  });
}
