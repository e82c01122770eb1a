import { useFormatter, useTranslations } from "next-intl";
import { formatMetric, isQualityMetric } from "@/app/(moderator)/moderator/sellers/metric-format";
import type { FlagReasonView } from "@/lib/cases/list-open-flags";

/** One flag reason in words and numbers: rule, metric and window, the seller against the portal. */
export function FlagReasonText({ reason }: { reason: FlagReasonView }) {
  const t = useTranslations("cases");
  const terms = useTranslations("notifications");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const metric = isQualityMetric(reason.metric) ? reason.metric : null;
  const show = (value: number | null) => (metric ? formatMetric(format, metric, value) : String(value ?? "—"));
  return (
    <span className="flag-reason">
      <strong>{tQuality(`flagCodes.${reason.code}`)}</strong>
      {": "}
      {t("reason", {
        metric: metric ? terms(`metrics.${metric}`) : reason.metric,
        window: terms(`windows.${reason.window}`),
        value: show(reason.value),
        portal: show(reason.portalValue),
      })}
      {reason.intervalLow !== null && reason.intervalHigh !== null && (
        <span className="muted">
          {" "}
          · {t("reasonInterval", { low: show(reason.intervalLow), high: show(reason.intervalHigh) })}
        </span>
      )}
      <span className="muted"> · {t("reasonThreshold", { threshold: show(reason.threshold) })}</span>
    </span>
  );
}

/** A flag's reasons, one a line. */
export function FlagReasonList({ reasons }: { reasons: readonly FlagReasonView[] }) {
  return (
    <ul className="plain-list">
      {reasons.map((reason, index) => (
        <li key={index}>
          <FlagReasonText reason={reason} />
        </li>
      ))}
    </ul>
  );
}
