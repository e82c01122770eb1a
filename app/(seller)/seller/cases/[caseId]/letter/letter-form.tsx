"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { get, useFieldArray, type FieldError } from "react-hook-form";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import { ActionForm } from "@/app/_components/action-form";
import { Field, fieldProps, TextAreaField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { ROOT_CAUSES, type RootCause } from "@/db/enums";
import {
  LETTER_MAX_PAIRS,
  PROBLEM_MIN_LENGTH,
  saveLetterDraftInput,
  SOLUTION_MIN_LENGTH,
  submitLetterInput,
  type SubmitLetterInput,
} from "@/lib/letters/letter-input";
import { saveLetterDraftAction, submitLetterAction } from "./actions";

/** How long after the last keystroke the draft is saved. */
const AUTOSAVE_DELAY_MS = 2000;

type Pair = { rootCause: RootCause | ""; problem: string; solution: string };
type DraftStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "incomplete" }
  | { kind: "failed"; message: string };

/**
 * The letter's pairs (add, remove, reorder) and *Submit*. The draft saves itself 2 s after typing
 * stops and when a field is left, through its own action that refreshes no page: what is being
 * typed is never reset by the save. Each opened form has its own submit key, so a double click
 * sends one letter.
 */
export function LetterForm(props: { caseId: number; pairs: Pair[]; savedAt: string | null }) {
  const t = useTranslations("sellerLetter");
  const causes = useTranslations("notifications.rootCauses");
  const [submitKey] = useState(() => crypto.randomUUID());
  const letter = useActionForm({
    schema: submitLetterInput,
    defaultValues: { caseId: props.caseId, submitKey, items: props.pairs as SubmitLetterInput["items"] },
    action: submitLetterAction,
  });
  const pairs = useFieldArray({ control: letter.form.control, name: "items" });
  const draft = useDraftAutosave({
    caseId: props.caseId,
    savedAt: props.savedAt,
    initialPairs: props.pairs,
    readPairs: () => letter.form.getValues("items") as Pair[],
  });
  const listError =
    letter.errorOf("items") ?? (get(letter.form.formState.errors, "items.root") as FieldError | undefined)?.message;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    draft.cancel();
    letter.onSubmit(event);
  };
  // Adding, removing and moving a pair change the draft as typing does.
  const changed = (change: () => void) => {
    change();
    draft.schedule();
  };

  return (
    <ActionForm
      form={{ ...letter, onSubmit }}
      labelledBy="letter-form-heading"
      submit={{ label: t("submit"), pendingLabel: t("submitting"), className: "button button-primary" }}
    >
      <p className="muted" role="status" aria-live="polite">
        {draft.statusText}
      </p>
      <div onChange={draft.schedule} onBlur={draft.saveNow} className="letter-pairs">
        {pairs.fields.length === 0 && <p className="empty">{t("noPairs")}</p>}
        {pairs.fields.map((pair, index) => {
          const number = index + 1;
          const causeId = `letter-pair-${pair.id}-cause`;
          const causeError = letter.errorOf(`items.${index}.rootCause`);
          return (
            <fieldset key={pair.id} className="panel letter-pair">
              <legend>{t("pairHeading", { number })}</legend>
              <Field id={causeId} label={t("rootCauseLabel", { number })} error={causeError}>
                <select {...letter.form.register(`items.${index}.rootCause`)} {...fieldProps(causeId, { error: causeError })}>
                  <option value="">{t("chooseCause")}</option>
                  {ROOT_CAUSES.map((cause) => (
                    <option key={cause} value={cause}>
                      {causes(cause)}
                    </option>
                  ))}
                </select>
              </Field>
              <TextAreaField
                id={`letter-pair-${pair.id}-problem`}
                label={t("problemLabel", { number })}
                hint={t("problemHint", { minimum: PROBLEM_MIN_LENGTH })}
                {...letter.field(`items.${index}.problem`)}
              />
              <TextAreaField
                id={`letter-pair-${pair.id}-solution`}
                label={t("solutionLabel", { number })}
                hint={t("solutionHint", { minimum: SOLUTION_MIN_LENGTH })}
                rows={4}
                {...letter.field(`items.${index}.solution`)}
              />
              <div className="letter-pair-actions">
                <button
                  type="button"
                  className="button"
                  disabled={index === 0}
                  onClick={() => changed(() => pairs.move(index, index - 1))}
                >
                  {t("moveUp", { number })}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={index === pairs.fields.length - 1}
                  onClick={() => changed(() => pairs.move(index, index + 1))}
                >
                  {t("moveDown", { number })}
                </button>
                <button type="button" className="button" onClick={() => changed(() => pairs.remove(index))}>
                  {t("removePair", { number })}
                </button>
              </div>
            </fieldset>
          );
        })}
      </div>
      {listError && (
        <p className="field-error" role="alert">
          {listError}
        </p>
      )}
      <div className="letter-add">
        <button
          type="button"
          className="button"
          disabled={pairs.fields.length >= LETTER_MAX_PAIRS}
          onClick={() => changed(() => pairs.append({ rootCause: "" as RootCause, problem: "", solution: "" }))}
        >
          {t("addPair")}
        </button>
        {pairs.fields.length >= LETTER_MAX_PAIRS && <p className="muted">{t("maxPairs", { maximum: LETTER_MAX_PAIRS })}</p>}
      </div>
    </ActionForm>
  );
}

