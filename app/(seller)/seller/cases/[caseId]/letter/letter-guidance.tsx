import { useTranslations } from "next-intl";

const EXAMPLES = [1, 2, 3] as const;

/** The policy's advice beside the form (the marketplace's standards: investigate, do not blame, be concrete). */
export function LetterGuidance() {
  const t = useTranslations("sellerLetter");
  return (
    <aside className="panel letter-guidance" aria-labelledby="letter-guidance-heading">
      <h2 id="letter-guidance-heading">{t("guidanceHeading")}</h2>
      <ul>
        <li>{t("guidance1")}</li>
        <li>{t("guidance2")}</li>
        <li>{t("guidance3")}</li>
        <li>{t("guidance4")}</li>
      </ul>
      <h3>{t("examplesHeading")}</h3>
      {EXAMPLES.map((example) => (
        <dl key={example} className="letter-example">
          <dt>{t("exampleProblem")}</dt>
          <dd>{t(`example${example}Problem`)}</dd>
          <dt>{t("exampleSolution")}</dt>
          <dd>{t(`example${example}Solution`)}</dd>
        </dl>
      ))}
    </aside>
  );
}
