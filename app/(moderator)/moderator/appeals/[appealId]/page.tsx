import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { ClientMessages } from "@/app/_components/client-messages";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { getAppealForModerator, type AppealForModerator } from "@/lib/appeals/get-appeal-for-moderator";
import { requirePagePermission } from "@/lib/auth/session";
import { DecideAppealForm } from "./decide-appeal-form";

export const dynamic = "force-dynamic";

/** What the decision form translates in the browser. */
const DECISION_CLIENT_MESSAGES = ["actionErrors", "appeals.detail"];

export async function generateMetadata({ params }: { params: Promise<{ appealId: string }> }): Promise<Metadata> {
  const t = await getTranslations("appeals.detail");
  return { title: t("title", { id: (await params).appealId }) };
}

/**
 * One appeal: the contested decision and who made it, the seller's reason and evidence, and the
 * decision — the form for any moderator but the one who made the contested decision (the server
 * refuses them too), or the outcome once decided.
 */
export default async function AppealPage({ params }: { params: Promise<{ appealId: string }> }) {
  const actor = await requirePagePermission("cases:decide");
  const appealId = idFromUrl((await params).appealId);
  const [appeal, t, format] = await Promise.all([
    orNotFound(() => getAppealForModerator({ actor, appealId })),
    getTranslations("appeals"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });

  return (
    <>
      <PageHeading
        title={t("detail.title", { id: appeal.appealId })}
        intro={t("detail.seller", { name: appeal.seller.name, externalId: appeal.seller.externalId })}
      >
        <Link href="/moderator/appeals" className="button button-quiet">
          {t("detail.backToQueue")}
        </Link>
        <Link href={`/moderator/cases/${appeal.case.id}`} className="button button-quiet">
          {t("detail.openCase", { id: appeal.case.id })}
        </Link>
      </PageHeading>
      <p role="status">
        <strong>{t(`statuses.${appeal.status}`)}</strong> · {t(`subjects.${appeal.contested.subject}`)}
      </p>
      <ContestedDecision appeal={appeal} />
      <section className="panel section" aria-labelledby="appeal-seller-heading">
        <h2 id="appeal-seller-heading">{t("detail.appealHeading")}</h2>
        <p className="muted">{t("detail.submittedOn", { date: day(appeal.submittedAt) })}</p>
        <figure>
          <figcaption className="cell-strong">{t("detail.reason")}</figcaption>
          <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
            {appeal.reason}
          </blockquote>
        </figure>
        <figure>
          <figcaption className="cell-strong">{t("detail.evidence")}</figcaption>
          {appeal.evidence ? (
            <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
              {appeal.evidence}
            </blockquote>
          ) : (
            <p className="muted">{t("detail.noEvidence")}</p>
          )}
        </figure>
      </section>
      <section className="panel section" aria-labelledby="appeal-decision-heading">
        <h2 id="appeal-decision-heading">{t("detail.decisionHeading")}</h2>
        {appeal.status !== "waiting" && appeal.decidedAt ? (
          <>
            <p>{t("detail.decided", { outcome: appeal.status, date: day(appeal.decidedAt), by: appeal.decidedBy ?? "" })}</p>
            <figure>
              <figcaption className="cell-strong">{t("detail.decidedReasons")}</figcaption>
              <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                {appeal.decisionReason}
              </blockquote>
            </figure>
          </>
        ) : appeal.isOwnDecision ? (
          <p className="notice" role="status">
            {t("detail.ownDecision")}
          </p>
        ) : (
          <ClientMessages paths={DECISION_CLIENT_MESSAGES}>
            <DecideAppealForm appealId={appeal.appealId} />
          </ClientMessages>
        )}
      </section>
    </>
  );
}

async function ContestedDecision({ appeal }: { appeal: AppealForModerator }) {
  const [t, tReasons, format] = await Promise.all([
    getTranslations("appeals.detail"),
    getTranslations("notifications.extendReasons"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const reasonWords = (reason: string) => (tReasons.has(reason as never) ? tReasons(reason as never) : reason);
  const { contested } = appeal;
  return (
    <section className="panel section" aria-labelledby="appeal-contested-heading">
      <h2 id="appeal-contested-heading">{t("contestedHeading")}</h2>
      {contested.subject === "exclusion" ? (
        <>
          <p>{t("exclusionMade", { date: day(contested.decidedAt), by: contested.decidedBy })}</p>
          {contested.flagReasons.length > 0 && (
            <>
              <p className="cell-strong">{t("flagReasons")}</p>
              <FlagReasonList reasons={contested.flagReasons} />
            </>
          )}
          {contested.openReason && (
            <figure>
              <figcaption className="cell-strong">{t("openReason")}</figcaption>
              <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                {contested.openReason}
              </blockquote>
            </figure>
          )}
        </>
      ) : (
        <>
          <p>{t("extensionMade", { date: day(contested.decidedAt), by: contested.decidedBy })}</p>
          {contested.newRecheckAt && <p>{t("newRecheck", { date: day(contested.newRecheckAt) })}</p>}
          {contested.reasons.length > 0 && (
            <>
              <p className="cell-strong">{t("extensionReasons")}</p>
              <ul>
                {contested.reasons.map((reason) => (
                  <li key={reason}>{reasonWords(reason)}</li>
                ))}
              </ul>
            </>
          )}
          {contested.message && (
            <figure>
              <figcaption className="cell-strong">{t("message")}</figcaption>
              <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                {contested.message}
              </blockquote>
            </figure>
          )}
        </>
      )}
    </section>
  );
}
