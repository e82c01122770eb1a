"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { Field, fieldProps } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { createPolicyDraftInput, policyDraftInput, savePolicyDraftInput } from "@/lib/policy/policy-input";
import type { PolicyParams } from "@/lib/quality/policy";
import { createPolicyDraftAction, discardPolicyDraftAction, savePolicyDraftAction } from "./actions";
import { POLICY_GROUPS, POLICY_PARAMETERS } from "./policy-parameters";

/** Holidays are typed as dates separated by spaces, commas or lines. */
const toHolidays = (value: unknown) =>
  Array.isArray(value)
    ? value
    : String(value ?? "")
        .split(/[\s,]+/)
        .filter(Boolean);
/** FDR's q: empty is off (null). */
const toOptionalNumber = (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value));

/** Every parameter of the draft, a labelled field each, checked by the policy's schema here and again on the server. */
export function PolicyDraftForm(props: { version: number; params: PolicyParams }) {
  const t = useTranslations("policyEditor");
  const router = useRouter();
  const draft = useActionForm({
    schema: savePolicyDraftInput,
    defaultValues: { version: props.version, params: props.params },
    action: savePolicyDraftAction,
    onSuccess: () => {
      router.refresh();
      return t("draft.saved");
    },
  });
  const { register } = draft.form;

  return (
    <ActionForm
      form={draft}
      label={t("draft.heading", { version: props.version })}
      submit={{ label: t("draft.save"), pendingLabel: t("draft.saving"), className: "button button-primary" }}
    >
      {POLICY_GROUPS.map((group) => (
        <fieldset key={group} className="fieldset">
          <legend>{t(`groups.${group}`)}</legend>
          {POLICY_PARAMETERS.filter(([g]) => g === group).map(([g, name]) => {
            const path = `params.${g}.${name}` as const;
            const id = `policy-${g}-${name}`;
            const error = draft.errorOf(path as never);
            const label = t(`params.${g}.${name}` as never);
            if (g === "response" && name === "holidays")
              return (
                <Field key={name} id={id} label={label} error={error}>
                  <textarea rows={2} {...register(path as never, { setValueAs: toHolidays })} {...fieldProps(id, { error })} />
                </Field>
              );
            const options = g === "fdr" ? { setValueAs: toOptionalNumber } : { valueAsNumber: true as const };
            return (
              <Field key={name} id={id} label={label} error={error}>
                <input
                  type="number"
                  step="any"
                  inputMode="decimal"
                  {...register(path as never, options)}
                  {...fieldProps(id, { error })}
                />
              </Field>
            );
          })}
        </fieldset>
      ))}
    </ActionForm>
  );
}

export function CreatePolicyDraft() {
  const t = useTranslations("policyEditor.draft");
  const create = useActionForm({ schema: createPolicyDraftInput, defaultValues: {}, action: createPolicyDraftAction });
  return (
    <ActionForm form={create} label={t("create")} submit={{ label: t("create"), className: "button button-primary" }}>
      {null}
    </ActionForm>
  );
}

export function DiscardPolicyDraft(props: { version: number }) {
  const t = useTranslations("policyEditor.draft");
  const discard = useActionForm({
    schema: policyDraftInput,
    defaultValues: { version: props.version },
    action: discardPolicyDraftAction,
  });
  return (
    <ActionForm
      form={discard}
      label={t("discard")}
      submit={{ label: t("discard"), pendingLabel: t("discarding"), className: "button" }}
    >
      {null}
    </ActionForm>
  );
}
