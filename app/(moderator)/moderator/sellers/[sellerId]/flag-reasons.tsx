import { useFormatter, useTranslations } from "next-intl";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import type { SellerForModerator } from "@/lib/sellers/get-seller-for-moderator";

/** The open flag's reasons, each in a sentence with its numbers: the same words as the queue and the case. */
export function FlagReasons({ flag }: { flag: NonNullable<SellerForModerator["openFlag"]> }) {
  const t = useTranslations("sellerView");
  const format = useFormatter();
  return (
    <section aria-labelledby="flag-heading" className="section panel flag-panel">
      <h2 id="flag-heading">{t("flagHeading")}</h2>
      <p>{t("flagIntro", { date: format.dateTime(flag.evaluationAsOf, { dateStyle: "medium" }) })}</p>
      <FlagReasonList reasons={flag.reasons} />
    </section>
  );
}
