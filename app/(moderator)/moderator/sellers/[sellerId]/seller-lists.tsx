import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ListTable } from "@/app/_components/list-table";
import { Pagination } from "@/app/_components/pagination";
import { COMPLAINT_REASONS, type ComplaintReason } from "@/db/enums";
import type { KeysetPage, ListCursor } from "@/lib/search/keyset";
import type { SellerComplaint } from "@/lib/sellers/list-seller-complaints";
import type { SellerNegativeReview } from "@/lib/sellers/list-seller-reviews";
import type { ReviewSignalStatus, SellerSuspectedReview } from "@/lib/sellers/list-seller-review-signals";
import type { SellerCaseSummary } from "@/lib/sellers/get-seller-for-moderator";
import type { ReviewSignalReason } from "@/lib/sellers/review-signal-details";

/** The link to another page of one of the seller page's lists, keeping the other lists where they are. */
export type ListPageHref = (cursor: ListCursor) => string;

const DATE_TIME = { dateStyle: "medium", timeStyle: "short" } as const;

/** A section with a heading, a line about its contents, the table (or the empty message) and its pages. */
function ListSection(props: {
  id: string;
  heading: string;
  intro: string;
  isEmpty: boolean;
  empty: string;
  caption: string;
  headings: readonly string[];
  page: KeysetPage<unknown>;
  pageHref: ListPageHref;
  children: ReactNode;
}) {
  const t = useTranslations("sellerView");
  return (
    <section aria-labelledby={`${props.id}-heading`} className="section" id={props.id}>
      <div className="section-heading">
        <h2 id={`${props.id}-heading`}>{props.heading}</h2>
        <p className="muted">{props.intro}</p>
      </div>
      <ListTable isEmpty={props.isEmpty} empty={props.empty} caption={props.caption} headings={props.headings} isDense>
        {props.children}
      </ListTable>
      <Pagination
        previousHref={props.page.newerCursor ? props.pageHref(props.page.newerCursor) : undefined}
        nextHref={props.page.olderCursor ? props.pageHref(props.page.olderCursor) : undefined}
        previousLabel={t("newer")}
        nextLabel={t("older")}
        status=""
      />
    </section>
  );
}

function ReviewText({ text }: { text: string | null }) {
  const t = useTranslations("sellerView");
  return text ? <p className="quote">{text}</p> : <span className="muted">{t("noText")}</span>;
}

export function NegativeReviews({
  list,
  pageHref,
}: {
  list: KeysetPage<SellerNegativeReview> & { total: number };
  pageHref: ListPageHref;
}) {
  const t = useTranslations("sellerView");
  const format = useFormatter();
  return (
    <ListSection
      id="reviews"
      heading={t("reviewsHeading")}
      intro={t("reviewsIntro", { total: list.total })}
      isEmpty={list.rows.length === 0}
      empty={t("reviewsEmpty")}
      caption={t("reviewsCaption")}
      headings={[
        t("reviewsColumns.posted"),
        t("reviewsColumns.rating"),
        t("reviewsColumns.text"),
        t("reviewsColumns.buyer"),
        t("reviewsColumns.reply"),
        t("reviewsColumns.scope"),
      ]}
      page={list}
      pageHref={pageHref}
    >
      {list.rows.map((review) => (
        <tr key={review.id}>
          <td className="cell-nowrap">
            <time dateTime={review.postedAt.toISOString()}>{format.dateTime(review.postedAt, DATE_TIME)}</time>
            {review.editedAt && (
              <div className="muted">{t("edited", { date: format.dateTime(review.editedAt, { dateStyle: "medium" }) })}</div>
            )}
          </td>
          <td className="cell-nowrap">{t("stars", { rating: review.rating })}</td>
          <td className="cell-wrap">
            <ReviewText text={review.text} />
            <code className="muted">{review.externalId}</code>
          </td>
          <td>
            <code>{review.buyerId}</code>
            {review.orderExternalId && <div className="muted">{t("order", { order: review.orderExternalId })}</div>}
          </td>
          <td className="cell-wrap">
            {review.reply ? (
              <>
                <span className="muted">
                  {t("repliedOn", { date: format.dateTime(review.reply.createdAt, { dateStyle: "medium" }) })}
                </span>{" "}
                {review.reply.body}
              </>
            ) : (
              <span className="muted">{t("noReply")}</span>
            )}
          </td>
          <td className="cell-nowrap">
            {review.caseId === null ? (
              <span className="muted">{t("notInCase")}</span>
            ) : (
              <Link href={`/moderator/cases/${review.caseId}`}>{t("inCase", { id: review.caseId })}</Link>
            )}
          </td>
        </tr>
      ))}
    </ListSection>
  );
}

const isComplaintReason = (reason: string): reason is ComplaintReason =>
  (COMPLAINT_REASONS as readonly string[]).includes(reason);

