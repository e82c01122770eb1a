"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { ChoiceGroup, TextAreaField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { APPEAL_DECISION_REASON_MIN_LENGTH, decideAppealInput, type DecideAppealInput } from "@/lib/appeals/appeal-input";
import { decideAppealAction } from "./actions";

/** Uphold or Overturn, with the reasons the seller reads. */
export function DecideAppealForm({ appealId }: { appealId: number }) {
  const t = useTranslations("appeals.detail");
  const decide = useActionForm({
    schema: decideAppealInput,
    defaultValues: { appealId, outcome: undefined as unknown as DecideAppealInput["outcome"], reason: "" },
    action: decideAppealAction,
  });
  return (
    <ActionForm
      form={decide}
      labelledBy="appeal-decision-heading"
      submit={{ label: t("submit"), pendingLabel: t("submitting"), className: "button button-primary" }}
    >
      <ChoiceGroup id="appeal-outcome" legend={t("outcomeLegend")} error={decide.errorOf("outcome")}>
        <label className="checkbox">
          <input type="radio" value="upheld" aria-describedby="appeal-uphold-hint" {...decide.form.register("outcome")} />{" "}
          {t("uphold")}
        </label>
        <p id="appeal-uphold-hint" className="field-hint">
          {t("upholdHint")}
        </p>
        <label className="checkbox">
          <input type="radio" value="overturned" aria-describedby="appeal-overturn-hint" {...decide.form.register("outcome")} />{" "}
          {t("overturn")}
        </label>
        <p id="appeal-overturn-hint" className="field-hint">
          {t("overturnHint")}
        </p>
      </ChoiceGroup>
      <TextAreaField
        id="appeal-decision-reason"
        label={t("reasonLabel")}
        hint={t("reasonHint", { minimum: APPEAL_DECISION_REASON_MIN_LENGTH })}
        rows={5}
        {...decide.field("reason")}
      />
    </ActionForm>
  );
}
