import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { listHref } from "@/app/_components/pagination";
import { readParam, type SearchParams } from "@/app/_components/search-params";
import { requirePagePermission } from "@/lib/auth/session";
import { addDays } from "@/lib/cases/case-machine";
import { getCaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { currentTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { localDate } from "@/lib/quality/business-hours";
import { listCursorParams, readListCursor, type ListCursor } from "@/lib/search/keyset";
import { CaseSummary } from "./case-summary";
import { ChecklistSection } from "./checklist-section";
import { DecisionSection } from "./decision-section";
import { EvidenceSection } from "./evidence-section";
import { LettersSection } from "./letters-section";
import { NotesSection } from "./notes-section";
import { OtherCasesSection } from "./other-cases-section";
import { ReviewsSection } from "./reviews-section";
import { SignalsSection } from "./signals-section";
import { StatementsSection } from "./statements-section";
import { TimelineSection } from "./timeline-section";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ caseId: string }> }): Promise<Metadata> {
  const t = await getTranslations("cases.casesQueue");
  return { title: `#${(await params).caseId} · ${t("title")}` };
}

/**
 * The case, in the order of the work: where it stands, the checklist, the letters that change
 * it, the decision; then what the exclusion was decided on, the reviews in scope, and the rest.
 */
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
  const t = await getTranslations("cases");

  return (
    <>
      <PageHeading title={t("case.title", { id: theCase.caseId, seller: theCase.seller.name })}>
        <Link href={`/moderator/sellers/${theCase.seller.id}`} className="button button-quiet">
          {t("case.sellerLink")}
        </Link>
      </PageHeading>
      <CaseSummary theCase={theCase} userId={actor.userId} />
      <ChecklistSection theCase={theCase} />
      <LettersSection theCase={theCase} now={now} />
      <DecisionSection theCase={theCase} defaultRecheckOn={localDate(addDays(now, 14), env.PORTAL_TIME_ZONE)} />
      <StatementsSection theCase={theCase} />
      <EvidenceSection theCase={theCase} />
      <ReviewsSection theCase={theCase} pageHref={reviewsPageHref} />
      <SignalsSection theCase={theCase} />
      <NotesSection theCase={theCase} />
      <TimelineSection timeline={theCase.timeline} />
      <OtherCasesSection theCase={theCase} />
    </>
  );
}
