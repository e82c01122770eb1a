import { useFormatter, useTranslations } from "next-intl";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";

/** Each decision's statement of reasons, as the JSON the DSA Transparency Database takes: the exclusion, then each decision made. */
export function StatementsSection({ theCase }: { theCase: CaseForModerator }) {
  const t = useTranslations("statements");
  const format = useFormatter();
  const href = (key: string) => `/moderator/cases/${theCase.caseId}/statements/${key}/dsa.json`;
  return (
    <section className="section" aria-labelledby="statements-heading">
      <h2 id="statements-heading">{t("moderatorHeading")}</h2>
      <p className="muted">{t("moderatorIntro")}</p>
      <ul className="plain-list">
        <li>
          <a href={href("exclusion")} download>
            {t("downloadExclusion")}
          </a>
        </li>
        {[...theCase.decisions].reverse().map((decision) => (
          <li key={decision.id}>
            <a href={href(`decision-${decision.id}`)} download>
              {t("downloadDecision", { kind: decision.kind, date: format.dateTime(decision.at, { dateStyle: "medium" }) })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
