"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { createUserAction } from "@/app/(admin)/admin/users/actions";
import { useUserFieldError } from "@/app/(admin)/admin/users/user-field-error";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { RoleOptions } from "@/app/(admin)/admin/users/role-options";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { createUserInput } from "@/lib/users/user-input";

type FormInput = z.input<typeof createUserInput>;
type FormOutput = z.output<typeof createUserInput>;

const FIELDS = ["email", "name", "password", "role", "sellerExternalId"] as const;
const EMPTY: FormInput = { email: "", name: "", password: "", role: "moderator", sellerExternalId: "" };

export function CreateUserForm() {
  const t = useTranslations("users.create");
  const fieldError = useUserFieldError();
  const actionErrorMessage = useActionErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    control,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(createUserInput), defaultValues: EMPTY });
  const isSeller = useWatch({ control, name: "role" }) === "seller";

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setCreated(null);
    const result = await createUserAction(values);
    if (result.status === "ok") {
      reset(EMPTY);
      setCreated(result.data.email);
    } else if (result.status === "error" && result.code === "CONFLICT") {
      setError("email", { type: "conflict" }, { shouldFocus: true });
    } else {
      showActionFailure(result, { fields: FIELDS, setError, setFormError, describe: actionErrorMessage });
    }
  });

  const messages = {
    email: fieldError("email", errors.email),
    name: fieldError("name", errors.name),
    password: fieldError("password", errors.password),
    role: fieldError("role", errors.role),
    sellerExternalId: fieldError("sellerExternalId", errors.sellerExternalId),
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-user-heading">
      <FormStatus error={formError} success={created && t("created", { email: created })} />
      <div className="form-grid">
        <Field id="new-user-email" label={t("email")} error={messages.email}>
          <input
            {...register("email")}
            {...fieldProps("new-user-email", { error: messages.email })}
            type="email"
            autoComplete="off"
          />
        </Field>
        <Field id="new-user-name" label={t("name")} error={messages.name}>
          <input {...register("name")} {...fieldProps("new-user-name", { error: messages.name })} autoComplete="off" />
        </Field>
        <Field
          id="new-user-password"
          label={t("password")}
          hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
          error={messages.password}
        >
          <input
            {...register("password")}
            {...fieldProps("new-user-password", { error: messages.password, hint: true })}
            type="password"
            autoComplete="new-password"
          />
        </Field>
        <Field id="new-user-role" label={t("role")} error={messages.role}>
          <select {...register("role")} {...fieldProps("new-user-role", { error: messages.role })}>
            <RoleOptions />
          </select>
        </Field>
        {isSeller && (
          <Field
            id="new-user-seller"
            label={t("sellerExternalId")}
            hint={t("sellerExternalIdHint")}
            error={messages.sellerExternalId}
          >
            <input
              {...register("sellerExternalId")}
              {...fieldProps("new-user-seller", { error: messages.sellerExternalId, hint: true })}
              autoComplete="off"
            />
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting} aria-busy={isSubmitting}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
