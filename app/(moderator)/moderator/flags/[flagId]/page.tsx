import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { MINIMUM_EXCLUSION_DAYS } from "@/lib/cases/case-machine";
import { getFlagForModerator } from "@/lib/cases/get-flag-for-moderator";
import { DismissFlagForm, OpenCaseForm } from "./triage-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("cases.flagsQueue");
  return { title: t("title") };
}

export default async function FlagTriagePage({ params }: { params: Promise<{ flagId: string }> }) {
  const actor = await requirePagePermission("flags:triage");
  const flagId = idFromUrl((await params).flagId);
  const flag = await orNotFound(() => getFlagForModerator({ actor, flagId }));
  const [t, format] = await Promise.all([getTranslations("cases"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeading
        title={t("flag.title", { seller: flag.seller.name })}
        intro={t("flag.intro", { asOf: when(flag.evaluationAsOf) })}
      >
        <Link href={`/moderator/sellers/${flag.seller.id}`} className="button button-quiet">
          {t("flag.sellerLink")}
        </Link>
      </PageHeading>

      <section className="panel section" aria-labelledby="flag-reasons-heading">
        <h2 id="flag-reasons-heading">{t("flag.reasonsHeading")}</h2>
        <FlagReasonList reasons={flag.reasons} />
        <p className="muted">
          <code>{flag.seller.externalId}</code> · {t("flag.earlierCases", { count: flag.earlierCases })}
        </p>
      </section>

      <section className="section" aria-labelledby="earlier-flags-heading">
        <h2 id="earlier-flags-heading">{t("flag.earlierFlagsHeading")}</h2>
        {flag.earlierFlags.length === 0 ? (
          <p className="muted">{t("flag.earlierFlagsNone")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table-dense">
              <caption className="visually-hidden">{t("flag.earlierFlagsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("flag.earlierFlagsColumns.week")}</th>
                  <th scope="col">{t("flag.earlierFlagsColumns.outcome")}</th>
                  <th scope="col">{t("flag.earlierFlagsColumns.reason")}</th>
                  <th scope="col">{t("flag.earlierFlagsColumns.by")}</th>
                </tr>
              </thead>
              <tbody>
                {flag.earlierFlags.map((earlier) => (
                  <tr key={earlier.flagId}>
                    <th scope="row">
                      <Link href={`/moderator/flags/${earlier.flagId}`}>
                        {format.dateTime(earlier.evaluationAsOf, { dateStyle: "medium" })}
                      </Link>
                    </th>
                    <td>{t(`flagStatuses.${earlier.status}`)}</td>
                    <td className="cell-wrap">{earlier.dismissReason ?? <span className="muted">—</span>}</td>
                    <td>
                      {earlier.triagedBy ?? "—"}
                      {earlier.triagedAt && (
                        <>
                          <br />
                          <span className="muted">{when(earlier.triagedAt)}</span>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {flag.earlierFlagCount > flag.earlierFlags.length && (
          <p className="muted">{t("flag.earlierFlagsMore", { shown: flag.earlierFlags.length, count: flag.earlierFlagCount })}</p>
        )}
      </section>

      {flag.status === "open" ? (
        <div className="two-columns section">
          <section className="panel" aria-labelledby="open-case-heading">
            <h2 id="open-case-heading">{t("flag.openHeading")}</h2>
            <p className="muted">{t("flag.openIntro", { days: MINIMUM_EXCLUSION_DAYS })}</p>
            <OpenCaseForm flagId={flag.flagId} />
          </section>
          <section className="panel" aria-labelledby="dismiss-flag-heading">
            <h2 id="dismiss-flag-heading">{t("flag.dismissHeading")}</h2>
            <p className="muted">{t("flag.dismissIntro")}</p>
            <DismissFlagForm flagId={flag.flagId} />
          </section>
        </div>
      ) : (
        <section className="panel section" role="status">
          <p>
            {t("flag.triaged", {
              status: t(`flagStatuses.${flag.status}`),
              by: flag.triagedBy ?? "—",
              at: flag.triagedAt ? when(flag.triagedAt) : "—",
            })}
          </p>
          {flag.dismissReason && <p>{t("flag.dismissReason", { reason: flag.dismissReason })}</p>}
          {flag.caseId && (
            <Link href={`/moderator/cases/${flag.caseId}`} className="button">
              {t("case.caseLink", { id: flag.caseId })}
            </Link>
          )}
        </section>
      )}
    </>
  );
}
