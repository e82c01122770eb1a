"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { createUserAction } from "@/app/(admin)/admin/users/actions";
import { RoleSelect } from "@/app/(admin)/admin/users/role-options";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { useActionForm, useFieldMessage } from "@/app/_components/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { createUserInput } from "@/lib/users/user-input";

export function CreateUserForm() {
  const t = useTranslations("users.create");
  const fieldMessage = useFieldMessage();
  const create = useActionForm({
    schema: createUserInput,
    defaultValues: { email: "", name: "", password: "", role: "moderator", sellerExternalId: "" },
    action: createUserAction,
    onSuccess: (created) => t("created", { email: created.email }),
    failureMessages: { CONFLICT: fieldMessage({ key: "emailTaken" }) },
  });
  const isSeller = useWatch({ control: create.form.control, name: "role" }) === "seller";

  return (
    <ActionForm
      form={create}
      labelledBy="create-user-heading"
      submit={{ label: t("submit"), className: "button button-primary" }}
    >
      <div className="form-grid">
        <InputField id="new-user-email" label={t("email")} {...create.field("email")} type="email" autoComplete="off" />
        <InputField id="new-user-name" label={t("name")} {...create.field("name")} autoComplete="off" />
        <InputField
          id="new-user-password"
          label={t("password")}
          hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
          {...create.field("password")}
          type="password"
          autoComplete="new-password"
        />
        <RoleSelect id="new-user-role" label={t("role")} {...create.field("role")} />
        {isSeller && (
          <InputField
            id="new-user-seller"
            label={t("sellerExternalId")}
            hint={t("sellerExternalIdHint")}
            {...create.field("sellerExternalId")}
            autoComplete="off"
          />
        )}
      </div>
    </ActionForm>
  );
}
