import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { getCaseForSeller } from "@/lib/cases/get-case-for-seller";
import { currentTime } from "@/lib/clock";
import { AppealSection } from "./appeal-section";
import { CaseNav } from "./case-nav";
import { DecisionsSection } from "./decisions-section";
import { ReasonsSection } from "./reasons-section";
import { RecheckSection } from "./recheck-section";
import { StepsSection } from "./steps-section";
import { SummarySection } from "./summary-section";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerCase");
  return { title: t("title") };
}

/**
 * The seller's exclusion, in the order a seller needs it: where they stand and the countdown, why,
 * what to do (their own progress), what the moderator will check, and the decisions. Another
 * seller's case is not found (lib/cases/seller-case-access.ts). A closed case reads as its outcome.
 */
export default async function SellerCasePage({ params }: { params: Promise<{ caseId: string }> }) {
  const actor = await requirePagePermission("seller-portal:use");
  const caseId = idFromUrl((await params).caseId);
  const now = currentTime();
  const theCase = await orNotFound(() => getCaseForSeller({ actor, caseId, now }));
  const t = await getTranslations("sellerCase");

  return (
    <>
      <PageHeading title={theCase.isClosed ? t("titleNumbered", { id: theCase.caseId }) : t("title")}>
        <Link href="/seller/cases" className="button button-quiet">
          {t("allCases")}
        </Link>
      </PageHeading>
      <CaseNav caseId={theCase.caseId} current="overview" />
      <SummarySection theCase={theCase} />
      <ReasonsSection theCase={theCase} />
      {!theCase.isClosed && <StepsSection theCase={theCase} />}
      <RecheckSection theCase={theCase} />
      <DecisionsSection theCase={theCase} />
      <AppealSection actor={actor} caseId={theCase.caseId} now={now} />
    </>
  );
}
