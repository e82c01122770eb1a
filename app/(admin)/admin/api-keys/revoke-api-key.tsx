"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { revokeApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { useApiKeyFieldError } from "@/app/(admin)/admin/api-keys/api-key-field-error";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { revokeApiKeyInput } from "@/lib/api-keys/api-key-input";

type FormInput = z.input<typeof revokeApiKeyInput>;
type FormOutput = z.output<typeof revokeApiKeyInput>;

/**
 * Revoking a key, with its written reason, in a popover (the browser's own: keyboard, Escape and
 * focus handling included). Once revoked, the list re-renders without this button.
 */
export function RevokeApiKey({ apiKey }: { apiKey: { id: number; name: string } }) {
  const t = useTranslations("apiKeys.revoke");
  const fieldError = useApiKeyFieldError();
  const actionErrorMessage = useActionErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(revokeApiKeyInput),
    defaultValues: { apiKeyId: apiKey.id, reason: "" },
  });
  const panelId = `revoke-key-${apiKey.id}`;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await revokeApiKeyAction(values);
    if (result.status === "ok") return;
    showActionFailure(result, {
      fields: ["reason"] as const,
      setError,
      setFormError,
      describe: (failure) =>
        failure.status === "error" && failure.code === "CONFLICT" ? t("alreadyRevoked") : actionErrorMessage(failure),
    });
  });

  const reasonError = fieldError("reason", errors.reason);

  return (
    <>
      <button type="button" className="button button-quiet button-small" popoverTarget={panelId}>
        {t("open")}
        <span className="visually-hidden"> {apiKey.name}</span>
      </button>
      <div id={panelId} popover="auto" className="manage-panel" role="dialog" aria-labelledby={`${panelId}-title`}>
        <div className="manage-title">
          <h2 id={`${panelId}-title`}>{t("title", { name: apiKey.name })}</h2>
          <button type="button" className="button button-quiet button-small" popoverTarget={panelId} popoverTargetAction="hide">
            {t("close")}
          </button>
        </div>
        <form onSubmit={onSubmit} noValidate className="form form-compact" aria-labelledby={`${panelId}-title`}>
          <p className="field-hint">{t("hint")}</p>
          <FormStatus error={formError} />
          <Field id={`${panelId}-reason`} label={t("reason")} error={reasonError}>
            <input {...register("reason")} {...fieldProps(`${panelId}-reason`, { error: reasonError })} autoComplete="off" />
          </Field>
          <button type="submit" className="button button-danger button-small" disabled={isSubmitting} aria-busy={isSubmitting}>
            {t("submit")}
          </button>
        </form>
      </div>
    </>
  );
}
