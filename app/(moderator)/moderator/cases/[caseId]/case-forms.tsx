"use client";

import { useTranslations } from "next-intl";
import {
  addCaseNoteAction,
  answerLetterAction,
  extendCaseAction,
  reinstateCaseAction,
} from "@/app/(moderator)/moderator/cases/[caseId]/actions";
import { ChoiceGroup, InputField, SubmitButton, TextAreaField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { EXTEND_REASONS } from "@/db/enums";
import { addCaseNoteInput, answerLetterInput, extendCaseInput, reinstateCaseInput } from "@/lib/cases/case-input";
import type { ChecklistItemKey } from "@/lib/cases/checklist";

/**
 * The moderator's forms on the case page. The decisions send the case version the page was
 * rendered with: a stale form is refused and says who decided meanwhile. Their fields follow the
 * page: once a letter is answered, the reinstatement asks only for the items that still fail.
 */

export function ReinstateForm(props: { caseId: number; version: number; failingItems: ChecklistItemKey[] }) {
  const t = useTranslations("cases");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: reinstateCaseInput,
    defaultValues: {
      caseId: props.caseId,
      expectedVersion: props.version,
      overrides: props.failingItems.map((item) => ({ item, reason: "" })),
      note: "",
    },
    action: reinstateCaseAction,
    // The server names a missing override by its item (overrides.letter_received); the form by position.
    fieldPath: (path) => {
      const index = props.failingItems.findIndex((item) => path === `overrides.${item}`);
      return index >= 0 ? `overrides.${index}.reason` : path;
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="reinstate-heading">
      <FormStatus {...status} />
      {props.failingItems.map((item, index) => (
        <TextAreaField
          key={item}
          id={`override-${item}`}
          label={`${t("case.overrideLabel")}: ${t(`checklistItems.${item}`)}`}
          error={errorOf(`overrides.${index}.reason`)}
          registration={form.register(`overrides.${index}.reason`)}
          rows={2}
        />
      ))}
      <TextAreaField
        id="reinstate-note"
        label={t("case.reinstateNote")}
        error={errorOf("note")}
        registration={form.register("note")}
        rows={2}
      />
      <div className="form-actions">
        <SubmitButton
          isSubmitting={isSubmitting}
          label={t("case.reinstate")}
          pendingLabel={t("case.reinstating")}
          className="button button-primary"
        />
      </div>
    </form>
  );
}

export function ExtendForm(props: { caseId: number; version: number; defaultRecheckOn: string }) {
  const t = useTranslations("cases.case");
  const terms = useTranslations("notifications.extendReasons");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: extendCaseInput,
    defaultValues: {
      caseId: props.caseId,
      expectedVersion: props.version,
      reasons: [],
      recheckOn: props.defaultRecheckOn,
      message: "",
    },
    action: extendCaseAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="extend-heading">
      <FormStatus {...status} />
      <ChoiceGroup id="extend-reasons" legend={t("extendReasons")} error={errorOf("reasons")}>
        {EXTEND_REASONS.map((reason) => (
          <label key={reason} className="checkbox">
            <input type="checkbox" value={reason} {...form.register("reasons")} /> {terms(reason)}
          </label>
        ))}
      </ChoiceGroup>
      <InputField
        id="extend-recheck-on"
        label={t("recheckOn")}
        error={errorOf("recheckOn")}
        registration={form.register("recheckOn")}
        type="date"
      />
      <TextAreaField
        id="extend-message"
        label={t("message")}
        error={errorOf("message")}
        registration={form.register("message")}
      />
      <div className="form-actions">
        <SubmitButton isSubmitting={isSubmitting} label={t("extend")} pendingLabel={t("extending")} />
      </div>
    </form>
  );
}

export function AnswerLetterForm(props: { letterId: number }) {
  const t = useTranslations("cases.case");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: answerLetterInput,
    defaultValues: { letterId: props.letterId, verdict: "accepted" as const, message: "" },
    action: answerLetterAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t("verdict")}>
      <FormStatus {...status} />
      <ChoiceGroup id={`answer-${props.letterId}-verdict`} legend={t("verdict")} error={errorOf("verdict")}>
        <label className="checkbox">
          <input type="radio" value="accepted" {...form.register("verdict")} /> {t("accept")}
        </label>
        <label className="checkbox">
          <input type="radio" value="changes_requested" {...form.register("verdict")} /> {t("askChanges")}
        </label>
      </ChoiceGroup>
      <TextAreaField
        id={`answer-${props.letterId}-message`}
        label={t("answerMessage")}
        error={errorOf("message")}
        registration={form.register("message")}
      />
      <div className="form-actions">
        <SubmitButton isSubmitting={isSubmitting} label={t("sendAnswer")} pendingLabel={t("sending")} />
      </div>
    </form>
  );
}

export function NoteForm(props: { caseId: number }) {
  const t = useTranslations("cases.case");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: addCaseNoteInput,
    defaultValues: { caseId: props.caseId, body: "" },
    action: addCaseNoteAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t("noteLabel")}>
      <FormStatus {...status} />
      <TextAreaField id="case-note" label={t("noteLabel")} error={errorOf("body")} registration={form.register("body")} />
      <div className="form-actions">
        <SubmitButton isSubmitting={isSubmitting} label={t("addNote")} pendingLabel={t("adding")} />
      </div>
    </form>
  );
}
