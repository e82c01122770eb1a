"use client";

import { useTranslations } from "next-intl";
import {
  addCaseNoteAction,
  answerLetterAction,
  extendCaseAction,
  reinstateCaseAction,
} from "@/app/(moderator)/moderator/cases/[caseId]/actions";
import { ActionForm } from "@/app/_components/action-form";
import { ChoiceGroup, InputField, TextAreaField } from "@/app/_components/field";
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
  const reinstate = useActionForm({
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
    <ActionForm
      form={reinstate}
      labelledBy="reinstate-heading"
      submit={{ label: t("case.reinstate"), pendingLabel: t("case.reinstating"), className: "button button-primary" }}
    >
      {props.failingItems.map((item, index) => (
        <TextAreaField
          key={item}
          id={`override-${item}`}
          label={`${t("case.overrideLabel")}: ${t(`checklistItems.${item}`)}`}
          {...reinstate.field(`overrides.${index}.reason`)}
          rows={2}
        />
      ))}
      <TextAreaField id="reinstate-note" label={t("case.reinstateNote")} {...reinstate.field("note")} rows={2} />
    </ActionForm>
  );
}

export function ExtendForm(props: { caseId: number; version: number; defaultRecheckOn: string }) {
  const t = useTranslations("cases.case");
  const terms = useTranslations("notifications.extendReasons");
  const extend = useActionForm({
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
    <ActionForm form={extend} labelledBy="extend-heading" submit={{ label: t("extend"), pendingLabel: t("extending") }}>
      <ChoiceGroup id="extend-reasons" legend={t("extendReasons")} error={extend.errorOf("reasons")}>
        {EXTEND_REASONS.map((reason) => (
          <label key={reason} className="checkbox">
            <input type="checkbox" value={reason} {...extend.form.register("reasons")} /> {terms(reason)}
          </label>
        ))}
      </ChoiceGroup>
      <InputField id="extend-recheck-on" label={t("recheckOn")} {...extend.field("recheckOn")} type="date" />
      <TextAreaField id="extend-message" label={t("message")} {...extend.field("message")} />
    </ActionForm>
  );
}

export function AnswerLetterForm(props: { letterId: number }) {
  const t = useTranslations("cases.case");
  const answer = useActionForm({
    schema: answerLetterInput,
    defaultValues: { letterId: props.letterId, verdict: "accepted" as const, message: "" },
    action: answerLetterAction,
  });
  return (
    <ActionForm form={answer} label={t("verdict")} submit={{ label: t("sendAnswer"), pendingLabel: t("sending") }}>
      <ChoiceGroup id={`answer-${props.letterId}-verdict`} legend={t("verdict")} error={answer.errorOf("verdict")}>
        <label className="checkbox">
          <input type="radio" value="accepted" {...answer.form.register("verdict")} /> {t("accept")}
        </label>
        <label className="checkbox">
          <input type="radio" value="changes_requested" {...answer.form.register("verdict")} /> {t("askChanges")}
        </label>
      </ChoiceGroup>
      <TextAreaField id={`answer-${props.letterId}-message`} label={t("answerMessage")} {...answer.field("message")} />
    </ActionForm>
  );
}

export function NoteForm(props: { caseId: number }) {
  const t = useTranslations("cases.case");
  const note = useActionForm({
    schema: addCaseNoteInput,
    defaultValues: { caseId: props.caseId, body: "" },
    action: addCaseNoteAction,
  });
  return (
    <ActionForm form={note} label={t("noteLabel")} submit={{ label: t("addNote"), pendingLabel: t("adding") }}>
      <TextAreaField id="case-note" label={t("noteLabel")} {...note.field("body")} />
    </ActionForm>
  );
}
