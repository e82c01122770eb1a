/**
 * Every action the audit trail can hold, declared once, each with a label in every message catalog
 * (`auditActions`, nested by the part before the dot), so no page shows a person a raw code. A
 * unit test (audit-actions.test.ts) finds every action the code writes and fails on one missing
 * here. Client-safe: no server imports.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_out",
  "user.created",
  "user.role_changed",
  "user.disabled",
  "user.enabled",
  "user.password_reset",
  "user.password_changed",
  "user.seller_linked",
  "api-key.created",
  "api-key.revoked",
  "policy.created",
  "events.imported",
  "evaluation.completed",
  "review-signals.computed",
  "flag.raised",
  "flag.dismissed",
  "case.opened",
  "case.assigned",
  "case.released",
  "case.note_added",
  "case.due_for_recheck",
  "case.extended",
  "case.reinstated",
  "letter.submitted",
  "letter.accepted",
  "letter.changes_requested",
  "review-signal.confirmed",
  "review-signal.cleared",
  "outbox.retry_requested",
  "review.root_cause_named",
  "review.resolved_with_buyer",
  "review.replied",
  "appeal.submitted",
  "appeal.upheld",
  "appeal.overturned",
  "policy.draft_created",
  "policy.draft_saved",
  "policy.draft_discarded",
  "policy.activated",

  "audit.verified",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/** The part of an action before the dot: its family ("case" of "case.opened"), labelled in `auditActionFamilies`. */
export type AuditActionFamily = AuditAction extends `${infer Family}.${string}` ? Family : never;

export function auditActionFamily(action: AuditAction): AuditActionFamily {
  return action.slice(0, action.indexOf(".")) as AuditActionFamily;
}

/** The families in the order their first action is declared above. */
export const AUDIT_ACTION_FAMILIES: readonly AuditActionFamily[] = [...new Set(AUDIT_ACTIONS.map(auditActionFamily))];

/** A family's actions, for a filter on all of them (`case.*`). */
export function actionsOfFamily(family: AuditActionFamily): AuditAction[] {
  return AUDIT_ACTIONS.filter((action) => auditActionFamily(action) === family);
}

/** The filter value naming a whole family, `case.*`, or null for anything else. */
export function familyOfFilter(value: string): AuditActionFamily | null {
  const family = /^([a-z-]+)\.\*$/.exec(value)?.[1];
  return family && (AUDIT_ACTION_FAMILIES as readonly string[]).includes(family) ? (family as AuditActionFamily) : null;
}

/** What an audit entry is about (`entity_type`), each with a label in every catalog (`auditEntities`). */
export const AUDIT_ENTITY_TYPES = [
  "user",
  "api-key",
  "policy",
  "import",
  "evaluation",
  "flag",
  "case",
  "letter",
  "review-signal",
  "outbox-event",
  "review",
  "appeal",

  "audit-trail",
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export function isAuditEntityType(entityType: string): entityType is AuditEntityType {
  return (AUDIT_ENTITY_TYPES as readonly string[]).includes(entityType);
}
