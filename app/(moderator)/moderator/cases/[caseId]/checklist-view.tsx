import { useFormatter, useTranslations } from "next-intl";
import type { Checklist, ChecklistItem } from "@/lib/cases/checklist";

/** The re-check checklist: each item passed or failed, with the numbers it was decided on. */
export function ChecklistView({ checklist }: { checklist: Checklist }) {
  const t = useTranslations("cases");
  return (
    <ol className="checklist">
      {checklist.items.map((item) => (
        <li key={item.key} className={item.isPassed ? "checklist-passed" : "checklist-failed"} data-item={item.key}>
          <span className="checklist-verdict">{item.isPassed ? `✓ ${t("case.passed")}` : `✗ ${t("case.failed")}`}</span>
          <span className="cell-strong">{t(`checklistItems.${item.key}`)}</span>
          <span className="muted checklist-evidence">
            <Evidence item={item} />
          </span>
        </li>
      ))}
    </ol>
  );
}

function Evidence({ item }: { item: ChecklistItem }) {
  const t = useTranslations("cases");
  const format = useFormatter();
  const evidence = item.evidence as Record<string, unknown>;
  const ids = (value: unknown) => ((value as number[]) ?? []).length;
  const rating = (value: unknown) => (typeof value === "number" ? format.number(value, { maximumFractionDigits: 2 }) : "—");
  switch (item.key) {
    case "negative_reviews_resolved":
      return t("checklistEvidence.negative_reviews_resolved", {
        resolved: Number(evidence.resolved),
        inScope: Number(evidence.inScope),
        open: ids(evidence.unresolvedReviewIds),
      });
    case "new_positive_reviews":
      return t("checklistEvidence.new_positive_reviews", {
        count: Number(evidence.newPositiveReviews),
        since: rating(evidence.averageRatingSince),
        before: rating(evidence.averageRatingAtExclusion),
      });
    case "no_suspected_fake_reviews":
      return t("checklistEvidence.no_suspected_fake_reviews", { count: ids(evidence.suspectedReviewIds) });
    case "letter_received":
      return t("checklistEvidence.letter_received", {
        letters: ids(evidence.letters),
        accepted: evidence.acceptedVersion == null ? t("none") : `v${String(evidence.acceptedVersion)}`,
      });
    case "no_new_negative_feedback":
      return t("checklistEvidence.no_new_negative_feedback", {
        reviews: ids(evidence.newNegativeReviewIds),
        complaints: ids(evidence.newComplaintIds),
      });
  }
}
