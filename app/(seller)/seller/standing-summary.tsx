import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import type { EvaluatedStanding, SellerStanding } from "@/lib/sellers/get-seller-standing";

type SummaryKind = "excluded" | "flagged" | "close" | "fine" | "notEligible";

/** The one sentence a seller reads first: excluded, flagged, close to a rule, fine, or not judged yet. */
export function summaryKind(standing: SellerStanding & { evaluation: EvaluatedStanding }): SummaryKind {
  const { evaluation } = standing;
  if (standing.activeCase) return "excluded";
  if (!evaluation.eligible) return "notEligible";
  if (evaluation.flagged) return "flagged";
  return evaluation.closeRules.length > 0 ? "close" : "fine";
}

/** The plain-language summary, the exclusion banner when there is a case, and eligibility in the seller's numbers. */
export function StandingSummary({ standing }: { standing: SellerStanding & { evaluation: EvaluatedStanding } }) {
  const t = useTranslations("standing");
  const format = useFormatter();
  const { evaluation, activeCase } = standing;
  const kind = summaryKind(standing);
  const { orders, uniqueReviews } = evaluation.eligibility;

  return (
    <>
      <section aria-labelledby="summary-heading" className={`panel standing-summary standing-${kind}`}>
        <h2 id="summary-heading">{t("summaryHeading")}</h2>
        <p>{t(`summary.${kind}`)}</p>
        <p className="muted">{t("evaluatedOn", { date: format.dateTime(evaluation.asOf, { dateStyle: "long" }) })}</p>
      </section>

      {activeCase && <CaseBanner activeCase={activeCase} />}

      <section aria-labelledby="eligibility-heading" className="section">
        <h2 id="eligibility-heading">{t("eligibilityHeading")}</h2>
        {evaluation.eligible ? (
          <p>{t("eligibilityMet", { orders: orders.have, reviews: uniqueReviews.have })}</p>
        ) : (
          <ul className="plain-list">
            <li>
              <ProgressLine have={orders.have} need={orders.need} label={t("eligibilityOrders", orders)} />
            </li>
            <li>
              <ProgressLine have={uniqueReviews.have} need={uniqueReviews.need} label={t("eligibilityReviews", uniqueReviews)} />
            </li>
          </ul>
        )}
      </section>
    </>
  );
}

function ProgressLine({ have, need, label }: { have: number; need: number; label: string }) {
  return (
    <>
      <span>{label}</span> <progress max={need} value={Math.min(have, need)} aria-label={label} />
    </>
  );
}

/** The exclusion, with its re-check date and a link to the case, where the seller's steps are done. */
export function CaseBanner({ activeCase }: { activeCase: NonNullable<SellerStanding["activeCase"]> }) {
  const t = useTranslations("standing");
  const format = useFormatter();
  return (
    <section className="notice notice-danger" aria-labelledby="case-banner-heading">
      <h2 id="case-banner-heading">{t("caseHeading")}</h2>
      <p>
        {t("caseRecheck", {
          date: format.dateTime(activeCase.recheckAt, { dateStyle: "long" }),
          days: activeCase.daysLeft,
        })}
      </p>
      <p>
        <Link href={SELLER_PATHS.case(activeCase.id)}>{t("caseLink")}</Link>
      </p>
    </section>
  );
}
