import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { caseDecisions, cases, notifications, outboxEvents, sellers, users, type Case } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import type { NotificationPayload, OutboxEvent } from "@/lib/notifications/notification-kinds";
import { caseTransition, effectiveCaseStatus, type CaseAction } from "./case-machine";

/**
 * What every case action shares: the case row locked for the transaction, the state machine's
 * verdict, the optimistic version check, and the rows that tell the seller and the catalog.
 */

/** Locks the case until commit: decisions on one case run one after the other. */
export async function lockCase(tx: Transaction, caseId: number): Promise<Case> {
  const [found] = await tx.select().from(cases).where(eq(cases.id, caseId)).for("update");
  if (!found) throw notFound(`Case ${caseId}`);
  return found;
}

/**
 * Refuses an action the case's state does not permit at `now`, naming why: a decision before the
 * re-check date is too early (from when), a closed case is closed; returns the state it leads to.
 */
export function assertCaseAction(theCase: Case, action: CaseAction, now: Date) {
  const status = effectiveCaseStatus(theCase, now);
  const transition = caseTransition(status, action);
  if (transition.isAllowed) return transition.next;
  if (status === "REINSTATED") throw conflict(transition.reason, { reason: "case_closed" });
  if (status === "EXCLUDED" && (action === "reinstate" || action === "extend"))
    throw tooEarly(transition.reason, theCase.recheckAt);
  throw conflict(transition.reason, { reason: "not_permitted_now" });
}

/** A decision before the moment it becomes possible. */
export const tooEarly = (message: string, possibleFrom: Date) =>
  conflict(message, { reason: "too_early", possibleFrom: possibleFrom.toISOString() });

/**
 * A decision made on an older version of the case (a stale form, or the loser of two moderators
 * deciding at once) is refused, naming who decided in between.
 */
export async function assertCaseVersion(tx: Transaction, theCase: Case, expectedVersion: number): Promise<void> {
  if (theCase.version === expectedVersion) return;
  const [latest] = await tx
    .select({ kind: caseDecisions.kind, decidedAt: caseDecisions.decidedAt, by: users.email })
    .from(caseDecisions)
    .innerJoin(users, eq(users.id, caseDecisions.decidedBy))
    .where(eq(caseDecisions.caseId, theCase.id))
    .orderBy(desc(caseDecisions.caseVersion))
    .limit(1);
  const what = latest
    ? `${latest.kind === "reinstate" ? "reinstated" : "extended"} by ${latest.by} at ${latest.decidedAt.toISOString()}`
    : "changed by someone else";
  throw conflict(
    `This case was just ${what}. Reload the case to see the decision; nothing was saved.`,
    latest
      ? { reason: "case_decided", decision: latest.kind, decidedBy: latest.by, decidedAt: latest.decidedAt.toISOString() }
      : { reason: "case_changed" },
  );
}

/** Bumps the version (the case changed for everyone holding a form on it) with the new fields. */
export async function updateCaseVersioned(tx: Transaction, theCase: Case, changes: Partial<Case>, now: Date): Promise<Case> {
  const [updated] = await tx
    .update(cases)
    .set({ ...changes, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, theCase.id))
    .returning();
  if (!updated) throw notFound(`Case ${theCase.id}`);
  return updated;
}

export async function queueSellerNotification(
  tx: Transaction,
  params: { sellerId: number; caseId: number; payload: NotificationPayload; now: Date },
) {
  await tx.insert(notifications).values({
    sellerId: params.sellerId,
    caseId: params.caseId,
    kind: params.payload.kind,
    payload: params.payload,
    createdAt: params.now,
  });
}

/**
 * An event for the marketplace (the catalog's exclusions and reinstatements, the seller's public
 * replies), in the transaction of the change: delivered at least once afterwards, signed.
 */
export async function queueOutboxEvent(tx: Transaction, params: OutboxEvent & { sellerId: number; now: Date }) {
  await tx.insert(outboxEvents).values({
    sellerId: params.sellerId,
    type: params.type,
    payload: params.payload,
    createdAt: params.now,
    nextAttemptAt: params.now,
  });
}

export async function sellerExternalId(tx: Transaction, sellerId: number): Promise<string> {
  const [seller] = await tx.select({ externalId: sellers.externalId }).from(sellers).where(eq(sellers.id, sellerId));
  if (!seller) throw notFound(`Seller ${sellerId}`);
  return seller.externalId;
}

/** What the audit trail keeps of a case, before and after a change. */
export function caseAuditView(theCase: Case) {
  return {
    status: theCase.status,
    version: theCase.version,
    excludedAt: theCase.excludedAt.toISOString(),
    recheckAt: theCase.recheckAt.toISOString(),
    reinstatedAt: theCase.reinstatedAt?.toISOString() ?? null,
    assignedTo: theCase.assignedTo,
  };
}

/**
 * Ends the exclusion now: the case reinstated (a new version) and the catalog told in the same
 * transaction. A moderator's reinstatement and an appeal that overturns the exclusion both end it here.
 */
export async function liftExclusion(tx: Transaction, theCase: Case, now: Date): Promise<Case> {
  const updated = await updateCaseVersioned(tx, theCase, { status: "REINSTATED", reinstatedAt: now }, now);
  await queueOutboxEvent(tx, {
    sellerId: theCase.sellerId,
    type: "seller.reinstated",
    payload: { sellerId: await sellerExternalId(tx, theCase.sellerId), caseId: theCase.id, reinstatedAt: now.toISOString() },
    now,
  });
  return updated;
}
