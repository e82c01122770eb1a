import { useFormatter, useTranslations } from "next-intl";
import { CLOSE_DISTANCE, DISTANCE_SEARCH_LIMIT, type FlagDistances, type RuleDistance } from "@/lib/quality/flag-distance";
import type { EvaluatedStanding } from "@/lib/sellers/get-seller-standing";

const RULES = ["lowYearNegativeReviews", "lowYearComplaints", "worsened"] as const satisfies readonly (keyof FlagDistances)[];

/** How far each flag rule is, in more negative reviews or complaints, and an early warning for the close ones. */
export function RuleDistances({ evaluation }: { evaluation: EvaluatedStanding }) {
  const t = useTranslations("standing");
  const format = useFormatter();

  const sentence = (rule: (typeof RULES)[number], distance: RuleDistance): string => {
    switch (distance.status) {
      case "reachable":
        if (distance.more === 0) return t("distance.trips");
        return t(`distance.${rule}`, {
          count: distance.more,
          days: rule === "worsened" ? evaluation.windowDays.recent : evaluation.windowDays.year,
        });
      case "far":
        return t("distance.far", { limit: format.number(DISTANCE_SEARCH_LIMIT) });
      case "not_applicable":
        return t(`distance.${distance.because}`);
    }
  };

  return (
    <section aria-labelledby="distances-heading" className="section">
      <div className="section-heading">
        <h2 id="distances-heading">{t("distancesHeading")}</h2>
        <p className="muted">{t("distancesIntro", { close: CLOSE_DISTANCE })}</p>
      </div>
      {evaluation.closeRules.map((rule) => (
        <div className="notice notice-warning" key={rule}>
          <h3>{t("warningHeading")}</h3>
          <p>{t("warning", { rule: t(`rules.${rule}`) })}</p>
        </div>
      ))}
      <dl className="distance-list">
        {RULES.map((rule) => (
          <div key={rule} className="panel">
            <dt className="cell-strong">{t(`rules.${rule}`)}</dt>
            <dd>{sentence(rule, evaluation.distances[rule])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
