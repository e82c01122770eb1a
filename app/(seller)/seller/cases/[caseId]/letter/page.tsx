import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { getLetterForSeller, startingPairs } from "@/lib/letters/get-letter-for-seller";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import { LetterForm } from "./letter-form";
import { LetterGuidance } from "./letter-guidance";
import { LetterThread } from "./letter-thread";

export const dynamic = "force-dynamic";

/** What the letter form translates in the browser. */
const LETTER_CLIENT_MESSAGES = ["actionErrors", "sellerLetter", "notifications.rootCauses"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerLetter");
  return { title: t("title") };
}

/**
 * The seller's Problem → Solution letter: the guidance beside the form (the draft, saved as they
 * type), then the versions sent with the moderator's answers. Another seller's case is not found.
 */
export default async function SellerLetterPage({ params }: { params: Promise<{ caseId: string }> }) {
  const actor = await requirePagePermission("seller-portal:use");
  const caseId = idFromUrl((await params).caseId);
  const now = currentTime();
  const [letter, t, format] = await Promise.all([
    orNotFound(() => getLetterForSeller({ actor, caseId, now })),
    getTranslations("sellerLetter"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const lastVersion = letter.versions[0];
  const isMostlyUnanalysed = letter.reviewsInScope > 0 && letter.reviewsAnalysed * 2 < letter.reviewsInScope;

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro")}>
        <Link href={SELLER_PATHS.case(caseId)}>{t("backToCase")}</Link>
      </PageHeading>

      {letter.isClosed && (
        <p className="notice" role="status">
          {t("closed")}
        </p>
      )}
      {letter.awaiting && (
        <p className="notice" role="status">
          {t("awaiting", { version: letter.awaiting.version, date: day(letter.awaiting.answerDueAt) })}
        </p>
      )}

      {letter.canWrite && (
        <div className="letter-layout">
          <section className="section" aria-labelledby="letter-form-heading">
            <h2 id="letter-form-heading">
              {t("formHeading", { version: letter.draft?.version ?? (lastVersion?.version ?? 0) + 1 })}
            </h2>
            {isMostlyUnanalysed && (
              <p className="notice">
                {t.rich("unanalysed", {
                  analysed: letter.reviewsAnalysed,
                  total: letter.reviewsInScope,
                  link: (chunks) => <Link href={SELLER_PATHS.reviews(caseId)}>{chunks}</Link>,
                })}
              </p>
            )}
            {!letter.draft && lastVersion && <p className="muted">{t("revising", { version: lastVersion.version })}</p>}
            {!letter.draft && !lastVersion && letter.frequentCauses.length > 0 && <p className="muted">{t("prefilled")}</p>}
            <ClientMessages paths={LETTER_CLIENT_MESSAGES}>
              <LetterForm caseId={caseId} pairs={startingPairs(letter)} savedAt={letter.draft?.updatedAt.toISOString() ?? null} />
            </ClientMessages>
          </section>
          <LetterGuidance />
        </div>
      )}

      <LetterThread versions={letter.versions} />
    </>
  );
}
