import { useFormatter, useTranslations } from "next-intl";
import { CaseStatusBadge } from "@/app/_components/case-status-badge";
import type { CaseForSeller } from "@/lib/cases/get-case-for-seller";
import { CaseDates } from "../case-dates";

/** Where the seller stands, in plain words: since when, the earliest return, the countdown, what the re-check does. */
export function SummarySection({ theCase }: { theCase: CaseForSeller }) {
  const t = useTranslations("sellerCase.summary");
  const format = useFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  return (
    <section className="panel section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t("heading")}</h2>
      {theCase.isClosed && theCase.reinstatedAt ? (
        <p>{t("closed", { reinstatedAt: day(theCase.reinstatedAt) })}</p>
      ) : (
        <>
          <p className="countdown" role="status">
            {theCase.countdown.kind === "days_left"
              ? t("countdown", { days: theCase.countdown.days, date: day(theCase.recheckAt) })
              : t("due", { date: day(theCase.recheckAt) })}
          </p>
          <p>{t("hidden", { excludedAt: day(theCase.excludedAt) })}</p>
          <p>{t("earliest", { date: day(theCase.earliestReinstatementAt) })}</p>
          <p>{t("recheck")}</p>
        </>
      )}
      <dl className="facts">
        <div>
          <dt>{t("statusLabel")}</dt>
          <dd>
            <CaseStatusBadge status={theCase.status} words="seller" />
          </dd>
        </div>
        <CaseDates theCase={theCase} />
      </dl>
    </section>
  );
}
