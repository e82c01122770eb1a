import { useFormatter, useTranslations } from "next-intl";
import type { ChecklistGap, CaseForSeller } from "@/lib/cases/get-case-for-seller";

/**
 * The five re-check items exactly as the moderator's case page has them, passed or not yet, and for
 * each what is still missing in the seller's words. A closed case: the items its decision was made on.
 */
export function RecheckSection({ theCase }: { theCase: CaseForSeller }) {
  const t = useTranslations("sellerCase.recheck");
  const tItems = useTranslations("cases.checklistItems");
  const format = useFormatter();
  const gapWords = useGapWords();
  const at = format.dateTime(theCase.checklistSource.at, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="panel section" aria-labelledby="recheck-heading">
      <h2 id="recheck-heading">{t("heading")}</h2>
      <p className="muted">{theCase.checklistSource.kind === "decision" ? t("atDecision", { at }) : t("computed", { at })}</p>
      <ol className="checklist">
        {theCase.checklist.items.map((item) => {
          const gaps = theCase.missing[item.key];
          return (
            <li key={item.key} className={item.isPassed ? "checklist-passed" : "checklist-failed"} data-item={item.key}>
              <span className="checklist-verdict">{item.isPassed ? `✓ ${t("passed")}` : t("notYet")}</span>
              <span className="cell-strong">{tItems(item.key)}</span>
              {gaps.length > 0 && (
                <span>
                  {t("missing")} {gaps.map(gapWords).join("; ")}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A gap in the seller's words. */
function useGapWords(): (gap: ChecklistGap) => string {
  const t = useTranslations("sellerCase.recheck.gaps");
  const format = useFormatter();
  const rating = (value: number | null) => (value === null ? "—" : format.number(value, { maximumFractionDigits: 2 }));
  return (gap) => {
    let text: string;
    switch (gap.kind) {
      case "unresolved_reviews":
      case "suspected_fake_reviews":
        text = t(gap.kind, { count: gap.count });
        break;
      case "no_new_positive_review":
      case "no_letter":
        text = t(gap.kind);
        break;
      case "rating_not_improved":
        text =
          gap.averageSince === null
            ? t("rating_no_reviews")
            : t("rating_not_improved", { since: rating(gap.averageSince), before: rating(gap.averageAtExclusion) });
        break;
      case "letter_awaiting_answer":
        text = t(gap.kind, { version: gap.version, answerDueAt: format.dateTime(gap.answerDueAt, { dateStyle: "medium" }) });
        break;
      case "letter_changes_requested":
      case "letter_accepted_late":
        text = t(gap.kind, { version: gap.version });
        break;
      case "new_negative_feedback":
        text = t(gap.kind, { reviews: gap.reviews, complaints: gap.complaints });
        break;
    }
    return text;
  };
}
