import { useFormatter, useTranslations } from "next-intl";

/** A seller's case in dates, for a facts list: hidden since, then back since or the re-check date. */
export function CaseDates({ theCase }: { theCase: { excludedAt: Date; reinstatedAt: Date | null; recheckAt: Date } }) {
  const t = useTranslations("sellerCase.summary");
  const format = useFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  return (
    <>
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
    </>
  );
}
