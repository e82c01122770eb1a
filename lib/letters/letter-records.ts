import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Executor, Transaction } from "@/db";
import { letterItems, letterReplies, letters, type Letter } from "@/db/schema";
import { addDays } from "@/lib/cases/case-machine";
import { conflict } from "@/lib/errors";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import type { LetterItemInput } from "./letter-input";

/** What saving a draft and submitting share: the case's letters, looked up within the case only. */

/** The case's one draft, if the seller has begun one. */
export async function findDraft(tx: Transaction, caseId: number): Promise<Letter | undefined> {
  const [draft] = await tx
    .select()
    .from(letters)
    .where(and(eq(letters.caseId, caseId), eq(letters.status, "draft")));
  return draft;
}

/** A new draft of the case, holding the next version number until it is submitted. */
export async function insertDraft(tx: Transaction, theCase: { id: number; sellerId: number }, now: Date): Promise<Letter> {
  const [draft] = await tx
    .insert(letters)
    .values({
      caseId: theCase.id,
      sellerId: theCase.sellerId,
      version: await nextLetterVersion(tx, theCase.id),
      status: "draft",
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return draft!;
}

/** The version number the next letter of the case takes (a draft holds it until it is submitted). */
async function nextLetterVersion(tx: Transaction, caseId: number): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${letters.version}), 0)::int` })
    .from(letters)
    .where(eq(letters.caseId, caseId));
  return (row?.last ?? 0) + 1;
}

/** When the moderator's answer to a letter received at `submittedAt` is due (the policy's days). */
export async function answerDueAt(executor: Executor, submittedAt: Date): Promise<Date> {
  const policy = await getPolicyInForce(executor);
  return addDays(submittedAt, policy.exclusion.letterAnswerDays);
}

/**
 * A new version, or a new draft, waits until the last submitted version is answered: the seller
 * revises what the moderator has read, not a letter still in the queue.
 */
export async function assertNoLetterAwaitingAnswer(tx: Transaction, caseId: number): Promise<void> {
  const [last] = await tx
    .select({ version: letters.version, submittedAt: letters.submittedAt, answerId: letterReplies.id })
    .from(letters)
    .leftJoin(letterReplies, eq(letterReplies.letterId, letters.id))
    .where(and(eq(letters.caseId, caseId), eq(letters.status, "submitted")))
    .orderBy(desc(letters.version))
    .limit(1);
  if (!last || last.answerId !== null) return;
  const dueAt = (await answerDueAt(tx, last.submittedAt!)).toISOString();
  throw conflict(`Version ${last.version} of the letter is waiting for the moderator's answer, due by ${dueAt}`, {
    reason: "letter_awaiting_answer",
    version: last.version,
    answerDueAt: dueAt,
  });
}

/** Replaces a draft's pairs (a submitted letter's are refused by the database's trigger). */
export async function replaceLetterItems(
  tx: Transaction,
  letter: Pick<Letter, "id" | "sellerId">,
  items: readonly Pick<LetterItemInput, "rootCause" | "problem" | "solution">[],
): Promise<void> {
  await tx.delete(letterItems).where(eq(letterItems.letterId, letter.id));
  if (items.length === 0) return;
  await tx.insert(letterItems).values(
    items.map((item, index) => ({
      letterId: letter.id,
      sellerId: letter.sellerId,
      position: index + 1,
      rootCause: item.rootCause,
      problem: item.problem,
      solution: item.solution,
    })),
  );
}
