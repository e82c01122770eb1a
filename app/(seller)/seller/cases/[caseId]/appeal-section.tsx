import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { appealAnchor, getAppealsForSeller } from "@/lib/appeals/get-appeals-for-seller";
import type { UserActor } from "@/lib/auth/actor";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/**
 * "Contest a decision": each contestable decision (the exclusion, each extension) with a link to
 * contest it on the appeal page, or the state of the appeal already made. A decision whose period
 * is over and was never contested is not offered.
 */
export async function AppealSection({ actor, caseId, now }: { actor: UserActor; caseId: number; now: Date }) {
  const [appeals, t, format] = await Promise.all([
    getAppealsForSeller({ actor, caseId, now }),
    getTranslations("sellerCase.appeals"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const shown = appeals.decisions.filter((decision) => decision.appeal || decision.isWithinPeriod);
  if (shown.length === 0) return null;
  return (
    <section className="panel section" aria-labelledby="appeals-heading">
      <h2 id="appeals-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <ul className="plain-list">
        {shown.map((decision) => {
          const href = `${SELLER_PATHS.appeal(caseId)}#${appealAnchor(decision.decisionId)}`;
          const date = day(decision.decidedAt);
          return (
            <li key={href}>
              <Link href={href}>
                {decision.appeal
                  ? t("appealed", { subject: decision.subject, date, status: decision.appeal.status })
                  : decision.subject === "exclusion"
                    ? t("contestExclusion")
                    : t("contestExtension", { date })}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
