import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExclusionsChart } from "@/app/(admin)/admin/exclusions-chart";
import { StatCard } from "@/app/_components/stat-card";
import type { UserActor } from "@/lib/auth/actor";
import { currentTime } from "@/lib/clock";
import { getAdminOverview, OVERVIEW_WEEKS, REINSTATEMENT_MEDIAN_DAYS } from "@/lib/dashboard/get-admin-overview";
import { env } from "@/lib/env";

/** Where each number of the overview is listed, with the list's own filter. */
export const OVERVIEW_LINKS = {
  openCases: "/moderator/cases",
  casesDue: "/moderator/cases?queue=due",
  lettersOverdue: "/moderator/letters?overdue=1",
  appealsWaiting: "/moderator/appeals",
  reinstated: "/moderator/cases?queue=reinstated",
  flagsThisWeek: "/moderator/flags",
  outboxFailures: "/admin/outbox?status=failing",
} as const;

/** The state of the whole desk in numbers, each linked to its list, and the weekly exclusions and reinstatements. */
export async function AdminOverview({ actor }: { actor: UserActor }) {
  const [overview, t, format] = await Promise.all([
    getAdminOverview({ actor, now: currentTime(), timeZone: env.PORTAL_TIME_ZONE }),
    getTranslations("admin.overview"),
    getFormatter(),
  ]);
  const stat = (key: Exclude<keyof typeof OVERVIEW_LINKS, "reinstated">, value: number) => (
    <StatCard label={t(`${key}.label`)} value={value} detail={<Link href={OVERVIEW_LINKS[key]}>{t(`${key}.link`)}</Link>} />
  );
  const weekLabel = (weekStart: string) =>
    format.dateTime(new Date(`${weekStart}T12:00:00Z`), { day: "numeric", month: "short", timeZone: "UTC" });
  const weeks = overview.weeks.map((week) => ({ ...week, label: weekLabel(week.weekStart) }));
  const median = overview.medianDaysToReinstatement;

  return (
    <>
      <section aria-labelledby="overview-heading" className="section">
        <h2 id="overview-heading">{t("heading")}</h2>
        <div className="stat-grid">
          {stat("openCases", overview.openCases)}
          {stat("casesDue", overview.casesDue)}
          {stat("lettersOverdue", overview.lettersOverdue)}
          {stat("appealsWaiting", overview.appealsWaiting)}
          <section className="stat-card" aria-labelledby="overview-median-heading">
            <h3 id="overview-median-heading" className="stat-label">
              {t("median.label")}
            </h3>
            <p className="stat-value">
              {median === null ? "—" : t("median.value", { days: format.number(median, { maximumFractionDigits: 1 }) })}
            </p>
            <p className="stat-note">
              <Link href={OVERVIEW_LINKS.reinstated}>
                {t("median.link", { count: overview.reinstatementsInMedian, days: REINSTATEMENT_MEDIAN_DAYS })}
              </Link>
            </p>
          </section>
          {stat("flagsThisWeek", overview.flagsThisWeek)}
          {stat("outboxFailures", overview.outboxFailures)}
        </div>
      </section>

      <section aria-labelledby="overview-weeks-heading" className="section">
        <h2 id="overview-weeks-heading">{t("weeks.heading", { weeks: OVERVIEW_WEEKS })}</h2>
        <figure className="trend-figure">
          <ExclusionsChart
            weeks={weeks}
            label={t("weeks.chartLabel", {
              weeks: OVERVIEW_WEEKS,
              numbers: weeks
                .map((week) =>
                  t("weeks.chartWeek", { week: week.label, exclusions: week.exclusions, reinstatements: week.reinstatements }),
                )
                .join("; "),
            })}
            exclusionsName={t("weeks.exclusions")}
            reinstatementsName={t("weeks.reinstatements")}
          />
          <figcaption className="visually-hidden">{t("weeks.heading", { weeks: OVERVIEW_WEEKS })}</figcaption>
        </figure>
        <div className="table-wrap">
          <table className="table table-dense">
            <caption className="visually-hidden">{t("weeks.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("weeks.week")}</th>
                <th scope="col">{t("weeks.exclusions")}</th>
                <th scope="col">{t("weeks.reinstatements")}</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr key={week.weekStart}>
                  <th scope="row">
                    <time dateTime={week.weekStart}>{week.label}</time>
                  </th>
                  <td>{format.number(week.exclusions)}</td>
                  <td>{format.number(week.reinstatements)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
