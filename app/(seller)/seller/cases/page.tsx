import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseStatusBadge } from "@/app/_components/case-status-badge";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { listSellerCases } from "@/lib/cases/get-case-for-seller";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import { CaseDates } from "./case-dates";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerCase.list");
  return { title: t("title") };
}

/** The seller's exclusion cases, the open one and the past ones, newest first; each opens its own page. */
export default async function SellerCasesPage() {
  const actor = await requirePagePermission("seller-portal:use");
  const [cases, t] = await Promise.all([listSellerCases({ actor }), getTranslations("sellerCase.list")]);

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
                <CaseStatusBadge status={theCase.status} words="seller" />
              </p>
              <dl className="facts">
                <CaseDates theCase={theCase} />
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
