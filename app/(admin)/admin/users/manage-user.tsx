"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { changeUserRoleAction, resetUserPasswordAction, setUserDisabledAction } from "@/app/(admin)/admin/users/actions";
import { RoleSelect } from "@/app/(admin)/admin/users/role-options";
import { TemporaryPasswordNotice } from "@/app/(admin)/admin/users/temporary-password-notice";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { PopoverDialog } from "@/app/_components/popover-dialog";
import { useActionForm } from "@/app/_components/use-action-form";
import type { Role } from "@/db/enums";
import { changeRoleInput, resetPasswordInput, setDisabledInput } from "@/lib/users/user-input";

export type ManagedUser = {
  id: string;
  email: string;
  role: Role;
  isDisabled: boolean;
  sellerExternalId: string | null;
  /** The admin's own account: they may step down (while another admin remains), not disable or reset it. */
  isSelf: boolean;
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
      {!user.isSelf && <ResetPasswordForm user={user} />}
      {!user.isSelf && <SetDisabledForm user={user} />}
    </PopoverDialog>
  );
}

/** A dialog form's heading, and the hint under it. */
function DialogFormIntro({ id, heading, hint }: { id: string; heading: string; hint?: string }) {
  return (
    <>
      <h3 id={id} className="manage-heading">
        {heading}
      </h3>
      {hint && <p className="field-hint">{hint}</p>}
    </>
  );
}

function ChangeRoleForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const change = useActionForm({
    schema: changeRoleInput,
    defaultValues: { userId: user.id, role: user.role, sellerExternalId: user.sellerExternalId ?? "", reason: "" },
    action: changeUserRoleAction,
    onSuccess: () => t("roleChanged"),
  });
  const isSeller = useWatch({ control: change.form.control, name: "role" }) === "seller";
  const prefix = `role-${user.id}`;

  return (
    <ActionForm
      form={change}
      compact
      labelledBy={`${prefix}-heading`}
      intro={<DialogFormIntro id={`${prefix}-heading`} heading={t("roleHeading")} />}
      submit={{ label: t("changeRole"), className: "button button-small" }}
    >
      <RoleSelect id={`${prefix}-role`} label={t("newRole")} {...change.field("role")} />
      {isSeller && (
        <InputField
          id={`${prefix}-seller`}
          label={t("sellerExternalId")}
          {...change.field("sellerExternalId")}
          autoComplete="off"
        />
      )}
      <InputField id={`${prefix}-reason`} label={t("reason")} {...change.field("reason")} autoComplete="off" />
    </ActionForm>
  );
}

/** Disables an enabled account, enables a disabled one: the list re-renders and the form follows. */
function SetDisabledForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const willDisable = !user.isDisabled;
  const access = useActionForm({
    schema: setDisabledInput,
    defaultValues: { userId: user.id, disabled: willDisable, reason: "" },
    action: setUserDisabledAction,
  });
  const prefix = `access-${user.id}`;

  return (
    <ActionForm
      form={access}
      compact
      labelledBy={`${prefix}-heading`}
      intro={
        <DialogFormIntro
          id={`${prefix}-heading`}
          heading={willDisable ? t("disableHeading") : t("enableHeading")}
          hint={willDisable ? t("disableHint") : t("enableHint")}
        />
      }
      submit={{
        label: willDisable ? t("disable") : t("enable"),
        className: willDisable ? "button button-danger button-small" : "button button-small",
      }}
    >
      <InputField id={`${prefix}-reason`} label={t("reason")} {...access.field("reason")} autoComplete="off" />
    </ActionForm>
  );
}

/** A new temporary password, shown this once; the account's sessions end at once. */
function ResetPasswordForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const reset = useActionForm({
    schema: resetPasswordInput,
    defaultValues: { userId: user.id, reason: "" },
    action: async (values) => {
      setTemporaryPassword(null);
      return resetUserPasswordAction(values);
    },
    onSuccess: (result) => {
      setTemporaryPassword(result.temporaryPassword);
      return t("passwordReset");
    },
  });
  const prefix = `reset-${user.id}`;

  return (
    <>
      <ActionForm
        form={reset}
        compact
        labelledBy={`${prefix}-heading`}
        intro={<DialogFormIntro id={`${prefix}-heading`} heading={t("resetHeading")} hint={t("resetHint")} />}
        submit={{ label: t("reset"), className: "button button-small" }}
      >
        <InputField id={`${prefix}-reason`} label={t("reason")} {...reset.field("reason")} autoComplete="off" />
      </ActionForm>
      {temporaryPassword && (
        <TemporaryPasswordNotice
          id={`${prefix}-password`}
          heading={t("resetDone", { email: user.email })}
          password={temporaryPassword}
          onDismiss={() => setTemporaryPassword(null)}
        />
      )}
    </>
  );
}
