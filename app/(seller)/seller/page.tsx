import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MetricsTable } from "@/app/_components/metrics-table";
import { PageHeading } from "@/app/_components/page-heading";
import { StatCard } from "@/app/_components/stat-card";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getSellerStanding, type SellerStanding } from "@/lib/sellers/get-seller-standing";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import { Improvements } from "./improvements";
import { RuleDistances } from "./rule-distances";
import { CaseBanner, StandingSummary } from "./standing-summary";
import { StandingTrend } from "./standing-trend";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("seller");
  return { title: t("title") };
}

/** The seller's standing: the summary first, then the case, the rules, what to improve, the numbers and the trend. */
export default async function SellerStandingPage() {
  const actor = await requirePagePermission("seller-portal:use");
  const [standing, t, tStanding, format] = await Promise.all([
    getSellerStanding({ actor, now: currentTime() }),
    getTranslations("seller"),
    getTranslations("standing"),
    getFormatter(),
  ]);
  const { evaluation } = standing;

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />

      <section className="panel shop-card" aria-labelledby="shop-heading">
        <h2 id="shop-heading" className="visually-hidden">
          {t("shopHeading")}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t("shopName")}</dt>
            <dd className="shop-name">{standing.seller.name}</dd>
          </div>
          <div>
            <dt>{t("sellerId")}</dt>
            <dd>
              <code>{standing.seller.externalId}</code>
            </dd>
          </div>
        </dl>
      </section>

      {evaluation === null ? (
        <>
          {standing.activeCase && <CaseBanner activeCase={standing.activeCase} />}
          <section aria-labelledby="no-evaluation-heading" className="notice">
            <h2 id="no-evaluation-heading">{tStanding("noEvaluationHeading")}</h2>
            <p>{tStanding("noEvaluation")}</p>
          </section>
        </>
      ) : (
        <>
          <StandingSummary standing={{ ...standing, evaluation }} />
          {evaluation.eligible && <RuleDistances evaluation={evaluation} />}
          <Improvements evaluation={evaluation} />
          <section aria-labelledby="live-heading" className="section">
            <div className="section-heading">
              <h2 id="live-heading">
                {tStanding("liveHeading", { date: format.dateTime(evaluation.asOf, { dateStyle: "long" }) })}
              </h2>
              <p className="muted">{tStanding("liveIntro")}</p>
            </div>
            <div className="stat-grid">
              <StatCard label={t("orders")} value={evaluation.sinceEvaluation.orders} />
              <StatCard label={t("reviews")} value={evaluation.sinceEvaluation.reviews} />
              <StatCard
                label={t("negativeReviews")}
                value={evaluation.sinceEvaluation.negativeReviews}
                detail={t("negativeReviewsHint")}
              />
              <StatCard label={t("complaints")} value={evaluation.sinceEvaluation.complaints} />
            </div>
          </section>
          <MetricsTable
            quality={{ asOf: evaluation.asOf.toISOString(), metrics: evaluation.metrics }}
            ownColumn={tStanding("metricsYou")}
          />
          <StandingTrend trend={standing.trend} />
        </>
      )}

      <PastCases standing={standing} />
    </>
  );
}

async function PastCases({ standing }: { standing: SellerStanding }) {
  if (standing.pastCases.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("standing"), getFormatter()]);
  return (
    <section aria-labelledby="past-cases-heading" className="section">
      <h2 id="past-cases-heading">{t("pastCasesHeading")}</h2>
      <ul className="plain-list">
        {standing.pastCases.map((past) => (
          <li key={past.id}>
            <Link href={SELLER_PATHS.case(past.id)}>
              {t("pastCase", {
                id: past.id,
                range: format.dateTimeRange(past.excludedAt, past.reinstatedAt ?? past.recheckAt, { dateStyle: "medium" }),
              })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
