import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor, Transaction } from "@/db";
import { cases, type Case } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

/**
 * The one door of every seller read and write on a case. A seller reaches only cases of the seller
 * their account is linked to; another seller's case id is answered exactly like an id that does
 * not exist (not found), so ids cannot be probed.
 */
export function ownSellerId(actor: UserActor): number {
  assertCan(actor, "seller-portal:use");
  if (actor.sellerId == null) throw notFound("Your seller account");
  return actor.sellerId;
}

/** The signed-in seller's own case `caseId`, read without a lock (pages). */
export async function findOwnCase(executor: Executor, actor: UserActor, caseId: number): Promise<Case> {
  const sellerId = ownSellerId(actor);
  const [found] = await executor
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.sellerId, sellerId)));
  if (!found) throw notFound(`Case ${caseId}`);
  return found;
}

/**
 * The signed-in seller's own case, locked until commit (actions): the seller's work and the
 * moderator's decision on one case run one after the other, so nothing lands on a closed case.
 */
export async function lockOwnCase(tx: Transaction, actor: UserActor, caseId: number): Promise<Case> {
  const sellerId = ownSellerId(actor);
  const [found] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.sellerId, sellerId)))
    .for("update");
  if (!found) throw notFound(`Case ${caseId}`);
  return found;
}
