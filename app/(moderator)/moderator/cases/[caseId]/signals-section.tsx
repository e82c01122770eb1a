import { useTranslations } from "next-intl";
import { ActionButton } from "@/app/_components/action-button";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { decideFakeReviewAction } from "./actions";
import { useCaseDates } from "./case-dates";

/** Suspected fake reviews of the seller, each confirmed or cleared by a moderator while the case is open. */
export function SignalsSection({ theCase }: { theCase: CaseForModerator }) {
  const t = useTranslations("cases");
  const tQuality = useTranslations("quality");
  const { day } = useCaseDates();
  return (
    <section className="section" aria-labelledby="signals-heading">
      <h2 id="signals-heading">{t("case.signalsHeading")}</h2>
      {theCase.signals.length === 0 ? (
        <p className="empty">{t("case.noSignals")}</p>
      ) : (
        <ul className="plain-list">
          {theCase.signals.map((signal) => (
            <li key={signal.signalId} className="panel">
              <span className="cell-strong">{tQuality(`signalKinds.${signal.kind as "repeat_buyer"}`)}</span> ·{" "}
              {t("case.signalReview", { rating: signal.rating, at: day(signal.postedAt) })} ·{" "}
              {tQuality(`signalStatuses.${signal.status}`)}
              {signal.decidedBy && ` ${t("case.decidedBy", { by: signal.decidedBy })}`}
              {signal.text && <p className="quote">{signal.text}</p>}
              {theCase.status !== "REINSTATED" && signal.status === "suspected" && (
                <div className="form-actions">
                  <ActionButton
                    action={decideFakeReviewAction.bind(null, {
                      caseId: theCase.caseId,
                      signalId: signal.signalId,
                      decision: "confirmed",
                    })}
                    label={t("case.confirm")}
                    pendingLabel={t("case.confirming")}
                  />
                  <ActionButton
                    action={decideFakeReviewAction.bind(null, {
                      caseId: theCase.caseId,
                      signalId: signal.signalId,
                      decision: "cleared",
                    })}
                    label={t("case.clear")}
                    pendingLabel={t("case.clearing")}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
