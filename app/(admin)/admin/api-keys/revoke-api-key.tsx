"use client";

import { useTranslations } from "next-intl";
import { revokeApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { PopoverDialog } from "@/app/_components/popover-dialog";
import { useActionForm } from "@/app/_components/use-action-form";
import { revokeApiKeyInput } from "@/lib/api-keys/api-key-input";

/** Revoking a key, with its written reason, in a popover. Once revoked, the list re-renders without it. */
export function RevokeApiKey({ apiKey }: { apiKey: { id: number; name: string } }) {
  const t = useTranslations("apiKeys.revoke");
  const revoke = useActionForm({
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
      <ActionForm
        form={revoke}
        compact
        labelledBy={`${panelId}-title`}
        intro={<p className="field-hint">{t("hint")}</p>}
        submit={{ label: t("submit"), className: "button button-danger button-small" }}
      >
        <InputField id={`${panelId}-reason`} label={t("reason")} {...revoke.field("reason")} autoComplete="off" />
      </ActionForm>
    </PopoverDialog>
  );
}
