import { useFormatter, useTranslations } from "next-intl";
import { formatMetricBeside } from "@/app/_components/metric-format";
import type { EvaluatedStanding } from "@/lib/sellers/get-seller-standing";

/** The metrics worse than the portal's, furthest behind first, each with its next step. */
export function Improvements({ evaluation }: { evaluation: EvaluatedStanding }) {
  const t = useTranslations("standing");
  const tQuality = useTranslations("quality");
  const format = useFormatter();

  return (
    <section aria-labelledby="improve-heading" className="section">
      <div className="section-heading">
        <h2 id="improve-heading">{t("improveHeading")}</h2>
        {evaluation.improvements.length > 0 && <p className="muted">{t("improveIntro")}</p>}
      </div>
      {evaluation.improvements.length === 0 ? (
        <p className="empty">{t("improveNone")}</p>
      ) : (
        <ol className="improvement-list">
          {evaluation.improvements.map(({ metric, window, value, portalValue }) => {
            const shown = formatMetricBeside(format, metric, value, portalValue);
            return (
              <li key={metric} className="panel">
                <p className="cell-strong">
                  {t("improveItem", {
                    metric: `${tQuality(`metrics.${metric}`)} (${tQuality(`windowRanges.${window}`)})`,
                    value: shown.own,
                    portal: shown.portal,
                  })}
                </p>
                <p>{t(`steps.${metric}`)}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