/**
 * Saves the draft in the background, one save at a time, each sending the draft time the last one
 * returned (a save from a form older than the stored draft is refused as `draft_changed`). It reads
 * the form's values when it runs and never writes them, so it cannot reset what is being typed.
 */
function useDraftAutosave(options: { caseId: number; savedAt: string | null; initialPairs: Pair[]; readPairs: () => Pair[] }) {
  const t = useTranslations("sellerLetter");
  const format = useFormatter();
  const describeFailure = useActionErrorMessage();
  const [status, setStatus] = useState<DraftStatus>(
    options.savedAt ? { kind: "saved", at: new Date(options.savedAt) } : { kind: "idle" },
  );
  const savedAt = useRef(options.savedAt);
  const lastSaved = useRef(JSON.stringify(options.initialPairs));
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const save = async () => {
    const pairs = options.readPairs();
    const text = JSON.stringify(pairs);
    if (text === lastSaved.current) {
      setStatus(savedAt.current ? { kind: "saved", at: new Date(savedAt.current) } : { kind: "idle" });
      return;
    }
    const parsed = saveLetterDraftInput.safeParse({ caseId: options.caseId, savedAt: savedAt.current, items: pairs });
    if (!parsed.success) {
      setStatus({ kind: "incomplete" });
      return;
    }
    setStatus({ kind: "saving" });
    const result = await saveLetterDraftAction(parsed.data);
    if (result.status === "ok") {
      savedAt.current = result.data.savedAt;
      lastSaved.current = text;
      // Typed on while this save was on its way: the next save is already scheduled, so the
      // status goes on saying "Saving…" until what is on screen is what is stored.
      if (JSON.stringify(options.readPairs()) === text) setStatus({ kind: "saved", at: new Date(result.data.savedAt) });
    } else {
      setStatus({ kind: "failed", message: describeFailure(result) });
    }
  };
  const saveNow = () => {
    clearTimeout(timer.current);
    // A save that could not reach the server (offline) says so; the next pause in typing tries again.
    queue.current = queue.current
      .then(save)
      .catch(() => setStatus({ kind: "failed", message: describeFailure({ status: "error", code: "UNEXPECTED", message: "" }) }));
  };
  // From the first change on, the status says a save is coming: "Draft saved" means all of it.
  const schedule = () => {
    setStatus((current) => (current.kind === "saving" ? current : { kind: "saving" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, AUTOSAVE_DELAY_MS);
  };

  const statusText = {
    idle: () => t("draftAuto"),
    saving: () => t("draftSaving"),
    saved: () => t("draftSaved", { time: format.dateTime((status as { at: Date }).at, { timeStyle: "short" }) }),
    incomplete: () => t("draftIncomplete"),
    failed: () => (status as { message: string }).message,
  }[status.kind]();

  return { statusText, schedule, saveNow, cancel: () => clearTimeout(timer.current) };
}
