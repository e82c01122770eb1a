import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { listHref, Pagination } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { listCaseReviewsForSeller } from "@/lib/cases/list-case-reviews-for-seller";
import { currentTime } from "@/lib/clock";
import { listCursorParams, readListCursor, type ListCursor } from "@/lib/search/keyset";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import { CausesChart } from "./causes-chart";
import { ReviewCard } from "./review-card";

export const dynamic = "force-dynamic";

/** What the page's forms word in the browser. */
const CLIENT_MESSAGES = ["error", "actionErrors", "sellerReviews", "notifications.rootCauses", "cases.steps"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerReviews");
  return { title: t("title") };
}

/**
 * The negative reviews in the seller's case: the policy's guidance, their progress and causes, and
 * per review a card to name its cause and record what was done. Another seller's case is a 404.
 */
export default async function SellerCaseReviewsPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const actor = await requirePagePermission("seller-portal:use");
  const caseId = idFromUrl((await params).caseId);
  const query = await searchParams;
  const cursor = readListCursor((name) => readParam(query, name), "reviews");
  const work = await orNotFound(() => listCaseReviewsForSeller({ actor, caseId, cursor, now: currentTime() }));
  const [t, causes, format] = await Promise.all([
    getTranslations("sellerReviews"),
    getTranslations("notifications.rootCauses"),
    getFormatter(),
  ]);
  const pageHref = (next: ListCursor) =>
    `${listHref(SELLER_PATHS.reviews(caseId), listCursorParams("reviews", next))}#reviews-heading`;
  const bars = work.rootCauseCounts.map((entry) => ({ cause: causes(entry.rootCause), count: entry.count }));
  const { reviews } = work;

  return (
    <ClientMessages paths={CLIENT_MESSAGES}>
      <PageHeading title={t("title")} intro={t("intro")}>
        <Link href={SELLER_PATHS.case(caseId)} className="button button-quiet">
          {t("backToCase")}
        </Link>
      </PageHeading>

      <section className="section panel" aria-labelledby="guidance-heading">
        <h2 id="guidance-heading">{t("guidanceHeading")}</h2>
        <ol>
          <li>{t("guidanceCause")}</li>
          <li>{t("guidanceContact")}</li>
          <li>{t("guidanceAgree")}</li>
          <li>{t("guidanceReply")}</li>
        </ol>
      </section>

      <section className="section" aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("progressHeading")}</h2>
        <p className="cell-strong">{t("progress", { analysed: work.analysed, total: work.total, resolved: work.resolved })}</p>
        <h3>{t("causesHeading")}</h3>
        {bars.length === 0 ? (
          <p className="muted">{t("causesNone")}</p>
        ) : (
          <>
            <CausesChart
              bars={bars}
              label={t("causesChart", { summary: bars.map((bar) => `${bar.cause}: ${bar.count}`).join(", ") })}
            />
            <ul className="plain-list" aria-label={t("causesHeading")}>
              {bars.map((bar) => (
                <li key={bar.cause}>
                  {bar.cause}: <span className="cell-strong">{bar.count}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="section" aria-labelledby="reviews-heading">
        <h2 id="reviews-heading">{t("reviewsHeading", { count: work.total })}</h2>
        {!work.isOpen && <p className="notice">{t("closed")}</p>}
        {work.total === 0 ? (
          <p className="empty">{t("noReviews")}</p>
        ) : (
          <>
            {reviews.rows.map((review) => (
              <ReviewCard
                key={review.reviewId}
                caseId={caseId}
                review={review}
                isOpen={work.isOpen}
                postedOn={format.dateTime(review.postedAt, { dateStyle: "medium" })}
                recordedOn={review.resolvedAt ? format.dateTime(review.resolvedAt, { dateStyle: "medium" }) : null}
              />
            ))}
            <Pagination
              previousHref={reviews.newerCursor ? pageHref(reviews.newerCursor) : undefined}
              nextHref={reviews.olderCursor ? pageHref(reviews.olderCursor) : undefined}
              previousLabel={t("newer")}
              nextLabel={t("older")}
              status={t("shown", { shown: reviews.rows.length, total: work.total })}
            />
          </>
        )}
      </section>
    </ClientMessages>
  );
}
