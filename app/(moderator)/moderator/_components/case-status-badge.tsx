import { useTranslations } from "next-intl";
import type { CaseStatus } from "@/db/enums";

/** A case's state as a coloured label; the colour is never the only signal (the text says it). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useTranslations("quality.caseStatuses");
  return <span className={`case-status case-status-${status.toLowerCase().replaceAll("_", "-")}`}>{t(status)}</span>;
}
