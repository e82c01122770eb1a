import { useTranslations } from "next-intl";
import type { CaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { useCaseDates } from "./case-dates";
import { NoteForm } from "./case-forms";

/** The moderators' internal notes on the case, and the form to add one. */
export function NotesSection({ theCase }: { theCase: CaseForModerator }) {
  const t = useTranslations("cases");
  const { when } = useCaseDates();
  return (
    <section className="panel section" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t("case.notesHeading")}</h2>
      <p className="muted">{t("case.notesIntro")}</p>
      {theCase.notes.length === 0 ? (
        <p className="empty">{t("case.noNotes")}</p>
      ) : (
        <ul className="plain-list">
          {theCase.notes.map((note, index) => (
            <li key={index}>
              <span className="muted">
                {note.by}, {when(note.at)}:
              </span>{" "}
              {note.body}
            </li>
          ))}
        </ul>
      )}
      <NoteForm caseId={theCase.caseId} />
    </section>
  );
}
