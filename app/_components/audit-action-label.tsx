import { useTranslations } from "next-intl";
import { isAuditAction, isAuditEntityType } from "@/lib/audit/audit-actions";

/** An audit action in words ("Case opened: products hidden"), with `t` of the `auditActions` catalog; an action this version does not know, as stored. */
export function auditActionInWords(t: ReturnType<typeof useTranslations<"auditActions">>, action: string): string {
  return isAuditAction(action) ? t(action) : action;
}

/** What an audit entry is about, in words, with `t` of the `auditEntities` catalog. */
export function auditEntityInWords(t: ReturnType<typeof useTranslations<"auditEntities">>, entityType: string): string {
  return isAuditEntityType(entityType) ? t(entityType) : entityType;
}

/** An audit action in words. */
export function AuditActionLabel({ action }: { action: string }) {
  const t = useTranslations("auditActions");
  return <>{auditActionInWords(t, action)}</>;
}
