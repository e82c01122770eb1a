import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { CaseForSeller } from "@/lib/cases/get-case-for-seller";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/** The decisions that concern the seller, newest first: an extension with its reasons, date and message; the reinstatement. */
export function DecisionsSection({ theCase }: { theCase: CaseForSeller }) {
  const t = useTranslations("sellerCase.decisions");
  const tReasons = useTranslations("notifications.extendReasons");
  const tStatements = useTranslations("statements");
  const format = useFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const reasonWords = (reason: string) => (tReasons.has(reason as never) ? tReasons(reason as never) : reason);
  return (
    <section className="panel section" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t("heading")}</h2>
      <p>
        <Link href={SELLER_PATHS.statement(theCase.caseId, "exclusion")}>{tStatements("linkExclusion")}</Link>
      </p>
      {theCase.decisions.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ol className="plain-list">
          {theCase.decisions.map((decision) => (
            <li key={decision.id}>
              {decision.kind === "reinstate" ? (
                <p>{t("reinstated", { at: day(decision.at) })}</p>
              ) : (
                <>
                  <p>
                    {t("extended", { at: day(decision.at) })}{" "}
                    {decision.newRecheckAt && t("newRecheck", { date: day(decision.newRecheckAt) })}
                  </p>
                  {decision.reasons.length > 0 && (
                    <>
                      <p className="cell-strong">{t("reasonsHeading")}</p>
                      <ul>
                        {decision.reasons.map((reason) => (
                          <li key={reason}>{reasonWords(reason)}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {decision.message && (
                    <figure>
                      <figcaption className="cell-strong">{t("messageHeading")}</figcaption>
                      <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                        {decision.message}
                      </blockquote>
                    </figure>
                  )}
                </>
              )}
              <p>
                <Link href={SELLER_PATHS.statement(theCase.caseId, `decision-${decision.id}`)}>
                  {tStatements("linkDecision", { kind: decision.kind, date: day(decision.at) })}
                </Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
