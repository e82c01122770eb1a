import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { FlagReasonList } from "@/app/(moderator)/moderator/_components/flag-reason-text";
import { idFromUrl, orNotFound } from "@/app/_components/or-not-found";
import { PageHeading } from "@/app/_components/page-heading";
import { requirePagePermission } from "@/lib/auth/session";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";
import { getStatementForSeller } from "@/lib/statements/get-statement";
import type { StatementOfReasons } from "@/lib/statements/statement-of-reasons";
import { PrintButton } from "./print-button";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statements");
  return { title: t("title") };
}

/**
 * The statement of reasons of one decision on the seller's own case (DSA Art. 17), in the seller's
 * language and printable: the decision and who took it, the facts with their numbers, the rule and
 * its thresholds, the restriction and its dates, and how to contest it. Another seller's case, or a
 * key of no decision on this one, is not found.
 */
export default async function StatementPage({ params }: { params: Promise<{ caseId: string; key: string }> }) {
  const actor = await requirePagePermission("seller-portal:use");
  const { caseId: rawCaseId, key } = await params;
  const caseId = idFromUrl(rawCaseId);
  const statement = await orNotFound(() => getStatementForSeller({ actor, caseId, key }));
  const t = await getTranslations("statements");
  const format = await getFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });

  return (
    <article className="statement">
      <PageHeading
        title={t("title")}
        intro={t("subtitle", { kind: statement.kind, date: day(statement.decidedAt), caseId: statement.caseId })}
      >
        <PrintButton label={t("print")} />
        <Link href={SELLER_PATHS.case(caseId)} className="button button-quiet no-print">
          {t("backToCase")}
        </Link>
      </PageHeading>
      <section className="panel section" aria-labelledby="statement-decision-heading">
        <h2 id="statement-decision-heading">{t("decisionHeading")}</h2>
        <p>{t("decisionText", { kind: statement.kind, date: day(statement.decidedAt) })}</p>
        <p>{t("decidedByPerson")}</p>
      </section>
      <FactsSection statement={statement} />
      <RuleSection statement={statement} />
      <section className="panel section" aria-labelledby="statement-restriction-heading">
        <h2 id="statement-restriction-heading">{t("restrictionHeading")}</h2>
        <p>{t("restrictionText")}</p>
        <dl className="facts">
          <dt>{t("restrictionStart")}</dt>
          <dd>{day(statement.restriction.startAt)}</dd>
          {statement.restriction.endAt ? (
            <>
              <dt>{t("restrictionEnd")}</dt>
              <dd>{day(statement.restriction.endAt)}</dd>
            </>
          ) : (
            statement.restriction.earliestEndAt && (
              <>
                <dt>{t("restrictionEarliestEnd")}</dt>
                <dd>{day(statement.restriction.earliestEndAt)}</dd>
              </>
            )
          )}
        </dl>
      </section>
      <section className="panel section" aria-labelledby="statement-contest-heading">
        <h2 id="statement-contest-heading">{t("contestHeading")}</h2>
        {statement.appealMade ? (
          <AppealMade statement={statement} appeal={statement.appealMade} />
        ) : statement.appeal ? (
          <>
            <p>{t("contestText", { deadline: day(statement.appeal.deadline) })}</p>
            <p className="no-print">
              <Link href={statement.appeal.path} className="button">
                {t("contestLink")}
              </Link>
            </p>
          </>
        ) : (
          <p>{t("nothingToContest")}</p>
        )}
      </section>
    </article>
  );
}

