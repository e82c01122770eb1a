import { useFormatter, useTranslations } from "next-intl";
import type { SellerFlagReason, SellerForModerator } from "@/lib/sellers/get-seller-for-moderator";
import { formatMetric, isQualityMetric } from "../metric-format";

/** The open flag's reasons, each in numbers and in a sentence. */
export function FlagReasons({ flag }: { flag: NonNullable<SellerForModerator["openFlag"]> }) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const value = (reason: SellerFlagReason, number: number | null) =>
    isQualityMetric(reason.metric) ? formatMetric(format, reason.metric, number) : number === null ? "—" : format.number(number);

  return (
    <section aria-labelledby="flag-heading" className="section panel flag-panel">
      <h2 id="flag-heading">{t("flagHeading")}</h2>
      <p>{t("flagIntro", { date: format.dateTime(flag.evaluationAsOf, { dateStyle: "medium" }) })}</p>
      <div className="table-wrap">
        <table className="table table-dense">
          <caption className="visually-hidden">{t("flagCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("flagColumns.reason")}</th>
              <th scope="col">{t("flagColumns.metric")}</th>
              <th scope="col" className="cell-number">
                {t("flagColumns.value")}
              </th>
              <th scope="col" className="cell-number">
                {t("flagColumns.interval")}
              </th>
              <th scope="col" className="cell-number">
                {t("flagColumns.portal")}
              </th>
              <th scope="col" className="cell-number">
                {t("flagColumns.threshold")}
              </th>
            </tr>
          </thead>
          <tbody>
            {flag.reasons.map((reason) => (
              <tr key={reason.id}>
                <th scope="row">
                  <span className="cell-strong">{tQuality(`flagCodes.${reason.code}`)}</span>
                  <p className="reason-text">{explain(reason)}</p>
                  <p className="reason-rule muted">{t("rule", { rule: reason.rule })}</p>
                </th>
                <td>
                  {isQualityMetric(reason.metric) ? tQuality(`metrics.${reason.metric}`) : reason.metric}
                  <br />
                  <span className="muted">{tQuality(`windows.${reason.window}`)}</span>
                </td>
                <td className="cell-number cell-strong">{value(reason, reason.value)}</td>
                <td className="cell-number cell-nowrap">
                  {reason.intervalLow === null || reason.intervalHigh === null
                    ? "—"
                    : t("intervalValue", { low: value(reason, reason.intervalLow), high: value(reason, reason.intervalHigh) })}
                </td>
                <td className="cell-number">{value(reason, reason.portalValue)}</td>
                <td className="cell-number">
                  {reason.code === "WORSENED" ? `z ≥ ${format.number(reason.threshold)}` : value(reason, reason.threshold)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );

  function explain(reason: SellerFlagReason): string | null {
    const window = tQuality(`windowRanges.${reason.window}`);
    const portal = value(reason, reason.portalValue);
    const { explanation } = reason;
    if (explanation.code === "LOW_YEAR" && explanation.details) {
      const { successes, trials, confidence } = explanation.details;
      return t("explain.LOW_YEAR", {
        window,
        successes,
        trials,
        confidence: format.number(confidence, { style: "percent" }),
        low: value(reason, reason.intervalLow),
        threshold: value(reason, reason.threshold),
        portal,
      });
    }
    if (explanation.code === "WORSENED" && explanation.details) {
      const { z, recent, baseline } = explanation.details;
      return t("explain.WORSENED", {
        window,
        recentSuccesses: recent.successes,
        recentTrials: recent.trials,
        recent: value(reason, recent.rate),
        baselineSuccesses: baseline.successes,
        baselineTrials: baseline.trials,
        baseline: value(reason, baseline.rate),
        z: format.number(z, { maximumFractionDigits: 2 }),
        threshold: format.number(reason.threshold),
        portal,
      });
    }
    return null;
  }
}
