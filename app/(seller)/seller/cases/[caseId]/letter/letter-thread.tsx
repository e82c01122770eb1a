import { useFormatter, useTranslations } from "next-intl";
import type { SubmittedVersion } from "@/lib/letters/get-letter-for-seller";

/** The versions sent, newest first, each as it was received (read-only) with the moderator's answer. */
export function LetterThread({ versions }: { versions: SubmittedVersion[] }) {
  const t = useTranslations("sellerLetter");
  const causes = useTranslations("notifications.rootCauses");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="section" aria-labelledby="letter-thread-heading">
      <h2 id="letter-thread-heading">{t("threadHeading")}</h2>
      {versions.length === 0 && <p className="empty">{t("noVersions")}</p>}
      {versions.map((letter) => {
        const title = t("versionTitle", { version: letter.version });
        return (
          <article key={letter.letterId} className="panel section" aria-label={title}>
            <h3>{title}</h3>
            <p className="muted">
              {t("received", { at: when(letter.submittedAt) })}
              {!letter.answer && <> · {t("answerDue", { date: format.dateTime(letter.answerDueAt, { dateStyle: "medium" }) })}</>}
            </p>
            <ol className="letter-items">
              {letter.items.map((item, index) => (
                <li key={index}>
                  <span className="muted">{causes(item.rootCause)}</span>
                  <p>
                    <span className="cell-strong">{t("exampleProblem")}:</span> {item.problem}
                  </p>
                  <p>
                    <span className="cell-strong">{t("exampleSolution")}:</span> {item.solution}
                  </p>
                </li>
              ))}
            </ol>
            {letter.answer && (
              <div className="letter-answer">
                <h4>{t("answerHeading", { at: when(letter.answer.at) })}</h4>
                <p className={letter.answer.verdict === "accepted" ? "badge" : "badge badge-danger"}>
                  {t("verdict", { verdict: letter.answer.verdict })}
                </p>
                <p className="quote">{letter.answer.message}</p>
              </div>
            )}
          </article>
        );
      })}
    </section>
  );
}