/** The appeal made against this decision: when, where it stands, and the answer with its reasons once decided. */
async function AppealMade({
  statement,
  appeal,
}: {
  statement: StatementOfReasons;
  appeal: NonNullable<StatementOfReasons["appealMade"]>;
}) {
  const [t, tAppeal, format] = await Promise.all([
    getTranslations("statements"),
    getTranslations("sellerAppeal"),
    getFormatter(),
  ]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long" });
  return (
    <>
      <p>
        {t("appealMade", { date: day(appeal.submittedAt) })} <strong>{tAppeal(`status.${appeal.status}`)}</strong>
        {appeal.decidedAt && <> ({tAppeal("decidedOn", { date: day(appeal.decidedAt) })})</>}
      </p>
      {appeal.decisionReason && (
        <figure>
          <figcaption className="cell-strong">{tAppeal("outcomeReasons")}</figcaption>
          <blockquote className="quote">{appeal.decisionReason}</blockquote>
        </figure>
      )}
      <p className="no-print">
        <Link href={SELLER_PATHS.appeal(statement.caseId)}>{t("appealLink")}</Link>
      </p>
    </>
  );
}

async function FactsSection({ statement }: { statement: StatementOfReasons }) {
  const t = await getTranslations("statements");
  const tReasons = await getTranslations("notifications.extendReasons");
  const format = await getFormatter();
  const { facts } = statement;
  const reasonWords = (reason: string) => (tReasons.has(reason as never) ? tReasons(reason as never) : reason);
  const moderatorWords = statement.kind === "exclusion" ? facts.openReason : statement.message;
  return (
    <section className="panel section" aria-labelledby="statement-facts-heading">
      <h2 id="statement-facts-heading">{t("factsHeading")}</h2>
      {facts.asOf ? (
        <p>
          {facts.snapshotAt
            ? t("detectedAutomatically", {
                asOf: format.dateTime(facts.asOf, { dateStyle: "long" }),
                snapshotAt: format.dateTime(facts.snapshotAt, { dateStyle: "long", timeStyle: "medium" }),
              })
            : t("detectedAutomaticallyNoSnapshot", { asOf: format.dateTime(facts.asOf, { dateStyle: "long" }) })}
        </p>
      ) : (
        <p>{t("notDetectedAutomatically")}</p>
      )}
      {facts.reasons.length > 0 && (
        <>
          <p>{t("reasonsIntro")}</p>
          <FlagReasonList reasons={facts.reasons} audience="seller" />
        </>
      )}
      {statement.kind === "extend" && statement.extendReasons.length > 0 && (
        <>
          <h3>{t("extendReasons")}</h3>
          <ul>
            {statement.extendReasons.map((reason) => (
              <li key={reason}>{reasonWords(reason)}</li>
            ))}
          </ul>
        </>
      )}
      {moderatorWords && (
        <figure>
          <figcaption className="cell-strong">{t("moderatorWords")}</figcaption>
          <blockquote className="quote" style={{ whiteSpace: "pre-wrap" }}>
            {moderatorWords}
          </blockquote>
        </figure>
      )}
    </section>
  );
}

async function RuleSection({ statement }: { statement: StatementOfReasons }) {
  const t = await getTranslations("statements");
  const format = await getFormatter();
  const { version, params } = statement.policy;
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section className="panel section" aria-labelledby="statement-rule-heading">
      <h2 id="statement-rule-heading">{t("ruleHeading")}</h2>
      <p>{version == null ? t("policyUnknown") : t("policyVersion", { version })}</p>
      {params && (
        <ul>
          <li>
            {t("ruleEligibility", {
              minOrders: params.eligibility.minOrders,
              minReviews: params.eligibility.minUniqueReviews,
              yearDays: params.windows.yearDays,
            })}
          </li>
          <li>
            {t("ruleLowYear", {
              confidence: percent(params.lowYear.confidence),
              yearDays: params.windows.yearDays,
              multiplier: format.number(params.lowYear.multiplier),
              margin: percent(params.lowYear.margin),
            })}
          </li>
          <li>
            {t("ruleWorsened", {
              minReviews: params.worsened.minRecentReviews,
              recentDays: params.windows.recentDays,
              minZ: format.number(params.worsened.minZ),
            })}
          </li>
        </ul>
      )}
    </section>
  );
}
