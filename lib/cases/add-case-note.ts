import "server-only";
import type { z } from "zod";
import { db, type Transaction } from "@/db";
import { caseNotes, type Case } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { addCaseNoteInput } from "./case-input";
import { assertCaseAction, lockCase } from "./case-records";

/** An internal note on the case: moderators and admins read it, the seller never does. */
export async function addCaseNote(params: { actor: UserActor; input: z.input<typeof addCaseNoteInput>; now: Date }) {
  assertCan(params.actor, "cases:view-all");
  const input = parseInput(addCaseNoteInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const theCase = await lockCase(tx, input.caseId);
    assertCaseAction(theCase, "add_note", now);
    const note = await insertCaseNote(tx, { theCase, actor, body: input.body, now });
    await recordAudit(tx, {
      actor,
      action: "case.note_added",
      entityType: "case",
      entityId: theCase.id,
      sellerId: theCase.sellerId,
      after: { noteId: note.id },
      at: now,
    });
    return note;
  });
}

/** The note's row, in the caller's transaction (which audits it): also the reinstatement's optional note. */
export async function insertCaseNote(
  tx: Transaction,
  params: { theCase: Pick<Case, "id" | "sellerId">; actor: UserActor; body: string; now: Date },
) {
  const { theCase, actor, body, now } = params;
  const [note] = await tx
    .insert(caseNotes)
    .values({ caseId: theCase.id, sellerId: theCase.sellerId, authorId: actor.userId, body, createdAt: now })
    .returning();
  return note!;
}
