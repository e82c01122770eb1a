import { useTranslations } from "next-intl";
import { MINIMUM_EXCLUSION_DAYS } from "@/lib/cases/case-machine";
import type { ChecklistItemKey } from "@/lib/cases/checklist";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { useCaseDates } from "./case-dates";
import { ExtendForm, ReinstateForm } from "./case-forms";

/** The decision: the forms once the case is due, else when it can be decided; then the decisions made. */
export function DecisionSection({ theCase, defaultRecheckOn }: { theCase: CaseForModerator; defaultRecheckOn: string }) {
  const t = useTranslations("cases");
  const terms = useTranslations("notifications");
  const { when, day } = useCaseDates();
  const failingItems = theCase.checklist.items.filter((item) => !item.isPassed).map((item) => item.key);
  return (
    <section className="section" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t("case.decisionHeading")}</h2>
      {theCase.status === "DUE_FOR_RECHECK" && (
        <div className="two-columns">
          <section className="panel" aria-labelledby="reinstate-heading">
            <h3 id="reinstate-heading">{t("case.reinstateHeading")}</h3>
            <p className="muted">{t("case.reinstateIntro")}</p>
            <ReinstateForm caseId={theCase.caseId} version={theCase.version} failingItems={failingItems} />
          </section>
          <section className="panel" aria-labelledby="extend-heading">
            <h3 id="extend-heading">{t("case.extendHeading")}</h3>
            <p className="muted">{t("case.extendIntro")}</p>
            <ExtendForm caseId={theCase.caseId} version={theCase.version} defaultRecheckOn={defaultRecheckOn} />
          </section>
        </div>
      )}
      {theCase.status === "EXCLUDED" && (
        <p className="panel" role="status">
          {t("case.notYet", {
            date: when(theCase.recheckAt),
            day: Math.max(
              MINIMUM_EXCLUSION_DAYS,
              Math.round((theCase.recheckAt.getTime() - theCase.excludedAt.getTime()) / 86_400_000),
            ),
            minDays: MINIMUM_EXCLUSION_DAYS,
          })}
        </p>
      )}
      {theCase.status === "REINSTATED" && <p className="panel">{t("case.closed")}</p>}
      {theCase.decisions.length > 0 && (
        <ul className="plain-list section">
          {theCase.decisions.map((decision, index) => (
            <li key={index} className="panel">
              {decision.kind === "reinstate"
                ? t("case.decisionReinstate", { by: decision.by, at: when(decision.at) })
                : t("case.decisionExtend", {
                    by: decision.by,
                    at: when(decision.at),
                    until: decision.newRecheckAt ? day(decision.newRecheckAt) : "—",
                  })}
              {decision.extendReasons && (
                <p>{decision.extendReasons.map((reason) => terms(`extendReasons.${reason as "other"}`)).join(" · ")}</p>
              )}
              {decision.message && <p className="quote">{decision.message}</p>}
              {Array.isArray(decision.overrides) && decision.overrides.length > 0 && (
                <>
                  <p className="cell-strong">{t("case.overrides")}</p>
                  <ul>
                    {(decision.overrides as { item: ChecklistItemKey; reason: string }[]).map((override) => (
                      <li key={override.item}>
                        {t(`checklistItems.${override.item}`)}: <span className="quote">{override.reason}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
