import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { letters } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCaseAction } from "@/lib/cases/case-records";
import { lockOwnCase } from "@/lib/cases/seller-case-access";
import { conflict } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { saveLetterDraftInput } from "./letter-input";
import { assertNoLetterAwaitingAnswer, findDraft, insertDraft, replaceLetterItems } from "./letter-records";

/**
 * Saves the seller's draft of the next letter version (the case's one draft, kept in the database,
 * so it follows the seller to another device), its pairs replaced by the form's.
 *
 * Not audited, on purpose: the form saves a few seconds after every pause in typing, so entries
 * would drown the case timeline, and a draft is nobody's decision — no one else sees it, and it
 * changes nothing about the case. What the audit trail keeps is the submitted letter (submitLetter).
 */
export async function saveLetterDraft(params: {
  actor: UserActor;
  input: z.input<typeof saveLetterDraftInput>;
  now: Date;
}): Promise<{ letterId: number; version: number; savedAt: string }> {
  const input = parseInput(saveLetterDraftInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const theCase = await lockOwnCase(tx, actor, input.caseId);
    assertCaseAction(theCase, "write_letter", now);
    await assertNoLetterAwaitingAnswer(tx, theCase.id);

    let draft = await findDraft(tx, theCase.id);
    // Another tab or device saved since this form last did (or began a draft this form never saw).
    if (draft && draft.updatedAt.toISOString() !== input.savedAt) {
      const savedAt = draft.updatedAt.toISOString();
      throw conflict(`The draft was saved elsewhere at ${savedAt}`, { reason: "draft_changed", savedAt });
    }
    if (draft) {
      [draft] = await tx.update(letters).set({ updatedAt: now }).where(eq(letters.id, draft.id)).returning();
    } else {
      draft = await insertDraft(tx, theCase, now);
    }
    await replaceLetterItems(tx, draft!, input.items);
    return { letterId: draft!.id, version: draft!.version, savedAt: draft!.updatedAt.toISOString() };
  });
}
