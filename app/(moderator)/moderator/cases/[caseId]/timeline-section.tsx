import { useTranslations } from "next-intl";
import { ActorName } from "@/app/_components/actor-name";
import { AuditActionLabel } from "@/app/_components/audit-action-label";
import { EXTEND_REASONS } from "@/db/enums";
import { CHECKLIST_ITEMS } from "@/lib/cases/checklist";
import type { TimelineEntry } from "@/lib/cases/get-case-timeline";
import { useCaseDates } from "./case-dates";

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** What happened to the case, newest first, in words: each action, who did it, what they wrote. */
export function TimelineSection({ timeline }: { timeline: readonly TimelineEntry[] }) {
  const t = useTranslations("cases");
  const terms = useTranslations("notifications");
  const { when } = useCaseDates();
  return (
    <section className="section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("case.timelineHeading")}</h2>
      <p className="muted">{t("case.timelineIntro")}</p>
      <ol className="timeline">
        {timeline.map((entry, index) => (
          <li key={index}>
            <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time> ·{" "}
            <span className="cell-strong">
              <AuditActionLabel action={entry.action} />
            </span>
            {entry.letterVersion !== null && ` (${t("case.timelineLetter", { version: entry.letterVersion })})`} ·{" "}
            <ActorName actorRole={entry.actorRole} actorLabel={entry.actorLabel} />
            {entry.extendReasons.length > 0 && (
              <p>
                {entry.extendReasons
                  .map((reason) => (isOneOf(EXTEND_REASONS, reason) ? terms(`extendReasons.${reason}`) : reason))
                  .join(" · ")}
              </p>
            )}
            {entry.overrides.length > 0 && (
              <ul>
                {entry.overrides.map((override) => (
                  <li key={override.item}>
                    {isOneOf(CHECKLIST_ITEMS, override.item) ? t(`checklistItems.${override.item}`) : override.item}:{" "}
                    <span className="quote">{override.reason}</span>
                  </li>
                ))}
              </ul>
            )}
            {entry.message && <p className="quote">{entry.message}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
