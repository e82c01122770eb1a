import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/app/_components/action-button";
import type { LatestAuditVerification } from "@/lib/audit/verify-and-record-audit-chain";
import { verifyAuditChainAction } from "./actions";

/** The latest recorded walk of the chain (npm run audit:verify, the nightly job or this button). */
export async function VerificationStatus({ latest }: { latest: LatestAuditVerification | null }) {
  const [t, format] = await Promise.all([getTranslations("audit.verification"), getFormatter()]);
  return (
    <section className="panel section" aria-labelledby="verification-heading">
      <h2 id="verification-heading">{t("heading")}</h2>
      {latest === null ? (
        <p>{t("never")}</p>
      ) : (
        <>
          <p className={latest.ok ? undefined : "field-error"}>
            {latest.ok
              ? t("ok", { entries: latest.entries, lastSeq: latest.lastSeq })
              : t("broken", { seq: latest.firstBrokenSeq ?? latest.lastSeq + 1, entries: latest.entries })}
          </p>
          <p className="muted">
            {t("when", {
              at: format.dateTime(latest.at, { dateStyle: "medium", timeStyle: "medium" }),
              by: latest.actorLabel,
            })}
          </p>
        </>
      )}
      <ActionButton
        action={verifyAuditChainAction.bind(null, {})}
        label={t("verify")}
        pendingLabel={t("verifying")}
        successMessage={t("done")}
        className="button"
      />
    </section>
  );
}
