"use client";

import { useTranslations } from "next-intl";
import {
  addCaseNoteAction,
  answerLetterAction,
  extendCaseAction,
  reinstateCaseAction,
} from "@/app/(moderator)/moderator/cases/[caseId]/actions";
import { SubmitButton, TextAreaField, useModerationForm } from "@/app/(moderator)/moderator/_components/moderation-form";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { EXTEND_REASONS } from "@/db/enums";
import { addCaseNoteInput, answerLetterInput, extendCaseInput, reinstateCaseInput } from "@/lib/cases/case-input";
import type { ChecklistItemKey } from "@/lib/cases/checklist";

/**
 * The moderator's forms on the case page. The decisions send the case version the page was
 * rendered with: a stale form is refused and says who decided meanwhile.
 */

export function ReinstateForm(props: { caseId: number; version: number; failingItems: ChecklistItemKey[] }) {
  const t = useTranslations("cases");
  const defaults = {
    caseId: props.caseId,
    expectedVersion: props.version,
    overrides: props.failingItems.map((item) => ({ item, reason: "" })),
    note: "",
  };
  const { form, formError, submitWith } = useModerationForm(reinstateCaseInput, defaults);
  const errors = form.formState.errors;
  const fields = [...props.failingItems.map((_, index) => `overrides.${index}.reason` as const), "note" as const];
  // The server names a missing override by its item (overrides.letter_received); the form by position.
  const placeError = (path: string) => {
    const index = props.failingItems.findIndex((item) => path === `overrides.${item}`);
    return index >= 0 ? `overrides.${index}.reason` : path;
  };
  return (
    <form
      onSubmit={submitWith(reinstateCaseAction, fields, placeError)}
      noValidate
      className="form"
      aria-labelledby="reinstate-heading"
    >
      <FormStatus error={formError} />
      {props.failingItems.map((item, index) => (
        <TextAreaField
          key={item}
          id={`override-${item}`}
          label={`${t("case.overrideLabel")}: ${t(`checklistItems.${item}`)}`}
          error={errors.overrides?.[index]?.reason?.message}
          registration={form.register(`overrides.${index}.reason`)}
          rows={2}
        />
      ))}
      <TextAreaField
        id="reinstate-note"
        label={t("case.reinstateNote")}
        error={errors.note?.message}
        registration={form.register("note")}
        rows={2}
      />
      <SubmitButton
        isSubmitting={form.formState.isSubmitting}
        label={t("case.reinstate")}
        pendingLabel={t("case.reinstating")}
        className="button button-primary"
      />
    </form>
  );
}

export function ExtendForm(props: { caseId: number; version: number; defaultRecheckOn: string }) {
  const t = useTranslations("cases.case");
  const terms = useTranslations("notifications.extendReasons");
  const defaults = {
    caseId: props.caseId,
    expectedVersion: props.version,
    reasons: [],
    recheckOn: props.defaultRecheckOn,
    message: "",
  };
  const { form, formError, submitWith } = useModerationForm(extendCaseInput, defaults);
  const errors = form.formState.errors;
  return (
    <form
      onSubmit={submitWith(extendCaseAction, ["reasons", "recheckOn", "message"])}
      noValidate
      className="form"
      aria-labelledby="extend-heading"
    >
      <FormStatus error={formError} />
      <fieldset className="field" aria-describedby={errors.reasons ? "extend-reasons-error" : undefined}>
        <legend>{t("extendReasons")}</legend>
        {EXTEND_REASONS.map((reason) => (
          <label key={reason} className="checkbox">
            <input type="checkbox" value={reason} {...form.register("reasons")} /> {terms(reason)}
          </label>
        ))}
        {errors.reasons && (
          <p id="extend-reasons-error" className="field-error">
            {errors.reasons.message}
          </p>
        )}
      </fieldset>
      <Field id="extend-recheck-on" label={t("recheckOn")} error={errors.recheckOn?.message}>
        <input
          type="date"
          {...form.register("recheckOn")}
          {...fieldProps("extend-recheck-on", { error: errors.recheckOn?.message })}
        />
      </Field>
      <TextAreaField
        id="extend-message"
        label={t("message")}
        error={errors.message?.message}
        registration={form.register("message")}
      />
      <SubmitButton isSubmitting={form.formState.isSubmitting} label={t("extend")} pendingLabel={t("extending")} />
    </form>
  );
}

export function AnswerLetterForm(props: { letterId: number }) {
  const t = useTranslations("cases.case");
  const { form, formError, submitWith } = useModerationForm(answerLetterInput, {
    letterId: props.letterId,
    verdict: "accepted" as const,
    message: "",
  });
  return (
    <form onSubmit={submitWith(answerLetterAction, ["verdict", "message"])} noValidate className="form" aria-label={t("verdict")}>
      <FormStatus error={formError} />
      <fieldset className="field">
        <legend>{t("verdict")}</legend>
        <label className="checkbox">
          <input type="radio" value="accepted" {...form.register("verdict")} /> {t("accept")}
        </label>
        <label className="checkbox">
          <input type="radio" value="changes_requested" {...form.register("verdict")} /> {t("askChanges")}
        </label>
      </fieldset>
      <TextAreaField
        id={`answer-${props.letterId}-message`}
        label={t("answerMessage")}
        error={form.formState.errors.message?.message}
        registration={form.register("message")}
      />
      <SubmitButton isSubmitting={form.formState.isSubmitting} label={t("sendAnswer")} pendingLabel={t("sending")} />
    </form>
  );
}

export function NoteForm(props: { caseId: number }) {
  const t = useTranslations("cases.case");
  const { form, formError, submitWith } = useModerationForm(addCaseNoteInput, { caseId: props.caseId, body: "" });
  return (
    <form onSubmit={submitWith(addCaseNoteAction, ["body"])} noValidate className="form" aria-label={t("noteLabel")}>
      <FormStatus error={formError} />
      <TextAreaField
        id="case-note"
        label={t("noteLabel")}
        error={form.formState.errors.body?.message}
        registration={form.register("body")}
      />
      <SubmitButton isSubmitting={form.formState.isSubmitting} label={t("addNote")} pendingLabel={t("adding")} />
    </form>
  );
}
