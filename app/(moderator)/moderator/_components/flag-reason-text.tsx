import { useFormatter, useTranslations } from "next-intl";
import { describeFlagReason, type FlagReasonAudience, type StoredFlagReason } from "@/lib/sellers/flag-reason-details";

/**
 * One flag reason: its rule's name, then the one sentence with its numbers
 * (lib/sellers/flag-reason-details.ts) that every page and the seller's notification share.
 */
export function FlagReasonText({ reason, audience = "moderator" }: { reason: StoredFlagReason; audience?: FlagReasonAudience }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <span className="flag-reason">
      <strong>{t(`quality.flagCodes.${reason.code}`)}</strong>
      {": "}
      {describeFlagReason(reason, { t, format, audience })}
    </span>
  );
}

/** A flag's reasons, one a line. */
export function FlagReasonList({ reasons, audience }: { reasons: readonly StoredFlagReason[]; audience?: FlagReasonAudience }) {
  return (
    <ul className="plain-list flag-reasons">
      {reasons.map((reason, index) => (
        <li key={index}>
          <FlagReasonText reason={reason} audience={audience} />
        </li>
      ))}
    </ul>
  );
}
