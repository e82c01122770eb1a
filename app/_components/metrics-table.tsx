import { useFormatter, useTranslations } from "next-intl";
import { WINDOWS } from "@/db/enums";
import { QUALITY_METRICS, type SellerQuality } from "@/lib/quality/quality-schemas";
import { MetricWindowTables, type MetricTableWords } from "@/app/_components/metric-window-tables";

/**
 * The latest evaluation's metrics beside the portal's, a small table per window; worse values marked
 * in words too. `ownColumn` names the seller's column ("You" on the seller's own page).
 */
export function MetricsTable({ quality, ownColumn }: { quality: Pick<SellerQuality, "asOf" | "metrics">; ownColumn?: string }) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const words: MetricTableWords = {
    metrics: Object.fromEntries(
      QUALITY_METRICS.map((metric) => [metric, tQuality(`metrics.${metric}`)]),
    ) as MetricTableWords["metrics"],
    windows: Object.fromEntries(
      WINDOWS.map((window) => {
        const name = tQuality(`windows.${window}`);
        const range = tQuality(`windowRanges.${window}`);
        return [window, { name, range, caption: t("metricsCaption", { window: name, range }) }];
      }),
    ) as MetricTableWords["windows"],
    columns: {
      metric: t("metricsColumns.metric"),
      own: ownColumn ?? t("metricsColumns.seller"),
      portal: t("metricsColumns.portal"),
    },
    worseSide: { higher: t("worseSide.higher"), lower: t("worseSide.lower") },
  };

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
        <MetricWindowTables metrics={quality.metrics} words={words} />
      )}
    </section>
  );
}
