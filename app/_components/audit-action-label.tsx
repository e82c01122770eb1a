import { useTranslations } from "next-intl";
import { isAuditAction, isAuditEntityType } from "@/lib/audit/audit-actions";

/** An audit action in words ("Case opened: products hidden"); an action this version does not know, as stored. */
export function AuditActionLabel({ action }: { action: string }) {
  const t = useTranslations("auditActions");
  return <>{isAuditAction(action) ? t(action) : action}</>;
}

/** What an audit entry is about, in words. */
export function AuditEntityLabel({ entityType }: { entityType: string }) {
  const t = useTranslations("auditEntities");
  return <>{isAuditEntityType(entityType) ? t(entityType) : entityType}</>;
}
