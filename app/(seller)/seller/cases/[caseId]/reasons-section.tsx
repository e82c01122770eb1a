import { useTranslations } from "next-intl";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import type { CaseForSeller } from "@/lib/cases/get-case-for-seller";

/** Why: the reasons frozen at the exclusion in the one wording every page shares, told to the seller; the moderator's own words. */
export function ReasonsSection({ theCase }: { theCase: CaseForSeller }) {
  const t = useTranslations("sellerCase.reasons");
  return (
    <section className="panel section" aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">{t("heading")}</h2>
      {theCase.reasons.length > 0 ? (
        <>
          <p className="muted">{t("intro")}</p>
          <FlagReasonList reasons={theCase.reasons} audience="seller" />
        </>
      ) : (
        <p>{t("byHand")}</p>
      )}
      {theCase.openReason && (
        <figure>
          <figcaption className="cell-strong">{t("messageHeading")}</figcaption>
          <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
            {theCase.openReason}
          </blockquote>
        </figure>
      )}
    </section>
  );
}
