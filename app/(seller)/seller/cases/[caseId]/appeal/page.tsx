import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/app/_components/client-messages";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { appealAnchor, getAppealsForSeller, type ContestableDecision } from "@/lib/appeals/get-appeals-for-seller";
import { requirePagePermission } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import { AppealForm } from "./appeal-form";

export const dynamic = "force-dynamic";

/** What the appeal form translates in the browser. */
const APPEAL_CLIENT_MESSAGES = ["actionErrors", "sellerAppeal"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sellerAppeal");
  return { title: t("title") };
}

/**
 * Contesting a decision (DSA Art. 20): the exclusion and each extension, each with its deadline and
 * either the form or the appeal made — its status, and once decided the outcome and the
 * moderator's reasons. Another seller's case is not found.
 */
export default async function SellerAppealPage({ params }: { params: Promise<{ caseId: string }> }) {
  const actor = await requirePagePermission("seller-portal:use");
  const caseId = idFromUrl((await params).caseId);
  const [appeals, t] = await Promise.all([
    orNotFound(() => getAppealsForSeller({ actor, caseId, now: currentTime() })),
    getTranslations("sellerAppeal"),
  ]);

  return (
    <>
      <PageHeading title={t("title")} intro={t("intro", { months: appeals.periodMonths })}>
        <Link href={SELLER_PATHS.case(caseId)}>{t("backToCase")}</Link>
      </PageHeading>
      <ClientMessages paths={APPEAL_CLIENT_MESSAGES}>
        {appeals.decisions.map((decision) => (
          <DecisionAppeal key={appealAnchor(decision.decisionId)} caseId={caseId} decision={decision} />
        ))}
      </ClientMessages>
    </>
  );
}

async function DecisionAppeal({ caseId, decision }: { caseId: number; decision: ContestableDecision }) {
  const [t, tReasons, format] = await Promise.all([
    getTranslations("sellerAppeal"),
    getTranslations("notifications.extendReasons"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  const anchor = appealAnchor(decision.decisionId);
  const headingId = `appeal-${anchor}-heading`;
  const reasonWords = (reason: string) => (tReasons.has(reason as never) ? tReasons(reason as never) : reason);
  const { appeal, extension } = decision;
  return (
    <section className="panel section" id={anchor} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {decision.subject === "exclusion"
          ? t("exclusionHeading", { date: day(decision.decidedAt) })
          : t("extensionHeading", { date: day(decision.decidedAt) })}
      </h2>
      {extension && (
        <>
          {extension.newRecheckAt && <p>{t("newRecheck", { date: day(extension.newRecheckAt) })}</p>}
          {extension.reasons.length > 0 && (
            <>
              <p className="cell-strong">{t("reasonsHeading")}</p>
              <ul>
                {extension.reasons.map((reason) => (
                  <li key={reason}>{reasonWords(reason)}</li>
                ))}
              </ul>
            </>
          )}
          {extension.message && (
            <figure>
              <figcaption className="cell-strong">{t("messageHeading")}</figcaption>
              <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                {extension.message}
              </blockquote>
            </figure>
          )}
        </>
      )}
      {appeal ? (
        <div className="appeal-made">
          <h3>{t("appealHeading")}</h3>
          <p role="status">
            <strong>{t(`status.${appeal.status}`)}</strong> · {t("submittedOn", { date: day(appeal.submittedAt) })}
          </p>
          <figure>
            <figcaption className="cell-strong">{t("yourReason")}</figcaption>
            <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
              {appeal.reason}
            </blockquote>
          </figure>
          {appeal.evidence && (
            <figure>
              <figcaption className="cell-strong">{t("yourEvidence")}</figcaption>
              <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                {appeal.evidence}
              </blockquote>
            </figure>
          )}
          {appeal.decidedAt && appeal.decisionReason && (
            <figure>
              <figcaption className="cell-strong">
                {t("outcomeReasons")} · {t("decidedOn", { date: day(appeal.decidedAt) })}
              </figcaption>
              <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
                {appeal.decisionReason}
              </blockquote>
            </figure>
          )}
        </div>
      ) : decision.isWithinPeriod ? (
        <>
          <p>{t("deadline", { date: day(decision.deadline) })}</p>
          <AppealForm
            caseId={caseId}
            decisionId={decision.decisionId}
            label={decision.subject === "exclusion" ? t("formExclusion") : t("formExtension", { date: day(decision.decidedAt) })}
          />
        </>
      ) : (
        <p className="muted">{t("periodOver", { date: day(decision.deadline) })}</p>
      )}
    </section>
  );
}
