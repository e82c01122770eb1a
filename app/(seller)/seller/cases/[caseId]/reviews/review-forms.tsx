"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { ChoiceGroup, Field, fieldProps, TextAreaField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { ROOT_CAUSES, type RootCause } from "@/db/enums";
import { nameRootCauseInput, recordReviewOutcomeInput, SELLER_REVIEW_STEPS } from "@/lib/cases/review-work-input";
import { nameRootCauseAction, recordReviewOutcomeAction } from "./actions";

/** The seller's two forms on a review in scope: its root cause, and what was done about it. */

export function RootCauseForm(props: {
  caseId: number;
  reviewId: number;
  rootCause: RootCause | null;
  rootCauseNote: string | null;
}) {
  const t = useTranslations("sellerReviews");
  const causes = useTranslations("notifications.rootCauses");
  const form = useActionForm({
    schema: nameRootCauseInput,
    defaultValues: {
      caseId: props.caseId,
      reviewId: props.reviewId,
      rootCause: (props.rootCause ?? "") as RootCause,
      rootCauseNote: props.rootCauseNote ?? "",
    },
    action: nameRootCauseAction,
  });
  const id = `review-${props.reviewId}`;
  const isOther = form.form.watch("rootCause") === "other";
  const causeError = form.errorOf("rootCause");
  return (
    <ActionForm
      form={form}
      label={t("rootCauseForm")}
      compact
      submit={{ label: t("saveRootCause"), pendingLabel: t("saving"), className: "button" }}
    >
      <Field id={`${id}-cause`} label={t("rootCause")} error={causeError}>
        <select {...form.form.register("rootCause")} {...fieldProps(`${id}-cause`, { error: causeError })}>
          <option value="">{t("chooseCause")}</option>
          {ROOT_CAUSES.map((cause) => (
            <option key={cause} value={cause}>
              {causes(cause)}
            </option>
          ))}
        </select>
      </Field>
      {isOther && (
        <TextAreaField
          id={`${id}-cause-note`}
          label={t("rootCauseNote")}
          hint={t("rootCauseNoteHint")}
          {...form.field("rootCauseNote")}
          rows={2}
        />
      )}
    </ActionForm>
  );
}

export function OutcomeForm(props: { caseId: number; reviewId: number; isCauseNamed: boolean }) {
  const t = useTranslations("sellerReviews");
  const steps = useTranslations("cases.steps");
  const form = useActionForm({
    schema: recordReviewOutcomeInput,
    defaultValues: {
      caseId: props.caseId,
      reviewId: props.reviewId,
      outcome: "resolved_with_buyer" as const,
      text: "",
      steps: [],
    },
    action: recordReviewOutcomeAction,
  });
  const id = `review-${props.reviewId}`;
  const isReply = form.form.watch("outcome") === "answered_publicly";
  return (
    <ActionForm form={form} label={t("outcomeForm")} compact submit={{ label: t("save"), pendingLabel: t("saving") }}>
      {!props.isCauseNamed && <p className="muted">{t("causeFirst")}</p>}
      <ChoiceGroup id={`${id}-outcome`} legend={t("outcome")} error={form.errorOf("outcome")}>
        <label className="checkbox">
          <input type="radio" value="resolved_with_buyer" {...form.form.register("outcome")} /> {t("resolvedWithBuyer")}
        </label>
        <label className="checkbox">
          <input type="radio" value="answered_publicly" {...form.form.register("outcome")} /> {t("publicReply")}
        </label>
      </ChoiceGroup>
      <TextAreaField
        id={`${id}-text`}
        label={isReply ? t("reply") : t("agreement")}
        hint={isReply ? t("replyHint") : t("agreementHint")}
        {...form.field("text")}
        rows={isReply ? 4 : 2}
      />
      <ChoiceGroup id={`${id}-steps`} legend={t("steps")} error={form.errorOf("steps")}>
        {SELLER_REVIEW_STEPS.map((step) => (
          <label key={step} className="checkbox">
            <input type="checkbox" value={step} {...form.form.register("steps")} /> {steps(step)}
          </label>
        ))}
      </ChoiceGroup>
    </ActionForm>
  );
}
