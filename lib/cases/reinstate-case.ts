import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { fieldIssue, parseInput } from "@/lib/validation";
import { addDays, MINIMUM_EXCLUSION_DAYS } from "./case-machine";
import { insertCaseNote } from "./add-case-note";
import { reinstateCaseInput, type ReinstateCaseInput } from "./case-input";
import { beginDecision, insertDecision } from "./case-decision";
import { caseAuditView, liftExclusion, queueSellerNotification, tooEarly } from "./case-records";

/**
 * Reinstates the seller: products visible again. Only from the re-check date on, never before
 * `excludedAt + 14 days`, for everyone; every checklist item failing at this moment needs a
 * written override reason.
 */
export async function reinstateCase(params: { actor: UserActor; input: ReinstateCaseInput; now: Date }) {
  assertCan(params.actor, "cases:decide");
  const input = parseInput(reinstateCaseInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const context = await beginDecision(tx, {
      caseId: input.caseId,
      expectedVersion: input.expectedVersion,
      action: "reinstate",
      now,
    });
    const { theCase, checklist } = context;
    const earliest = addDays(theCase.excludedAt, MINIMUM_EXCLUSION_DAYS);
    if (now < earliest)
      throw tooEarly(
        `The minimum exclusion is ${MINIMUM_EXCLUSION_DAYS} days: this seller can be reinstated from ${earliest.toISOString()}`,
        earliest,
      );

    const reasonByItem = new Map(input.overrides.map((override) => [override.item, override.reason]));
    const failing = checklist.items.filter((item) => !item.isPassed);
    const missing = failing.filter((item) => !reasonByItem.has(item.key));
    if (missing.length > 0) {
      const issues = missing.map((item) => fieldIssue(`overrides.${item.key}`, { key: "overrideReasonRequired" }));
      throw invalid(`Checklist items fail without an override reason: ${missing.map((item) => item.key).join(", ")}`, issues);
    }
    const overrides = failing.map((item) => ({ item: item.key, reason: reasonByItem.get(item.key)!, evidence: item.evidence }));

    const decision = await insertDecision(tx, context, {
      kind: "reinstate",
      overrides,
      extendReasons: null,
      newRecheckAt: null,
      messageToSeller: null,
      actor,
      now,
    });
    // The optional note is the moderator's, for colleagues: an internal note, never shown to the seller.
    if (input.note) await insertCaseNote(tx, { theCase, actor, body: input.note, now });
    const updated = await liftExclusion(tx, theCase, now);
    await queueSellerNotification(tx, {
      sellerId: theCase.sellerId,
      caseId: theCase.id,
      payload: { kind: "case_reinstated", caseId: theCase.id, reinstatedAt: now.toISOString() },
      now,
    });
    await recordAudit(tx, {
      actor,
      action: "case.reinstated",
      entityType: "case",
      entityId: theCase.id,
      sellerId: theCase.sellerId,
      before: caseAuditView(theCase),
      after: {
        ...caseAuditView(updated),
        decisionId: decision.id,
        checklistPassed: checklist.isAllPassed,
        overrides: overrides.map(({ item, reason }) => ({ item, reason })),
      },
      reason: overrides.length
        ? overrides.map((override) => `${override.item}: ${override.reason}`).join("\n")
        : (input.note ?? "all checklist items passed"),
      at: now,
    });
    return { case: updated, decision };
  });
}
