import { useTranslations } from "next-intl";
import { CaseStatusBadge } from "@/app/_components/case-status-badge";
import { ActionButton } from "@/app/_components/action-button";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { assignCaseAction } from "./actions";
import { useCaseDates } from "./case-dates";

/** Where the case stands: status and day, its dates (each named for what it is), who opened and who holds it. */
export function CaseSummary({ theCase, userId }: { theCase: CaseForModerator; userId: string }) {
  const t = useTranslations("cases");
  const { when } = useCaseDates();
  const isHeldByMe = theCase.holder?.userId === userId;
  return (
    <section className="panel section" aria-labelledby="case-summary-heading">
      <h2 id="case-summary-heading" className="visually-hidden">
        {t("case.summaryHeading")}
      </h2>
      <dl className="facts facts-wide">
        <div>
          <dt>{t("case.status")}</dt>
          <dd>
            <CaseStatusBadge status={theCase.status} />{" "}
            {theCase.status !== "REINSTATED" && <span className="muted">{t("dayOf", { day: theCase.day })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t("case.excludedAt")}</dt>
          <dd>{when(theCase.excludedAt)}</dd>
        </div>
        <div>
          <dt>{t("case.recheckAt")}</dt>
          <dd>{when(theCase.recheckAt)}</dd>
        </div>
        {theCase.reinstatedAt ? (
          <div>
            <dt>{t("case.reinstatedAt")}</dt>
            <dd>{when(theCase.reinstatedAt)}</dd>
          </div>
        ) : (
          <div>
            <dt>{t("case.earliest")}</dt>
            <dd>{when(theCase.earliestReinstatementAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t("case.openedBy")}</dt>
          <dd>{theCase.openedBy}</dd>
        </div>
        <div>
          <dt>{t("case.holder")}</dt>
          <dd>
            {theCase.holder?.email ?? <span className="muted">{t("case.nobody")}</span>}{" "}
            {theCase.status !== "REINSTATED" &&
              (isHeldByMe ? (
                <ActionButton
                  action={assignCaseAction.bind(null, { caseId: theCase.caseId, assigneeId: null })}
                  label={t("case.release")}
                  pendingLabel={t("case.releasing")}
                />
              ) : (
                <ActionButton
                  action={assignCaseAction.bind(null, { caseId: theCase.caseId, assigneeId: userId })}
                  label={t("case.take")}
                  pendingLabel={t("case.taking")}
                />
              ))}
          </dd>
        </div>
      </dl>
      {theCase.openReason && (
        <p>
          <span className="cell-strong">{t("case.openReason")}:</span> {theCase.openReason}
        </p>
      )}
    </section>
  );
}
