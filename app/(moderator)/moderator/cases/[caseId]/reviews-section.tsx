import { useTranslations } from "next-intl";
import { Pagination } from "@/app/_components/pagination";
import type { RootCause } from "@/db/enums";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import type { ListCursor } from "@/lib/search/keyset";
import { useCaseDates } from "./case-dates";

/** The negative reviews in scope, a page at a time, with the seller's work on each and the root causes counted over all. */
export function ReviewsSection({ theCase, pageHref }: { theCase: CaseForModerator; pageHref: (cursor: ListCursor) => string }) {
  const t = useTranslations("cases");
  const terms = useTranslations("notifications");
  const { day } = useCaseDates();
  const rootCause = (cause: RootCause | null) => (cause ? terms(`rootCauses.${cause}`) : t("case.notNamed"));
  const { reviews } = theCase;
  return (
    <section className="section" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t("case.reviewsHeading", { count: reviews.total })}</h2>
      {reviews.total === 0 ? (
        <p className="empty">{t("case.noReviews")}</p>
      ) : (
        <>
          <p>
            <span className="cell-strong">{t("case.rootCausesHeading")}: </span>
            {theCase.rootCauseCounts.map((entry) => `${rootCause(entry.rootCause)} (${entry.count})`).join(" · ")}
          </p>
          <div className="table-wrap">
            <table className="table table-dense">
              <caption className="visually-hidden">{t("case.reviewsHeading", { count: reviews.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("case.review")}</th>
                  <th scope="col">{t("case.rootCause")}</th>
                  <th scope="col">{t("case.resolution")}</th>
                  <th scope="col">{t("case.stepsTaken")}</th>
                  <th scope="col">{t("case.replies")}</th>
                </tr>
              </thead>
              <tbody>
                {reviews.rows.map((review) => (
                  <tr key={review.reviewId}>
                    <td className="cell-wrap">
                      <span className="cell-strong">{"★".repeat(review.rating)}</span>{" "}
                      <span className="muted">{day(review.postedAt)}</span>
                      <br />
                      {review.text ?? <span className="muted">—</span>}
                      {review.removedAt && <p className="muted">{t("case.removed")}</p>}
                    </td>
                    <td>
                      {rootCause(review.rootCause)}
                      {review.rootCauseNote && <p className="muted">{review.rootCauseNote}</p>}
                    </td>
                    <td>
                      {review.resolution ? (
                        t(`resolutions.${review.resolution}`)
                      ) : (
                        <span className="muted">{t("case.open")}</span>
                      )}
                      {review.resolutionNote && (
                        <p className="quote">
                          {t("case.agreed")}: {review.resolutionNote}
                        </p>
                      )}
                    </td>
                    <td className="cell-wrap">
                      {review.steps.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="plain-list">
                          {review.steps.map((step, index) => (
                            <li key={index}>
                              {t(`steps.${step.step as "note"}`)}
                              {step.note && `: ${step.note}`}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="cell-wrap">
                      {review.replies.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        review.replies.map((reply, index) => (
                          <p key={index} className="quote">
                            {reply.body}
                          </p>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            previousHref={reviews.newerCursor ? pageHref(reviews.newerCursor) : undefined}
            nextHref={reviews.olderCursor ? pageHref(reviews.olderCursor) : undefined}
            previousLabel={t("case.reviewsNewer")}
            nextLabel={t("case.reviewsOlder")}
            status={t("case.reviewsShown", { shown: reviews.rows.length, total: reviews.total })}
          />
        </>
      )}
    </section>
  );
}
