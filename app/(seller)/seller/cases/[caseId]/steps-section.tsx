import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { CaseForSeller, SellerLetterState, SellerStepProgress } from "@/lib/cases/get-case-for-seller";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/** SPEC's steps as a checklist of the seller's own progress, each with where it is done. */
export function StepsSection({ theCase }: { theCase: CaseForSeller }) {
  const t = useTranslations("sellerCase.steps");
  return (
    <section className="panel section" aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t("heading")}</h2>
      <p className="muted">{t("intro")}</p>
      <ol className="seller-steps">
        {theCase.steps.map((step) => (
          <li key={step.step} className={step.isDone ? "checklist-passed" : "checklist-failed"} data-step={step.step}>
            <span className="checklist-verdict">{step.isDone ? `✓ ${t("done")}` : t("notYet")}</span>
            <span className="cell-strong">{t(`names.${step.step}`)}</span>
            <StepDetail step={step} letter={theCase.letter} />
          </li>
        ))}
      </ol>
      <p className="case-links">
        <Link href={SELLER_PATHS.reviews(theCase.caseId)} className="button button-primary">
          {t("toReviews")}
        </Link>
        <Link href={SELLER_PATHS.letter(theCase.caseId)} className="button">
          {t("toLetter")}
        </Link>
      </p>
    </section>
  );
}

function StepDetail({ step, letter }: { step: SellerStepProgress; letter: SellerLetterState }) {
  const t = useTranslations("sellerCase.steps");
  const format = useFormatter();
  const day = (date: Date) => format.dateTime(date, { dateStyle: "medium" });
  if (step.step !== "write_letter") return <span className="muted">{t("progress", { done: step.done, total: step.total })}</span>;
  const latest = letter.latest;
  let text: string;
  if (latest?.verdict === "accepted") text = t("letter.accepted", { version: latest.version });
  else if (latest?.verdict === "changes_requested") text = t("letter.changes_requested", { version: latest.version });
  else if (latest)
    text = t("letter.waiting", {
      version: latest.version,
      submittedAt: day(latest.submittedAt),
      answerDueAt: day(latest.answerDueAt),
    });
  else text = t("letter.none");
  return (
    <span className="muted">
      {text}
      {letter.draftSavedAt &&
        ` ${t("letter.draft", { savedAt: format.dateTime(letter.draftSavedAt, { dateStyle: "medium", timeStyle: "short" }) })}`}
    </span>
  );
}
