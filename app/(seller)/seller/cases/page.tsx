import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { listSellerCases } from "@/lib/cases/get-case-for-seller";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerCase.list");
  return { title: t("title") };
}

/** The seller's exclusion cases, the open one and the past ones, newest first; each opens its own page. */
export default async function SellerCasesPage() {
  const actor = await requirePagePermission("seller-portal:use");
  const [cases, t, tStatus, format] = await Promise.all([
    listSellerCases({ actor }),
    getTranslations("sellerCase.list"),
    getTranslations("sellerCase.status"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")} />
      {cases.length === 0 ? (
        <p className="empty">{t("empty")}</p>
      ) : (
        <ul className="plain-list" aria-label={t("caption", { count: cases.length })}>
          {cases.map((theCase) => (
            <li key={theCase.caseId} className="panel">
              <p className="cell-strong">
                <Link href={SELLER_PATHS.case(theCase.caseId)}>{t("open", { id: theCase.caseId })}</Link>{" "}
                <span className={`case-status case-status-${theCase.status.toLowerCase().replaceAll("_", "-")}`}>
                  {tStatus(theCase.status)}
                </span>
              </p>
              <dl className="facts">
                <div>
                  <dt>{t("excludedOn")}</dt>
                  <dd>{day(theCase.excludedAt)}</dd>
                </div>
                {theCase.reinstatedAt ? (
                  <div>
                    <dt>{t("reinstatedOn")}</dt>
                    <dd>{day(theCase.reinstatedAt)}</dd>
                  </div>
                ) : (
                  <div>
                    <dt>{t("recheckOn")}</dt>
                    <dd>{day(theCase.recheckAt)}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
