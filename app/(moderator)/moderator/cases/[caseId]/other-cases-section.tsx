import Link from "next/link";
import { useTranslations } from "next-intl";
import { CaseStatusBadge } from "@/app/_components/case-status-badge";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { useCaseDates } from "./case-dates";

/** The seller's earlier (and any later) cases, linked. */
export function OtherCasesSection({ theCase }: { theCase: CaseForModerator }) {
  const t = useTranslations("cases");
  const { day } = useCaseDates();
  return (
    <section className="section" aria-labelledby="other-cases-heading">
      <h2 id="other-cases-heading">{t("case.otherCasesHeading")}</h2>
      {theCase.otherCases.length === 0 ? (
        <p className="empty">{t("case.noOtherCases")}</p>
      ) : (
        <ul className="plain-list">
          {theCase.otherCases.map((other) => (
            <li key={other.caseId}>
              <Link href={`/moderator/cases/${other.caseId}`}>{t("case.caseLink", { id: other.caseId })}</Link> ·{" "}
              <CaseStatusBadge status={other.status} /> · {day(other.excludedAt)}
              {other.reinstatedAt && ` – ${day(other.reinstatedAt)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
