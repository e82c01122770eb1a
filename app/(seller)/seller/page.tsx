import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { StatCard } from "@/app/_components/stat-card";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getSellerOverview, OVERVIEW_WINDOW_DAYS } from "@/lib/sellers/get-seller-overview";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("seller");
  return { title: t("title") };
}

export default async function SellerHomePage() {
  const actor = await requirePagePermission("seller-portal:use");
  const [overview, t, format] = await Promise.all([
    getSellerOverview({ actor, now: currentTime() }),
    getTranslations("seller"),
    getFormatter(),
  ]);
  const isQuiet = overview.orders + overview.reviews + overview.complaints === 0;

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
            <dd className="shop-name">{overview.seller.name}</dd>
          </div>
          <div>
            <dt>{t("sellerId")}</dt>
            <dd>
              <code>{overview.seller.externalId}</code>
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="recent-heading" className="section">
        <div className="section-heading">
          <h2 id="recent-heading">{t("recentHeading", { days: OVERVIEW_WINDOW_DAYS })}</h2>
          <p className="muted">
            {t("period", {
              range: format.dateTimeRange(overview.window.from, overview.window.to, { dateStyle: "medium" }),
            })}
          </p>
        </div>
        <div className="stat-grid">
          <StatCard label={t("orders")} value={overview.orders} />
          <StatCard label={t("reviews")} value={overview.reviews} />
          <StatCard label={t("negativeReviews")} value={overview.negativeReviews} detail={t("negativeReviewsHint")} />
          <StatCard label={t("complaints")} value={overview.complaints} />
        </div>
        {isQuiet && <p className="muted">{t("quiet")}</p>}
      </section>

      <aside className="notice" aria-label={t("evaluationHeading")}>
        <h2>{t("evaluationHeading")}</h2>
        <p>{t("evaluationPending")}</p>
      </aside>
    </>
  );
}
