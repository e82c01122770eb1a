"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import { addCaseNoteAction, answerLetterAction, extendCaseAction, reinstateCaseAction } from "@/app/(moderator)/moderator/cases/[caseId]/actions";
import { useCaseFailureMessage } from "@/app/(moderator)/moderator/_components/use-case-failure-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { EXTEND_REASONS } from "@/db/enums";
import type { ActionResult } from "@/lib/actions/action-result";
import { addCaseNoteInput, answerLetterInput, extendCaseInput, reinstateCaseInput } from "@/lib/cases/case-input";
import type { ChecklistItemKey } from "@/lib/cases/checklist";

/**
 * The moderator's forms on the case page. Each validates with the same zod schema as the server,
 * sends the case version it was rendered with (a stale form is refused), and refreshes the page
 * when the decision is made.
 */
function useCaseForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: z.input<S>) {
  const router = useRouter();
  const describe = useCaseFailureMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema as never), defaultValues: defaultValues as never });
  const submitWith = (
    action: (values: z.output<S>) => Promise<ActionResult<unknown>>,
    fields: readonly Path<z.input<S>>[],
    placeError?: (path: string) => Path<z.input<S>> | undefined,
  ) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      const result = await action(values);
      if (result.status === "ok") {
        form.reset(defaultValues as never);
        router.refresh();
        return;
      }
      if (result.status === "invalid" && placeError) {
        const fieldErrors = Object.fromEntries(Object.entries(result.fieldErrors).map(([path, message]) => [placeError(path) ?? path, message]));
        return showActionFailure({ ...result, fieldErrors }, { fields, setError: form.setError as UseFormSetError<z.input<S>>, setFormError, describe });
      }
      showActionFailure(result, { fields, setError: form.setError as UseFormSetError<z.input<S>>, setFormError, describe });
    });
  return { form, formError, submitWith };
}

export function ReinstateForm(props: { caseId: number; version: number; failingItems: ChecklistItemKey[] }) {
  const t = useTranslations("cases");
  const defaults = { caseId: props.caseId, expectedVersion: props.version, overrides: props.failingItems.map((item) => ({ item, reason: "" })), note: "" };
  const { form, formError, submitWith } = useCaseForm(reinstateCaseInput, defaults);
  const errors = form.formState.errors;
  const fields = [...props.failingItems.map((_, index) => `overrides.${index}.reason` as const), "note" as const];
  // The server names a missing override by its item: overrides.letter_received.
  const place = (path: string) => {
    const index = props.failingItems.findIndex((item) => path === `overrides.${item}`);
    return index >= 0 ? (`overrides.${index}.reason` as const) : undefined;
  };
  const onSubmit = submitWith(reinstateCaseAction, fields, place);
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="reinstate-heading">
      <FormStatus error={formError} />
      {props.failingItems.map((item, index) => {
        const id = `override-${item}`;
        const error = errors.overrides?.[index]?.reason?.message;
        return (
          <Field key={item} id={id} label={`${t("case.overrideLabel")}: ${t(`checklistItems.${item}`)}`} error={error}>
            <textarea {...form.register(`overrides.${index}.reason`)} {...fieldProps(id, { error })} rows={2} />
          </Field>
        );
      })}
      <Field id="reinstate-note" label={t("case.reinstateNote")} error={errors.note?.message}>
        <textarea {...form.register("note")} {...fieldProps("reinstate-note", { error: errors.note?.message })} rows={2} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("case.reinstating") : t("case.reinstate")}
        </button>
      </div>
    </form>
  );
}

export function ExtendForm(props: { caseId: number; version: number; defaultRecheckOn: string }) {
  const t = useTranslations("cases");
  const terms = useTranslations("notifications.extendReasons");
  const defaults = { caseId: props.caseId, expectedVersion: props.version, reasons: [], recheckOn: props.defaultRecheckOn, message: "" };
  const { form, formError, submitWith } = useCaseForm(extendCaseInput, defaults);
  const errors = form.formState.errors;
  const onSubmit = submitWith(extendCaseAction, ["reasons", "recheckOn", "message"]);
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="extend-heading">
      <FormStatus error={formError} />
      <fieldset className="field" aria-describedby={errors.reasons ? "extend-reasons-error" : undefined}>
        <legend>{t("case.extendReasons")}</legend>
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
      <Field id="extend-recheck-on" label={t("case.recheckOn")} error={errors.recheckOn?.message}>
        <input type="date" {...form.register("recheckOn")} {...fieldProps("extend-recheck-on", { error: errors.recheckOn?.message })} />
      </Field>
      <Field id="extend-message" label={t("case.message")} error={errors.message?.message}>
        <textarea {...form.register("message")} {...fieldProps("extend-message", { error: errors.message?.message })} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("case.extending") : t("case.extend")}
        </button>
      </div>
    </form>
  );
}

export function AnswerLetterForm(props: { letterId: number }) {
  const t = useTranslations("cases.case");
  const { form, formError, submitWith } = useCaseForm(answerLetterInput, { letterId: props.letterId, verdict: "accepted" as const, message: "" });
  const errors = form.formState.errors;
  const onSubmit = submitWith(answerLetterAction, ["verdict", "message"]);
  const id = `answer-${props.letterId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t("verdict")}>
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
      <Field id={`${id}-message`} label={t("answerMessage")} error={errors.message?.message}>
        <textarea {...form.register("message")} {...fieldProps(`${id}-message`, { error: errors.message?.message })} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("sending") : t("sendAnswer")}
        </button>
      </div>
    </form>
  );
}

export function NoteForm(props: { caseId: number }) {
  const t = useTranslations("cases.case");
  const { form, formError, submitWith } = useCaseForm(addCaseNoteInput, { caseId: props.caseId, body: "" });
  const error = form.formState.errors.body?.message;
  const onSubmit = submitWith(addCaseNoteAction, ["body"]);
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t("noteLabel")}>
      <FormStatus error={formError} />
      <Field id="case-note" label={t("noteLabel")} error={error}>
        <textarea {...form.register("body")} {...fieldProps("case-note", { error })} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("adding") : t("addNote")}
        </button>
      </div>
    </form>
  );
}
