import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { orNotFound } from "@/app/_components/or-not-found";
import { listHref } from "@/app/_components/pagination";
import { PageHeading } from "@/app/_components/page-heading";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { getSellerForModerator } from "@/lib/sellers/get-seller-for-moderator";
import { getSellerTrend } from "@/lib/sellers/get-seller-trend";
import { resolveSellerRef } from "@/lib/sellers/resolve-seller-ref";
import { listCursorParams, readListCursor, type ListCursor } from "@/lib/search/keyset";
import { listSellerComplaints } from "@/lib/sellers/list-seller-complaints";
import { listSellerReviewSignals } from "@/lib/sellers/list-seller-review-signals";
import { listSellerReviews } from "@/lib/sellers/list-seller-reviews";
import { FlagReasons } from "./flag-reasons";
import { MetricsTable } from "@/app/_components/metrics-table";
import { Complaints, NegativeReviews, SellerCases, SuspectedReviews } from "./seller-lists";
import { MINIMUM_EXCLUSION_DAYS } from "@/lib/cases/case-machine";
import { OpenCaseManuallyForm } from "@/app/(moderator)/moderator/flags/[flagId]/triage-forms";
import { TrendSection } from "./trend-section";
import { currentTime } from "@/lib/clock";

export const dynamic = "force-dynamic";

/** The page's three lists page on their own, each by its own cursor parameters. */
const LISTS = ["reviews", "complaints", "signals"] as const;
type ListName = (typeof LISTS)[number];

type Props = { params: Promise<{ sellerId: string }>; searchParams: Promise<SearchParams> };

/** The seller's view, once per request: the page and its metadata both need it. The path holds our id or the marketplace's. */
const loadSellerView = cache(async (sellerRef: string) => {
  const actor = await requirePagePermission("sellers:view-all");
  return orNotFound(async () => {
    const sellerId = await resolveSellerRef({ actor, ref: sellerRef });
    return { actor, sellerId, view: await getSellerForModerator({ actor, sellerId, now: currentTime() }) };
  });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { view } = await loadSellerView((await params).sellerId);
  return { title: `${view.seller.name} (${view.seller.externalId})` };
}

export default async function SellerPage({ params, searchParams }: Props) {
  const { actor, sellerId, view } = await loadSellerView((await params).sellerId);
  const query = await searchParams;
  const cursors = Object.fromEntries(
    LISTS.map((list) => [list, readListCursor((name) => readParam(query, name), list)]),
  ) as Record<ListName, ListCursor>;

  const [trend, reviews, complaints, signals, t, tQuality, tCases, format] = await Promise.all([
    getSellerTrend({ actor, sellerId }),
    listSellerReviews({ actor, sellerId, cursor: cursors.reviews }),
    listSellerComplaints({ actor, sellerId, cursor: cursors.complaints }),
    listSellerReviewSignals({ actor, sellerId, cursor: cursors.signals }),
    getTranslations("sellerView"),
    getTranslations("quality"),
    getTranslations("cases"),
    getFormatter(),
  ]);
  const { seller, quality, openFlag, activeCase } = view;

  const path = `/moderator/sellers/${seller.id}`;
  const pageHref = (list: ListName) => (cursor: ListCursor) => {
    const kept = Object.fromEntries(
      LISTS.filter((other) => other !== list).flatMap((other) => Object.entries(listCursorParams(other, cursors[other]))),
    );
    return `${listHref(path, { ...kept, ...listCursorParams(list, cursor) })}#${list}`;
  };
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium" });

  return (
    <>
      <p className="breadcrumb">
        <Link href="/moderator/sellers">← {t("backToList")}</Link>
      </p>
      <PageHeading title={seller.name} intro={t("intro", { externalId: seller.externalId })} />

      <section aria-labelledby="facts-heading" className="panel">
        <h2 id="facts-heading" className="visually-hidden">
          {t("factsHeading")}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("email")}</dt>
            <dd>{seller.email ?? <span className="muted">{t("noEmail")}</span>}</dd>
          </div>
          <div>
            <dt>{t("evaluation")}</dt>
            <dd>{quality.asOf ? date(new Date(quality.asOf)) : <span className="muted">{t("noEvaluation")}</span>}</dd>
          </div>
          <div>
            <dt>{t("eligibility")}</dt>
            <dd>{quality.eligible ? t("eligible") : t("notEligible")}</dd>
          </div>
          <div>
            <dt>{t("flag")}</dt>
            <dd>
              <span className={`status ${quality.flagged ? "status-off" : "status-on"}`}>
                {quality.flagged ? t("flagged") : t("notFlagged")}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t("activeCase")}</dt>
            <dd>
              {activeCase ? (
                <Link href={`/moderator/cases/${activeCase.id}`}>
                  {t("activeCaseText", {
                    status: tQuality(`caseStatuses.${activeCase.status}`),
                    excluded: date(activeCase.excludedAt),
                    recheck: date(activeCase.recheckAt),
                  })}
                </Link>
              ) : (
                t("noActiveCase")
              )}
            </dd>
          </div>
        </dl>
      </section>

      {!activeCase &&
        (openFlag ? (
          <p className="section">
            <Link href={`/moderator/flags/${openFlag.id}`} className="button">
              {tCases("flag.triageFlag")}
            </Link>
          </p>
        ) : (
          <section className="panel section" aria-labelledby="manual-case-heading">
            <h2 id="manual-case-heading">{tCases("flag.manualHeading")}</h2>
            <p className="muted">{tCases("flag.manualIntro", { days: MINIMUM_EXCLUSION_DAYS })}</p>
            <OpenCaseManuallyForm sellerId={seller.id} />
          </section>
        ))}
      {openFlag && <FlagReasons flag={openFlag} />}
      <MetricsTable quality={quality} />
      <TrendSection trend={trend} />
      <NegativeReviews list={reviews} pageHref={pageHref("reviews")} />
      <Complaints list={complaints} pageHref={pageHref("complaints")} />
      <SuspectedReviews list={signals} pageHref={pageHref("signals")} />
      <SellerCases cases={view.cases} />
    </>
  );
}
