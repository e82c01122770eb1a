import { useFormatter, useTranslations } from "next-intl";
import type { CaseForSeller } from "@/lib/cases/get-case-for-seller";

/** Where the seller stands, in plain words: since when, the earliest return, the countdown, what the re-check does. */
export function SummarySection({ theCase }: { theCase: CaseForSeller }) {
  const t = useTranslations("sellerCase.summary");
  const tStatus = useTranslations("sellerCase.status");
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
            <span className={`case-status case-status-${theCase.status.toLowerCase().replaceAll("_", "-")}`}>
              {tStatus(theCase.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t("excludedOn")}</dt>
          <dd>{day(theCase.excludedAt)}</dd>
        </div>
        {theCase.reinstatedAt ? (
          <div>
            <dt>{t("reinstatedOn")}</dt>
            <dd>{day(theCase.reinstatedAt)}</dd>
          </div>
        ) : (
          <div>
            <dt>{t("recheckOn")}</dt>
            <dd>{day(theCase.recheckAt)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
