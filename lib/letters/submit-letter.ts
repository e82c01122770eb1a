import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { db, type Executor } from "@/db";
import { letters, type Letter } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCaseAction } from "@/lib/cases/case-records";
import { lockOwnCase, ownSellerId } from "@/lib/cases/seller-case-access";
import { isUniqueViolation } from "@/lib/database-errors";
import { parseInput } from "@/lib/validation";
import { submitLetterInput } from "./letter-input";
import { answerDueAt, assertNoLetterAwaitingAnswer, findDraft, insertDraft, replaceLetterItems } from "./letter-records";

export type SubmittedLetter = { letterId: number; caseId: number; version: number; submittedAt: Date; answerDueAt: Date };

/**
 * The seller sends their letter: the draft (or, without one, a new row) becomes an immutable
 * version, received now, for the moderator to answer within the policy's days.
 *
 * Idempotent by `submitKey`: a double click or a retried request with the same key gets the letter
 * the first one made and writes nothing. The case lock makes two such requests run one after the
 * other, so the second finds the first's letter; the unique index letters_submit_key_idx is the
 * guarantee underneath, and should it refuse a row, the loser answers with the winner's letter.
 */
export async function submitLetter(params: {
  actor: UserActor;
  input: z.input<typeof submitLetterInput>;
  now: Date;
}): Promise<SubmittedLetter> {
  const input = parseInput(submitLetterInput, params.input);
  const { actor, now } = params;
  try {
    return await db.transaction(async (tx) => {
      const theCase = await lockOwnCase(tx, actor, input.caseId);
      const made = await findBySubmitKey(tx, theCase.id, input.submitKey);
      if (made) return submitted(tx, made);
      assertCaseAction(theCase, "write_letter", now);
      await assertNoLetterAwaitingAnswer(tx, theCase.id);

      const draft = (await findDraft(tx, theCase.id)) ?? (await insertDraft(tx, theCase, now));
      // The pairs go in while the row is still a draft: from the status change on, the trigger
      // refuses any change to the letter or its items.
      await replaceLetterItems(tx, draft, input.items);
      const [letter] = await tx
        .update(letters)
        .set({ status: "submitted", submittedAt: now, submittedBy: actor.userId, submitKey: input.submitKey, updatedAt: now })
        .where(eq(letters.id, draft.id))
        .returning();
      await recordAudit(tx, {
        actor,
        action: "letter.submitted",
        entityType: "letter",
        entityId: letter!.id,
        sellerId: theCase.sellerId,
        after: { caseId: theCase.id, version: letter!.version, pairs: input.items.length },
        at: now,
      });
      return submitted(tx, letter!);
    });
  } catch (error) {
    if (!isUniqueViolation(error, "letters_submit_key_idx")) throw error;
    const [winner] = await db
      .select()
      .from(letters)
      .where(
        and(eq(letters.sellerId, ownSellerId(actor)), eq(letters.caseId, input.caseId), eq(letters.submitKey, input.submitKey)),
      );
    if (!winner) throw error;
    return submitted(db, winner);
  }
}

async function findBySubmitKey(executor: Executor, caseId: number, submitKey: string): Promise<Letter | undefined> {
  const [found] = await executor
    .select()
    .from(letters)
    .where(and(eq(letters.caseId, caseId), eq(letters.submitKey, submitKey)));
  return found;
}

async function submitted(executor: Executor, letter: Letter): Promise<SubmittedLetter> {
  const submittedAt = letter.submittedAt!;
  return {
    letterId: letter.id,
    caseId: letter.caseId,
    version: letter.version,
    submittedAt,
    answerDueAt: await answerDueAt(executor, submittedAt),
  };
}
