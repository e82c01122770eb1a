"use client";

import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { InputField, SubmitButton } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { PopoverDialog } from "@/app/_components/popover-dialog";
import { useActionForm } from "@/app/_components/use-action-form";
import { revokeApiKeyInput } from "@/lib/api-keys/api-key-input";

/** Revoking a key, with its written reason, in a popover. Once revoked, the list re-renders without it. */
export function RevokeApiKey({ apiKey }: { apiKey: { id: number; name: string } }) {
  const t = useTranslations("apiKeys.revoke");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: revokeApiKeyInput,
    defaultValues: { apiKeyId: apiKey.id, reason: "" },
    action: revokeApiKeyAction,
    failureMessages: { CONFLICT: t("alreadyRevoked") },
  });
  const panelId = `revoke-key-${apiKey.id}`;

  return (
    <PopoverDialog
      id={panelId}
      openLabel={t("open")}
      subject={apiKey.name}
      title={t("title", { name: apiKey.name })}
      closeLabel={t("close")}
    >
      <form onSubmit={onSubmit} noValidate className="form form-compact" aria-labelledby={`${panelId}-title`}>
        <p className="field-hint">{t("hint")}</p>
        <FormStatus {...status} />
        <InputField
          id={`${panelId}-reason`}
          label={t("reason")}
          error={errorOf("reason")}
          registration={form.register("reason")}
          autoComplete="off"
        />
        <SubmitButton isSubmitting={isSubmitting} label={t("submit")} className="button button-danger button-small" />
      </form>
    </PopoverDialog>
  );
}
