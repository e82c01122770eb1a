import { useFormatter, useTranslations } from "next-intl";
import { WINDOWS } from "@/db/enums";
import { compareWithPortal, DIRECTION_ARROW } from "@/lib/quality/metric-direction";
import { QUALITY_METRICS, type SellerQuality } from "@/lib/quality/quality-schemas";
import { formatMetric } from "@/app/_components/metric-format";

/**
 * The latest evaluation's metrics beside the portal's, a small table per window; worse values marked
 * in words too. `ownColumn` names the seller's column ("You" on the seller's own page).
 */
export function MetricsTable({ quality, ownColumn }: { quality: Pick<SellerQuality, "asOf" | "metrics">; ownColumn?: string }) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();

  return (
    <section aria-labelledby="metrics-heading" className="section">
      <div className="section-heading">
        <h2 id="metrics-heading">{t("metricsHeading")}</h2>
        {quality.asOf && (
          <p className="muted">{t("metricsIntro", { date: format.dateTime(new Date(quality.asOf), { dateStyle: "medium" }) })}</p>
        )}
      </div>
      {quality.asOf === null ? (
        <p className="empty">{t("metricsNone")}</p>
      ) : (
        <div className="metric-tables">
          {WINDOWS.map((window) => (
            <div className="table-wrap" key={window}>
              <table className="table table-dense">
                <caption className="table-caption">
                  <span className="cell-strong">{tQuality(`windows.${window}`)}</span>{" "}
                  <span className="muted">{tQuality(`windowRanges.${window}`)}</span>
                  <span className="visually-hidden">
                    {t("metricsCaption", { window: tQuality(`windows.${window}`), range: tQuality(`windowRanges.${window}`) })}
                  </span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("metricsColumns.metric")}</th>
                    <th scope="col" className="cell-number">
                      {ownColumn ?? t("metricsColumns.seller")}
                    </th>
                    <th scope="col" className="cell-number">
                      {t("metricsColumns.portal")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {QUALITY_METRICS.map((metric) => {
                    const { value, portalValue } = quality.metrics[window][metric];
                    const { side, isWorse } = compareWithPortal(metric, value, portalValue);
                    return (
                      <tr key={metric} className={isWorse ? "row-worse" : undefined}>
                        <th scope="row">{tQuality(`metrics.${metric}`)}</th>
                        <td className="cell-number cell-nowrap">
                          {isWorse && side && (
                            <span className="worse-mark" aria-hidden="true" data-side={side}>
                              {DIRECTION_ARROW[side]}{" "}
                            </span>
                          )}
                          <span className={isWorse ? "cell-strong worse-value" : undefined}>
                            {formatMetric(format, metric, value)}
                          </span>
                          {isWorse && side && <span className="visually-hidden"> ({t(`worseSide.${side}`)})</span>}
                        </td>
                        <td className="cell-number">{formatMetric(format, metric, portalValue)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
