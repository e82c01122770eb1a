"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { TextAreaField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { APPEAL_REASON_MIN_LENGTH, submitAppealInput } from "@/lib/appeals/appeal-input";
import { submitAppealAction } from "./actions";

/** Contesting one decision: the reason (required) and optional evidence. `label` names the decision. */
export function AppealForm(props: { caseId: number; decisionId: number | null; label: string }) {
  const t = useTranslations("sellerAppeal");
  const key = props.decisionId ?? "exclusion";
  const appeal = useActionForm({
    schema: submitAppealInput,
    defaultValues: { caseId: props.caseId, decisionId: props.decisionId, reason: "", evidence: "" },
    action: submitAppealAction,
  });
  return (
    <ActionForm
      form={appeal}
      label={props.label}
      submit={{ label: t("submit"), pendingLabel: t("submitting"), className: "button button-primary" }}
    >
      <TextAreaField
        id={`appeal-${key}-reason`}
        label={t("reasonLabel")}
        hint={t("reasonHint", { minimum: APPEAL_REASON_MIN_LENGTH })}
        rows={5}
        {...appeal.field("reason")}
      />
      <TextAreaField
        id={`appeal-${key}-evidence`}
        label={t("evidenceLabel")}
        hint={t("evidenceHint")}
        rows={4}
        {...appeal.field("evidence")}
      />
    </ActionForm>
  );
}
