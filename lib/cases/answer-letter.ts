import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { letterReplies, letters, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { answerLetterInput } from "./case-input";
import { assertCaseAction, lockCase, queueSellerNotification } from "./case-records";

/** The moderator's answer to a submitted letter: accept it, or ask for changes (a new version). */
export async function answerLetter(params: { actor: UserActor; input: z.input<typeof answerLetterInput>; now: Date }) {
  assertCan(params.actor, "letters:answer");
  const input = parseInput(answerLetterInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const [letter] = await tx.select().from(letters).where(eq(letters.id, input.letterId));
    // A draft is the seller's own until submitted: to a moderator it does not exist yet.
    if (!letter || letter.status !== "submitted") throw notFound(`Letter ${input.letterId}`);
    const theCase = await lockCase(tx, letter.caseId);
    assertCaseAction(theCase, "answer_letter", now);
    const [answered] = await tx
      .select({ by: users.email, at: letterReplies.createdAt })
      .from(letterReplies)
      .innerJoin(users, eq(users.id, letterReplies.moderatorId))
      .where(eq(letterReplies.letterId, letter.id));
    if (answered)
      throw conflict(`This letter was already answered by ${answered.by} at ${answered.at.toISOString()}`, {
        reason: "letter_answered",
        answeredBy: answered.by,
        answeredAt: answered.at.toISOString(),
      });

    const [reply] = await tx
      .insert(letterReplies)
      .values({
        letterId: letter.id,
        caseId: theCase.id,
        sellerId: theCase.sellerId,
        moderatorId: actor.userId,
        verdict: input.verdict,
        message: input.message,
        createdAt: now,
      })
      .returning();
    await queueSellerNotification(tx, {
      sellerId: theCase.sellerId,
      caseId: theCase.id,
      payload: {
        kind: "letter_answered",
        caseId: theCase.id,
        letterId: letter.id,
        letterVersion: letter.version,
        verdict: input.verdict,
        message: input.message,
      },
      now,
    });
    await recordAudit(tx, {
      actor,
      action: input.verdict === "accepted" ? "letter.accepted" : "letter.changes_requested",
      entityType: "letter",
      entityId: letter.id,
      sellerId: theCase.sellerId,
      before: { caseId: theCase.id, version: letter.version, answered: false },
      after: { caseId: theCase.id, version: letter.version, verdict: input.verdict },
      reason: input.message,
      at: now,
    });
    return reply!;
  });
}
