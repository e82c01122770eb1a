import { useFormatter, useTranslations } from "next-intl";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { formatMetricBeside } from "@/app/_components/metric-format";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { QUALITY_METRIC_COLUMNS } from "@/lib/quality/evaluation-sql";
import { QUALITY_METRICS } from "@/lib/quality/quality-schemas";
import { useCaseDates } from "./case-dates";

/** The evidence table shows the windows a flag is decided on. */
const EVIDENCE_WINDOWS = ["year", "recent", "baseline"] as const;

/** What the exclusion was decided on, frozen: the evaluation's date, the flag's reasons, the metrics beside the portal's. */
export function EvidenceSection({ theCase }: { theCase: CaseForModerator }) {
  const t = useTranslations("cases");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const { day, when } = useCaseDates();
  const { evidence } = theCase;
  return (
    <section className="panel section" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t("case.evidenceHeading")}</h2>
      {evidence.asOf ? (
        <p className="muted">
          {t("case.evidenceIntro", { asOf: day(new Date(evidence.asOf)), openedAt: when(theCase.excludedAt) })}
        </p>
      ) : (
        <p className="muted">{t("case.noEvaluation", { openedAt: when(theCase.excludedAt) })}</p>
      )}
      {evidence.reasons.length > 0 && <FlagReasonList reasons={evidence.reasons} />}
      {evidence.metrics && (
        <div className="table-wrap">
          <table className="table table-dense">
            <caption>{t("case.metricsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("flag.metric")}</th>
                {EVIDENCE_WINDOWS.map((window) => (
                  <th key={window} scope="col" colSpan={2}>
                    {tQuality(`windows.${window}`)}
                  </th>
                ))}
              </tr>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t("flag.metric")}</span>
                </th>
                {EVIDENCE_WINDOWS.map((window) => [
                  <th key={`${window}-v`} scope="col" className="cell-number">
                    {t("flag.value")}
                  </th>,
                  <th key={`${window}-p`} scope="col" className="cell-number">
                    {t("flag.portal")}
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {QUALITY_METRICS.map((metric) => (
                <tr key={metric}>
                  <th scope="row">{tQuality(`metrics.${metric}`)}</th>
                  {EVIDENCE_WINDOWS.map((window) => {
                    const own = evidence.metrics?.[window]?.[QUALITY_METRIC_COLUMNS[metric]] ?? null;
                    const portal = evidence.portal?.[window]?.[metric] ?? null;
                    const shown = formatMetricBeside(format, metric, own, portal);
                    return [
                      <td key={`${window}-v`} className="cell-number">
                        {shown.own}
                      </td>,
                      <td key={`${window}-p`} className="cell-number muted">
                        {shown.portal}
                      </td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
