import { useTranslations } from "next-intl";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { useCaseDates } from "./case-dates";
import { AnswerLetterForm } from "./case-forms";

/** The seller's improvement letters, newest version first, each with the moderator's answer or the form to give it. */
export function LettersSection({ theCase, now }: { theCase: CaseForModerator; now: Date }) {
  const t = useTranslations("cases");
  const terms = useTranslations("notifications");
  const { when, day } = useCaseDates();
  return (
    <section className="section" aria-labelledby="letters-heading">
      <h2 id="letters-heading">{t("case.lettersHeading")}</h2>
      {theCase.letters.length === 0 && <p className="empty">{t("case.noLetters")}</p>}
      {theCase.letters.map((letter) => {
        const title = t("case.letterVersion", {
          version: letter.version,
          at: letter.submittedAt ? when(letter.submittedAt) : "—",
        });
        const isOverdue = letter.answerDueAt !== null && letter.answerDueAt < now;
        return (
          <article key={letter.letterId} id={`letter-${letter.letterId}`} className="panel section" aria-label={title}>
            <h3>{title}</h3>
            <ol className="letter-items">
              {letter.items.map((item) => (
                <li key={item.position}>
                  <span className="muted">{terms(`rootCauses.${item.rootCause}`)}</span>
                  <p>
                    <span className="cell-strong">{t("case.problem")}:</span> {item.problem}
                  </p>
                  <p>
                    <span className="cell-strong">{t("case.solution")}:</span> {item.solution}
                  </p>
                </li>
              ))}
            </ol>
            {letter.reply ? (
              <p role="status">
                {t("case.answered", { verdict: letter.reply.verdict, by: letter.reply.by, at: when(new Date(letter.reply.at)) })}
                <span className="quote"> {letter.reply.message}</span>
              </p>
            ) : (
              <>
                {letter.answerDueAt && (
                  <p className={isOverdue ? "badge-danger" : "muted"}>
                    {t("case.answerBy", { date: day(letter.answerDueAt) })}
                    {isOverdue && ` (${t("case.overdue")})`}
                  </p>
                )}
                {theCase.status !== "REINSTATED" && <AnswerLetterForm letterId={letter.letterId} />}
              </>
            )}
          </article>
        );
      })}
    </section>
  );
}
