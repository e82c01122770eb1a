import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { invalid } from "@/lib/errors";
import { startOfLocalDay } from "@/lib/quality/business-hours";
import { fieldIssue, parseInput } from "@/lib/validation";
import { addDays } from "./case-machine";
import { extendCaseInput, type ExtendCaseInput } from "./case-input";
import { beginDecision, insertDecision } from "./case-decision";
import { caseAuditView, queueOutboxEvent, queueSellerNotification, sellerExternalId, updateCaseVersioned } from "./case-records";

/** How far ahead a new re-check date may be set: an extension is a step, not a ban. */
export const MAX_EXTENSION_DAYS = 90;

/**
 * Keeps the seller excluded: the policy's reasons, a new re-check date (the start of that day in
 * the portal's time zone) and a message the seller reads. The catalog is told the new date.
 */
export async function extendCase(params: { actor: UserActor; input: ExtendCaseInput; now: Date; timeZone?: string }) {
  assertCan(params.actor, "cases:decide");
  const input = parseInput(extendCaseInput, params.input);
  const { actor, now } = params;
  const newRecheckAt = startOfLocalDay(input.recheckOn, params.timeZone ?? env.PORTAL_TIME_ZONE);
  if (newRecheckAt <= now)
    throw invalid("The new re-check date must be a later day", [fieldIssue("recheckOn", { key: "recheckAfterToday" })]);
  if (newRecheckAt > addDays(now, MAX_EXTENSION_DAYS)) {
    throw invalid(`The new re-check date must be within ${MAX_EXTENSION_DAYS} days`, [
      fieldIssue("recheckOn", { key: "recheckWithin", values: { days: MAX_EXTENSION_DAYS } }),
    ]);
  }

  return db.transaction(async (tx) => {
    const context = await beginDecision(tx, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      action: "extend",
      now,
    });
    // A decision is only possible once the re-check date has come, so a later day is always past the minimum.
    const { theCase } = context;
    const decision = await insertDecision(tx, context, {
      kind: "extend",
      overrides: null,
      extendReasons: input.reasons,
      newRecheckAt,
      messageToSeller: input.message,
      actor,
      now,
    });
    const updated = await updateCaseVersioned(tx, theCase, { status: "EXCLUDED", recheckAt: newRecheckAt }, now);
    await queueOutboxEvent(tx, {
      sellerId: theCase.sellerId,
      type: "seller.excluded",
      payload: {
        sellerId: await sellerExternalId(tx, theCase.sellerId),
        caseId: theCase.id,
        excludedSince: theCase.excludedAt.toISOString(),
        recheckOn: newRecheckAt.toISOString(),
      },
      now,
    });
    await queueSellerNotification(tx, {
      sellerId: theCase.sellerId,
      caseId: theCase.id,
      payload: {
        kind: "case_extended",
        caseId: theCase.id,
        reasons: input.reasons,
        recheckAt: newRecheckAt.toISOString(),
        message: input.message,
      },
      now,
    });
    await recordAudit(tx, {
      actor,
      action: "case.extended",
      entityType: "case",
      entityId: theCase.id,
      sellerId: theCase.sellerId,
      before: caseAuditView(theCase),
      after: {
        ...caseAuditView(updated),
        decisionId: decision.id,
        reasons: input.reasons,
        checklistPassed: context.checklist.isAllPassed,
      },
      reason: `${input.reasons.join(", ")}: ${input.message}`,
      at: now,
    });
    return { case: updated, decision };
  });
}
