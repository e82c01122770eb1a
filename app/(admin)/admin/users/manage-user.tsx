"use client";

import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { changeUserRoleAction, setUserDisabledAction } from "@/app/(admin)/admin/users/actions";
import { RoleOptions } from "@/app/(admin)/admin/users/role-options";
import { Field, fieldProps, InputField, SubmitButton } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { PopoverDialog } from "@/app/_components/popover-dialog";
import { useActionForm } from "@/app/_components/use-action-form";
import type { Role } from "@/db/enums";
import { changeRoleInput, setDisabledInput } from "@/lib/users/user-input";

export type ManagedUser = {
  id: string;
  email: string;
  role: Role;
  isDisabled: boolean;
  sellerExternalId: string | null;
};

/** Per-account actions of the users list, in a popover so the table stays readable. */
export function ManageUser({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  return (
    <PopoverDialog
      id={`manage-${user.id}`}
      openLabel={t("open")}
      subject={user.email}
      title={t("title", { email: user.email })}
      closeLabel={t("close")}
    >
      <ChangeRoleForm user={user} />
      <SetDisabledForm user={user} />
    </PopoverDialog>
  );
}

function ChangeRoleForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: changeRoleInput,
    defaultValues: { userId: user.id, role: user.role, sellerExternalId: user.sellerExternalId ?? "", reason: "" },
    action: changeUserRoleAction,
    onSuccess: () => t("roleChanged"),
  });
  const isSeller = useWatch({ control: form.control, name: "role" }) === "seller";
  const prefix = `role-${user.id}`;

  return (
    <form onSubmit={onSubmit} noValidate className="form form-compact" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="manage-heading">
        {t("roleHeading")}
      </h3>
      <FormStatus {...status} />
      <Field id={`${prefix}-role`} label={t("newRole")} error={errorOf("role")}>
        <select {...form.register("role")} {...fieldProps(`${prefix}-role`, { error: errorOf("role") })}>
          <RoleOptions />
        </select>
      </Field>
      {isSeller && (
        <InputField
          id={`${prefix}-seller`}
          label={t("sellerExternalId")}
          error={errorOf("sellerExternalId")}
          registration={form.register("sellerExternalId")}
          autoComplete="off"
        />
      )}
      <InputField
        id={`${prefix}-reason`}
        label={t("reason")}
        error={errorOf("reason")}
        registration={form.register("reason")}
        autoComplete="off"
      />
      <SubmitButton isSubmitting={isSubmitting} label={t("changeRole")} className="button button-small" />
    </form>
  );
}

/** Disables an enabled account, enables a disabled one: the list re-renders and the form follows. */
function SetDisabledForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const willDisable = !user.isDisabled;
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: setDisabledInput,
    defaultValues: { userId: user.id, disabled: willDisable, reason: "" },
    action: setUserDisabledAction,
  });
  const prefix = `access-${user.id}`;

  return (
    <form onSubmit={onSubmit} noValidate className="form form-compact" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="manage-heading">
        {willDisable ? t("disableHeading") : t("enableHeading")}
      </h3>
      <p className="field-hint">{willDisable ? t("disableHint") : t("enableHint")}</p>
      <FormStatus {...status} />
      <InputField
        id={`${prefix}-reason`}
        label={t("reason")}
        error={errorOf("reason")}
        registration={form.register("reason")}
        autoComplete="off"
      />
      <SubmitButton
        isSubmitting={isSubmitting}
        label={willDisable ? t("disable") : t("enable")}
        className={willDisable ? "button button-danger button-small" : "button button-small"}
      />
    </form>
  );
}
