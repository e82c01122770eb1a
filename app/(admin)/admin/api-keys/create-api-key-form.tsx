"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { NewApiKeySecret } from "@/app/(admin)/admin/api-keys/new-api-key-secret";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input";
import type { CreatedApiKey } from "@/lib/api-keys/create-api-key";

/** Makes a key and shows its secret this once; it lives only in this component's state. */
export function CreateApiKeyForm() {
  const t = useTranslations("apiKeys.create");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const create = useActionForm({
    schema: createApiKeyInput,
    defaultValues: { name: "" },
    action: async (values) => {
      setCreated(null);
      return createApiKeyAction(values);
    },
    onSuccess: setCreated,
  });

  return (
    <>
      <ActionForm
        form={create}
        labelledBy="create-api-key-heading"
        submit={{ label: t("submit"), className: "button button-primary" }}
      >
        <InputField id="new-api-key-name" label={t("name")} hint={t("nameHint")} {...create.field("name")} autoComplete="off" />
      </ActionForm>
      {created && <NewApiKeySecret name={created.apiKey.name} secret={created.secret} onDismiss={() => setCreated(null)} />}
    </>
  );
}