export function Complaints({
  list,
  pageHref,
}: {
  list: KeysetPage<SellerComplaint> & { total: number };
  pageHref: ListPageHref;
}) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  return (
    <ListSection
      id="complaints"
      heading={t("complaintsHeading")}
      intro={t("complaintsIntro", { total: list.total })}
      isEmpty={list.rows.length === 0}
      empty={t("complaintsEmpty")}
      caption={t("complaintsCaption")}
      headings={[
        t("complaintsColumns.filed"),
        t("complaintsColumns.reason"),
        t("complaintsColumns.text"),
        t("complaintsColumns.buyer"),
      ]}
      page={list}
      pageHref={pageHref}
    >
      {list.rows.map((complaint) => (
        <tr key={complaint.id}>
          <td className="cell-nowrap">
            <time dateTime={complaint.filedAt.toISOString()}>{format.dateTime(complaint.filedAt, DATE_TIME)}</time>
          </td>
          <td>{isComplaintReason(complaint.reason) ? tQuality(`complaintReasons.${complaint.reason}`) : complaint.reason}</td>
          <td className="cell-wrap">
            <ReviewText text={complaint.text} />
            <code className="muted">{complaint.externalId}</code>
          </td>
          <td>
            <code>{complaint.buyerId}</code>
            {complaint.orderExternalId && <div className="muted">{t("order", { order: complaint.orderExternalId })}</div>}
          </td>
        </tr>
      ))}
    </ListSection>
  );
}

const STATUS_CLASS: Record<ReviewSignalStatus, string> = {
  suspected: "signal-suspected",
  confirmed: "status-off",
  cleared: "status-on",
};

export function SuspectedReviews({
  list,
  pageHref,
}: {
  list: KeysetPage<SellerSuspectedReview> & { counts: Record<ReviewSignalStatus, number> };
  pageHref: ListPageHref;
}) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  return (
    <ListSection
      id="signals"
      heading={t("signalsHeading")}
      intro={t("signalsIntro", list.counts)}
      isEmpty={list.rows.length === 0}
      empty={t("signalsEmpty")}
      caption={t("signalsCaption")}
      headings={[t("signalsColumns.posted"), t("signalsColumns.rating"), t("signalsColumns.text"), t("signalsColumns.signals")]}
      page={list}
      pageHref={pageHref}
    >
      {list.rows.map((review) => (
        <tr key={review.id}>
          <td className="cell-nowrap">
            <time dateTime={review.postedAt.toISOString()}>{format.dateTime(review.postedAt, DATE_TIME)}</time>
            {review.removedAt && <span className="tag">{t("removed")}</span>}
          </td>
          <td className="cell-nowrap">{t("stars", { rating: review.rating })}</td>
          <td className="cell-wrap">
            <ReviewText text={review.text} />
            <code className="muted">{review.externalId}</code>
          </td>
          <td className="cell-wrap">
            <ul className="signal-list">
              {review.signals.map((signal) => (
                <li key={signal.id}>
                  <span className="cell-strong">{tQuality(`signalKinds.${signal.kind}`)}</span>{" "}
                  <span className={`status ${STATUS_CLASS[signal.status]}`}>{tQuality(`signalStatuses.${signal.status}`)}</span>
                  <p className="reason-text">
                    <SignalReason reason={signal} />
                  </p>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ))}
    </ListSection>
  );
}

/** A signal's stored reason in a sentence (the details of each kind: lib/sellers/review-signal-details.ts). */
function SignalReason({ reason }: { reason: ReviewSignalReason }) {
  const t = useTranslations("sellerView.signalExplain");
  const format = useFormatter();
  switch (reason.kind) {
    case "no_matching_purchase": {
      const details = reason.details;
      if (!details) break;
      return details.orderId
        ? t("no_matching_purchaseOrder", {
            buyer: details.buyerId,
            order: details.orderId,
            orderBuyer: details.orderBuyerId ?? "—",
          })
        : t("no_matching_purchase", { buyer: details.buyerId });
    }
    case "five_star_burst": {
      const details = reason.details;
      if (!details) break;
      return t("five_star_burst", {
        count: details.fiveStarReviews,
        day: format.dateTime(new Date(`${details.day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }),
        rate: format.number(details.usualDailyRate, { maximumFractionDigits: 2 }),
        days: details.baselineDays,
      });
    }
    case "repeat_buyer": {
      const details = reason.details;
      if (!details) break;
      return t("repeat_buyer", { buyer: details.buyerId, count: details.reviewsNearby, days: details.withinDays });
    }
    case "single_activity_buyer": {
      const details = reason.details;
      if (!details) break;
      return t("single_activity_buyer", { buyer: details.buyerId });
    }
  }
  return t("unreadable");
}

export function SellerCases({ cases }: { cases: SellerCaseSummary[] }) {
  const t = useTranslations("sellerView");
  const tQuality = useTranslations("quality");
  const format = useFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });
  return (
    <section aria-labelledby="cases-heading" className="section" id="cases">
      <h2 id="cases-heading">{t("casesHeading")}</h2>
      {cases.length === 0 ? (
        <p className="empty">{t("casesEmpty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-dense">
            <caption className="visually-hidden">{t("casesCaption")}</caption>
            <thead>
              <tr>
                {(["case", "status", "excluded", "recheck", "reinstated", "openedBy"] as const).map((column) => (
                  <th key={column} scope="col">
                    {t(`casesColumns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cases.map((sellerCase) => (
                <tr key={sellerCase.id}>
                  <th scope="row">
                    <Link href={`/moderator/cases/${sellerCase.id}`}>{t("caseLink", { id: sellerCase.id })}</Link>
                  </th>
                  <td>{tQuality(`caseStatuses.${sellerCase.status}`)}</td>
                  <td className="cell-nowrap">{date(sellerCase.excludedAt)}</td>
                  <td className="cell-nowrap">{date(sellerCase.recheckAt)}</td>
                  <td className="cell-nowrap">
                    {sellerCase.reinstatedAt ? (
                      date(sellerCase.reinstatedAt)
                    ) : (
                      <span className="muted">{t("notReinstated")}</span>
                    )}
                  </td>
                  <td>{sellerCase.openedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
