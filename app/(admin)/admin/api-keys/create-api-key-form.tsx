"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createApiKeyAction } from "@/app/(admin)/admin/api-keys/actions";
import { useApiKeyFieldError } from "@/app/(admin)/admin/api-keys/api-key-field-error";
import { NewApiKeySecret } from "@/app/(admin)/admin/api-keys/new-api-key-secret";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input";
import type { CreatedApiKey } from "@/lib/api-keys/create-api-key";

type FormInput = z.input<typeof createApiKeyInput>;
type FormOutput = z.output<typeof createApiKeyInput>;

const EMPTY: FormInput = { name: "" };

/** Makes a key and shows its secret this once; it lives only in this component's state. */
export function CreateApiKeyForm() {
  const t = useTranslations("apiKeys.create");
  const fieldError = useApiKeyFieldError();
  const actionErrorMessage = useActionErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(createApiKeyInput), defaultValues: EMPTY });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    const result = await createApiKeyAction(values);
    if (result.status === "ok") {
      reset(EMPTY);
      setCreated(result.data);
    } else {
      showActionFailure(result, { fields: ["name"] as const, setError, setFormError, describe: actionErrorMessage });
    }
  });

  const nameError = fieldError("name", errors.name);

  return (
    <>
      <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-api-key-heading">
        <FormStatus error={formError} />
        <Field id="new-api-key-name" label={t("name")} hint={t("nameHint")} error={nameError}>
          <input {...register("name")} {...fieldProps("new-api-key-name", { error: nameError, hint: true })} autoComplete="off" />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting} aria-busy={isSubmitting}>
            {t("submit")}
          </button>
        </div>
      </form>
      {created && <NewApiKeySecret name={created.apiKey.name} secret={created.secret} onDismiss={() => setCreated(null)} />}
    </>
  );
}
