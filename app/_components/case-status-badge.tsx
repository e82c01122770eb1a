import { useTranslations } from "next-intl";
import type { CaseStatus } from "@/db/enums";

/** Each reader's words for a case's state: the desk's terms, or the seller's plain ones. */
const STATUS_WORDS = { desk: "quality.caseStatuses", seller: "sellerCase.status" } as const;

/** A case's state as a coloured label; the colour is never the only signal (the text says it). */
export function CaseStatusBadge({ status, words = "desk" }: { status: CaseStatus; words?: keyof typeof STATUS_WORDS }) {
  const t = useTranslations(STATUS_WORDS[words]);
  return <span className={`case-status case-status-${status.toLowerCase().replaceAll("_", "-")}`}>{t(status)}</span>;
}
