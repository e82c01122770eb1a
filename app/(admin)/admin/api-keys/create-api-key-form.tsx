"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { NewApiKeySecret } from "@/app/(admin)/admin/api-keys/new-api-key-secret";
import { InputField, SubmitButton } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input";
import type { CreatedApiKey } from "@/lib/api-keys/create-api-key";

/** Makes a key and shows its secret this once; it lives only in this component's state. */
export function CreateApiKeyForm() {
  const t = useTranslations("apiKeys.create");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
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
      <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-api-key-heading">
        <FormStatus {...status} />
        <InputField
          id="new-api-key-name"
          label={t("name")}
          hint={t("nameHint")}
          error={errorOf("name")}
          registration={form.register("name")}
          autoComplete="off"
        />
        <div className="form-actions">
          <SubmitButton isSubmitting={isSubmitting} label={t("submit")} className="button button-primary" />
        </div>
      </form>
      {created && <NewApiKeySecret name={created.apiKey.name} secret={created.secret} onDismiss={() => setCreated(null)} />}
    </>
  );
}
