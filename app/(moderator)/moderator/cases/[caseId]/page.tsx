import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CaseStatusBadge } from "@/app/(moderator)/moderator/_components/case-status-badge";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { formatMetric } from "@/app/(moderator)/moderator/sellers/metric-format";
import { ActionButton } from "@/app/_components/action-button";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { listHref, Pagination } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import type { RootCause } from "@/db/enums";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { addDays, MINIMUM_EXCLUSION_DAYS } from "@/lib/cases/case-machine";
import { getCaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { env } from "@/lib/env";
import { localDate } from "@/lib/quality/business-hours";
import { QUALITY_METRIC_COLUMNS } from "@/lib/quality/evaluation-sql";
import { QUALITY_METRICS } from "@/lib/quality/quality-schemas";
import { listCursorParams, readListCursor, type ListCursor } from "@/lib/search/keyset";
import { assignCaseAction, decideFakeReviewAction } from "./actions";
import { AnswerLetterForm, ExtendForm, NoteForm, ReinstateForm } from "./case-forms";
import { ChecklistView } from "./checklist-view";

export const dynamic = "force-dynamic";

/** The evidence table shows the windows a flag is decided on. */
const EVIDENCE_WINDOWS = ["year", "recent", "baseline"] as const;

export async function generateMetadata({ params }: { params: Promise<{ caseId: string }> }): Promise<Metadata> {
  const t = await getTranslations("cases.casesQueue");
  return { title: `#${(await params).caseId} · ${t("title")}` };
}

export default async function CasePage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePagePermission("cases:view-all");
  const caseId = idFromUrl((await params).caseId);
  const query = await searchParams;
  const now = currentTime();
  const reviewsCursor = readListCursor((name) => readParam(query, name), "reviews");
  const theCase = await orNotFound(() => getCaseForModerator({ actor, caseId, now, reviewsCursor }));
  const reviewsPageHref = (cursor: ListCursor) =>
    `${listHref(`/moderator/cases/${caseId}`, listCursorParams("reviews", cursor))}#reviews-heading`;
  const [t, terms, tQuality, format] = await Promise.all([
    getTranslations("cases"),
    getTranslations("notifications"),
    getTranslations("quality"),
    getFormatter(),
  ]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const rootCause = (cause: RootCause | null) => (cause ? terms(`rootCauses.${cause}`) : t("case.notNamed"));
  const isHeldByMe = theCase.holder?.userId === actor.userId;
  const failingItems = theCase.checklist.items.filter((item) => !item.isPassed).map((item) => item.key);
  const { evidence } = theCase;

  return (
    <>
      <PageHeading title={t("case.title", { id: theCase.caseId, seller: theCase.seller.name })}>
        <Link href={`/moderator/sellers/${theCase.seller.id}`} className="button button-quiet">
          {t("case.sellerLink")}
        </Link>
      </PageHeading>

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
                    action={assignCaseAction.bind(null, { caseId: theCase.caseId, assigneeId: actor.userId })}
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

      <section className="panel section" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading">{t("case.checklistHeading")}</h2>
        <p className="muted">{t("case.checklistIntro")}</p>
        <ChecklistView checklist={theCase.checklist} />
      </section>

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
              <ExtendForm
                caseId={theCase.caseId}
                version={theCase.version}
                defaultRecheckOn={localDate(addDays(now, 14), env.PORTAL_TIME_ZONE)}
              />
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
                      {(decision.overrides as { item: "letter_received"; reason: string }[]).map((override) => (
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

      <section className="panel section" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t("case.evidenceHeading")}</h2>
        {evidence.asOf ? (
          <p className="muted">{t("case.evidenceIntro", { asOf: when(new Date(evidence.asOf)) })}</p>
        ) : (
          <p className="muted">{t("case.noEvaluation")}</p>
        )}
        {evidence.reasons.length > 0 && <FlagReasonList reasons={evidence.reasons} />}
        {evidence.metrics && (
          <div className="table-wrap">
            <table className="table table-dense">
              <caption>{t("case.metricsHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("flag.metric")}</th>
                  {EVIDENCE_WINDOWS.map((window) => (
                    <th key={window} scope="col" colSpan={2}>
                      {tQuality(`windows.${window}`)}
                    </th>
                  ))}
                </tr>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">{t("flag.metric")}</span>
                  </th>
                  {EVIDENCE_WINDOWS.map((window) => [
                    <th key={`${window}-v`} scope="col" className="cell-number">
                      {t("flag.value")}
                    </th>,
                    <th key={`${window}-p`} scope="col" className="cell-number">
                      {t("flag.portal")}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {QUALITY_METRICS.map((metric) => (
                  <tr key={metric}>
                    <th scope="row">{tQuality(`metrics.${metric}`)}</th>
                    {EVIDENCE_WINDOWS.map((window) => {
                      const own = evidence.metrics?.[window]?.[QUALITY_METRIC_COLUMNS[metric]] ?? null;
                      const portal = evidence.portal?.[window]?.[metric] ?? null;
                      return [
                        <td key={`${window}-v`} className="cell-number">
                          {formatMetric(format, metric, own)}
                        </td>,
                        <td key={`${window}-p`} className="cell-number muted">
                          {formatMetric(format, metric, portal)}
                        </td>,
                      ];
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t("case.reviewsHeading", { count: theCase.reviews.total })}</h2>
        {theCase.reviews.total === 0 ? (
          <p className="empty">{t("case.noReviews")}</p>
        ) : (
          <>
            <p>
              <span className="cell-strong">{t("case.rootCausesHeading")}: </span>
              {theCase.rootCauseCounts.map((entry) => `${rootCause(entry.rootCause)} (${entry.count})`).join(" · ")}
            </p>
            <div className="table-wrap">
              <table className="table table-dense">
                <caption className="visually-hidden">{t("case.reviewsHeading", { count: theCase.reviews.total })}</caption>
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
                  {theCase.reviews.rows.map((review) => (
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
              previousHref={theCase.reviews.newerCursor ? reviewsPageHref(theCase.reviews.newerCursor) : undefined}
              nextHref={theCase.reviews.olderCursor ? reviewsPageHref(theCase.reviews.olderCursor) : undefined}
              previousLabel={t("case.reviewsNewer")}
              nextLabel={t("case.reviewsOlder")}
              status={t("case.reviewsShown", { shown: theCase.reviews.rows.length, total: theCase.reviews.total })}
            />
          </>
        )}
      </section>

      <section className="section" aria-labelledby="letters-heading">
        <h2 id="letters-heading">{t("case.lettersHeading")}</h2>
        {theCase.letters.length === 0 && <p className="empty">{t("case.noLetters")}</p>}
        {theCase.letters.map((letter) => (
          <article
            key={letter.letterId}
            id={`letter-${letter.letterId}`}
            className="panel section"
            aria-label={t("case.letterVersion", {
              version: letter.version,
              at: letter.submittedAt ? when(letter.submittedAt) : "—",
            })}
          >
            <h3>
              {t("case.letterVersion", { version: letter.version, at: letter.submittedAt ? when(letter.submittedAt) : "—" })}
            </h3>
            <ol className="letter-items">
              {letter.items.map((item) => (
                <li key={item.position}>
                  <span className="muted">{terms(`rootCauses.${item.rootCause}`)}</span>
                  <p>
                    <span className="cell-strong">{t("case.problem")}:</span> {item.problem}
                  </p>
                  <p>
                    <span className="cell-strong">{t("case.solution")}:</span> {item.solution}
                  </p>
                </li>
              ))}
            </ol>
            {letter.reply ? (
              <p role="status">
                {t("case.answered", { verdict: letter.reply.verdict, by: letter.reply.by, at: when(new Date(letter.reply.at)) })}
                <span className="quote"> {letter.reply.message}</span>
              </p>
            ) : (
              <>
                {letter.answerDueAt && (
                  <p className={letter.answerDueAt < now ? "badge-danger" : "muted"}>
                    {t("case.answerBy", { date: day(letter.answerDueAt) })}
                    {letter.answerDueAt < now && ` (${t("case.overdue")})`}
                  </p>
                )}
                {theCase.status !== "REINSTATED" && <AnswerLetterForm letterId={letter.letterId} />}
              </>
            )}
          </article>
        ))}
      </section>

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

      <section className="panel section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("case.notesHeading")}</h2>
        <p className="muted">{t("case.notesIntro")}</p>
        {theCase.notes.length === 0 ? (
          <p className="empty">{t("case.noNotes")}</p>
        ) : (
          <ul className="plain-list">
            {theCase.notes.map((note, index) => (
              <li key={index}>
                <span className="muted">
                  {note.by}, {when(note.at)}:
                </span>{" "}
                {note.body}
              </li>
            ))}
          </ul>
        )}
        <NoteForm caseId={theCase.caseId} />
      </section>

      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("case.timelineHeading")}</h2>
        <p className="muted">{t("case.timelineIntro")}</p>
        <ol className="timeline">
          {theCase.timeline.map((entry, index) => (
            <li key={index}>
              <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time> · <code>{entry.action}</code> · {entry.actorLabel}
              {entry.reason && <span className="quote"> {entry.reason}</span>}
            </li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="other-cases-heading">
        <h2 id="other-cases-heading">{t("case.otherCasesHeading")}</h2>
        {theCase.otherCases.length === 0 ? (
          <p className="empty">{t("case.noOtherCases")}</p>
        ) : (
          <ul className="plain-list">
            {theCase.otherCases.map((other) => (
              <li key={other.caseId}>
                <Link href={`/moderator/cases/${other.caseId}`}>{t("case.caseLink", { id: other.caseId })}</Link> ·{" "}
                <CaseStatusBadge status={other.status} /> · {day(other.excludedAt)}
                {other.reinstatedAt && ` – ${day(other.reinstatedAt)}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
