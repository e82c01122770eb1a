import { useTranslations } from "next-intl";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { useCaseDates } from "./case-dates";
import { ChecklistView } from "./checklist-view";

/** The re-check checklist, saying what it is: computed from the data now, or the one a closed case was decided on. */
export function ChecklistSection({ theCase }: { theCase: CaseForModerator }) {
  const t = useTranslations("cases");
  const { when } = useCaseDates();
  const source = theCase.checklistSource;
  return (
    <section className="panel section" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">{t("case.checklistHeading")}</h2>
      <p className="muted">
        {source.kind === "decision"
          ? t("case.checklistAtDecision", { by: source.by, at: when(source.at) })
          : t("case.checklistComputed", { at: when(source.at) })}
      </p>
      <ChecklistView checklist={theCase.checklist} />
    </section>
  );
}
