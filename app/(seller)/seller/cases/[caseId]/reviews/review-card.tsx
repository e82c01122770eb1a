import { useTranslations } from "next-intl";
import type { SellerCaseReview } from "@/lib/cases/list-case-reviews-for-seller";
import { OutcomeForm, RootCauseForm } from "./review-forms";

/**
 * One review in scope: what the buyer wrote, then the seller's work on it — the forms while the
 * case is open and nothing is recorded yet, what was recorded once it is (or the case is closed).
 */
export function ReviewCard(props: {
  caseId: number;
  review: SellerCaseReview;
  isOpen: boolean;
  postedOn: string;
  recordedOn: string | null;
}) {
  const t = useTranslations("sellerReviews");
  const causes = useTranslations("notifications.rootCauses");
  const steps = useTranslations("cases.steps");
  const { review, caseId } = props;
  const headingId = `review-${review.reviewId}-heading`;
  const reply = review.replies[0];
  return (
    <article className="panel review-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("reviewLabel", { date: props.postedOn })}</h3>
      <p>
        <span className="cell-strong" aria-hidden="true">
          {"★".repeat(review.rating)}
          {"☆".repeat(Math.max(0, 5 - review.rating))}
        </span>
        <span className="visually-hidden">{t("rating", { rating: review.rating })}</span>
      </p>
      <p className="quote">{review.text ?? <span className="muted">{t("noText")}</span>}</p>

      {review.isResolvedByBuyer && !review.resolution ? (
        <p className="notice">{review.removedAt ? t("removedByBuyer") : t("raisedByBuyer")}</p>
      ) : (
        <>
          {props.isOpen ? (
            <RootCauseForm
              caseId={caseId}
              reviewId={review.reviewId}
              rootCause={review.rootCause}
              rootCauseNote={review.rootCauseNote}
            />
          ) : (
            <p>
              <span className="cell-strong">{t("rootCause")}: </span>
              {review.rootCause ? causes(review.rootCause) : t("notNamed")}
              {review.rootCauseNote && ` — ${review.rootCauseNote}`}
            </p>
          )}
          {review.resolution ? (
            <div className="review-outcome">
              <h4>{t("outcome")}</h4>
              <p>
                <span className="cell-strong">
                  {review.resolution === "answered_publicly" ? t("publicReply") : t("resolvedWithBuyer")}
                </span>
                {props.recordedOn && <span className="muted"> · {t("recorded", { date: props.recordedOn })}</span>}
              </p>
              {review.resolutionNote && <p className="quote">{review.resolutionNote}</p>}
              {reply && <p className="quote">{reply.body}</p>}
              {review.steps.length > 0 && (
                <p>
                  <span className="cell-strong">{t("stepsTaken")}: </span>
                  {review.steps.map((step) => steps(step.step as "note")).join(", ")}
                </p>
              )}
            </div>
          ) : props.isOpen ? (
            <OutcomeForm caseId={caseId} reviewId={review.reviewId} isCauseNamed={review.rootCause !== null} />
          ) : (
            <p className="muted">{t("nothingRecorded")}</p>
          )}
        </>
      )}
    </article>
  );
}
