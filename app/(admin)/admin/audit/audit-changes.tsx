import { useTranslations } from "next-intl";
import { diffAuditValues, formatAuditValue } from "@/lib/audit/audit-diff";

/** An entry's before → after: only the changed keys, by nested path, old → new. */
export function AuditChanges({ seq, before, after }: { seq: number; before: unknown; after: unknown }) {
  const t = useTranslations("audit.changes");
  const changes = diffAuditValues(before, after);
  if (changes.length === 0) return <span className="muted">{t("none")}</span>;
  const shown = (value: unknown) =>
    value === undefined ? <span className="muted">{t("absent")}</span> : formatAuditValue(value);
  return (
    <ul className="audit-changes" aria-label={t("label", { seq })}>
      {changes.map((change) => (
        <li key={change.path}>
          <code>{change.path}</code>: <del>{shown(change.before)}</del> → <ins>{shown(change.after)}</ins>
        </li>
      ))}
    </ul>
  );
}
