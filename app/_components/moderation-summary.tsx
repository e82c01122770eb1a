import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatCard } from "@/app/_components/stat-card";
import type { UserActor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { getModerationSummary } from "@/lib/dashboard/get-moderation-summary";

/** The moderation queue in numbers: the moderator's home, and part of the admin's. */
export async function ModerationSummary({ actor, heading }: { actor: UserActor; heading: string }) {
  const [summary, t] = await Promise.all([
    getModerationSummary({ actor, now: currentTime() }),
    getTranslations("moderation.summary"),
  ]);
  const activeCases = summary.excludedCases + summary.casesDueForRecheck;
  return (
    <section aria-labelledby="moderation-summary-heading" className="section">
      <h2 id="moderation-summary-heading">{heading}</h2>
      <div className="stat-grid stat-grid-3">
        <StatCard
          label={t("openFlags")}
          value={summary.openFlags}
          emptyText={t("openFlagsEmpty")}
          detail={<Link href="/moderator/flags">{t("openFlagsDetail")}</Link>}
        />
        <StatCard
          label={t("activeCases")}
          value={activeCases}
          emptyText={t("activeCasesEmpty")}
          detail={
            <Link href="/moderator/cases?queue=due">
              {t("activeCasesDetail", { excluded: summary.excludedCases, due: summary.casesDueForRecheck })}
            </Link>
          }
        />
        <StatCard
          label={t("lettersAwaiting")}
          value={summary.lettersAwaitingAnswer}
          emptyText={t("lettersAwaitingEmpty")}
          detail={
            <Link href="/moderator/letters">
              {summary.lettersOverdue > 0 ? t("lettersOverdue", { count: summary.lettersOverdue }) : t("lettersAwaitingDetail")}
            </Link>
          }
        />
        <StatCard
          label={t("appealsWaiting")}
          value={summary.appealsWaiting}
          emptyText={t("appealsWaitingEmpty")}
          detail={<Link href="/moderator/appeals">{t("appealsWaitingDetail")}</Link>}
        />
      </div>
    </section>
  );
}
