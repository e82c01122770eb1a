"use client";

import { useTranslations } from "next-intl";
import { changeOwnPasswordAction } from "@/app/account/password/actions";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { changeOwnPasswordInput } from "@/lib/users/user-input";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  const change = useActionForm({
    schema: changeOwnPasswordInput,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    action: changeOwnPasswordAction,
    // A full load, so the server renders the header and the role's home without the demand.
    onSuccess: ({ home }) => window.location.assign(new URL(home, window.location.href)),
  });

  return (
    <ActionForm form={change} label={t("formLabel")} submit={{ label: t("submit"), className: "button button-primary" }}>
      <InputField
        id="current-password"
        label={t("current")}
        {...change.field("currentPassword")}
        type="password"
        autoComplete="current-password"
      />
      <InputField
        id="new-password"
        label={t("new")}
        hint={t("newHint", { min: MIN_PASSWORD_LENGTH })}
        {...change.field("newPassword")}
        type="password"
        autoComplete="new-password"
      />
      <InputField
        id="confirm-password"
        label={t("confirm")}
        {...change.field("confirmPassword")}
        type="password"
        autoComplete="new-password"
      />
    </ActionForm>
  );
}
