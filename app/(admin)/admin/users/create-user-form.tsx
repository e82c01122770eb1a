"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { createUserAction } from "@/app/(admin)/admin/users/actions";
import { RoleSelect } from "@/app/(admin)/admin/users/role-options";
import { TemporaryPasswordNotice } from "@/app/(admin)/admin/users/temporary-password-notice";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { useActionForm, useFieldMessage } from "@/app/_components/use-action-form";
import type { CreatedUser } from "@/lib/users/create-user";
import { createUserByAdminInput } from "@/lib/users/user-input";

/** Makes an account with a temporary password, shown this once; it lives only in this component's state. */
export function CreateUserForm() {
  const t = useTranslations("users.create");
  const fieldMessage = useFieldMessage();
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const create = useActionForm({
    schema: createUserByAdminInput,
    defaultValues: { email: "", name: "", role: "moderator", sellerExternalId: "" },
    action: async (values) => {
      setCreated(null);
      return createUserAction(values);
    },
    onSuccess: (result) => {
      setCreated(result);
      return t("created", { email: result.user.email });
    },
    failureMessages: { CONFLICT: fieldMessage({ key: "emailTaken" }) },
  });
  const isSeller = useWatch({ control: create.form.control, name: "role" }) === "seller";

  return (
    <>
      <ActionForm
        form={create}
        labelledBy="create-user-heading"
        submit={{ label: t("submit"), className: "button button-primary" }}
      >
        <p className="field-hint">{t("passwordHint")}</p>
        <div className="form-grid">
          <InputField id="new-user-email" label={t("email")} {...create.field("email")} type="email" autoComplete="off" />
          <InputField id="new-user-name" label={t("name")} {...create.field("name")} autoComplete="off" />
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
      {created && (
        <TemporaryPasswordNotice
          id="new-user-password"
          heading={t("passwordHeading", { email: created.user.email })}
          password={created.temporaryPassword}
          onDismiss={() => setCreated(null)}
        />
      )}
    </>
  );
}
