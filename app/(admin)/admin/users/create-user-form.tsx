"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { createUserAction } from "@/app/(admin)/admin/users/actions";
import { RoleOptions } from "@/app/(admin)/admin/users/role-options";
import { Field, fieldProps, InputField, SubmitButton } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm, useFieldMessage } from "@/app/_components/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { createUserInput } from "@/lib/users/user-input";

export function CreateUserForm() {
  const t = useTranslations("users.create");
  const fieldMessage = useFieldMessage();
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: createUserInput,
    defaultValues: { email: "", name: "", password: "", role: "moderator", sellerExternalId: "" },
    action: createUserAction,
    onSuccess: (created) => t("created", { email: created.email }),
    failureMessages: { CONFLICT: fieldMessage({ key: "emailTaken" }) },
  });
  const isSeller = useWatch({ control: form.control, name: "role" }) === "seller";

  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-user-heading">
      <FormStatus {...status} />
      <div className="form-grid">
        <InputField
          id="new-user-email"
          label={t("email")}
          error={errorOf("email")}
          registration={form.register("email")}
          type="email"
          autoComplete="off"
        />
        <InputField
          id="new-user-name"
          label={t("name")}
          error={errorOf("name")}
          registration={form.register("name")}
          autoComplete="off"
        />
        <InputField
          id="new-user-password"
          label={t("password")}
          hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
          error={errorOf("password")}
          registration={form.register("password")}
          type="password"
          autoComplete="new-password"
        />
        <Field id="new-user-role" label={t("role")} error={errorOf("role")}>
          <select {...form.register("role")} {...fieldProps("new-user-role", { error: errorOf("role") })}>
            <RoleOptions />
          </select>
        </Field>
        {isSeller && (
          <InputField
            id="new-user-seller"
            label={t("sellerExternalId")}
            hint={t("sellerExternalIdHint")}
            error={errorOf("sellerExternalId")}
            registration={form.register("sellerExternalId")}
            autoComplete="off"
          />
        )}
      </div>
      <div className="form-actions">
        <SubmitButton isSubmitting={isSubmitting} label={t("submit")} className="button button-primary" />
      </div>
    </form>
  );
}
