"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeUserRoleAction, setUserDisabledAction } from "@/app/(admin)/admin/users/actions";
import { useUserFieldError } from "@/app/(admin)/admin/users/user-field-error";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { RoleOptions } from "@/app/(admin)/admin/users/role-options";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import type { Role } from "@/db/enums";
import { changeRoleInput, setDisabledInput } from "@/lib/users/user-input";

export type ManagedUser = {
  id: string;
  email: string;
  role: Role;
  isDisabled: boolean;
  sellerExternalId: string | null;
};

/**
 * Per-account actions of the users list, in a popover (the browser's own: keyboard, Escape and
 * focus handling included) so the table stays readable.
 */
export function ManageUser({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const panelId = `manage-${user.id}`;
  return (
    <>
      <button type="button" className="button button-quiet button-small" popoverTarget={panelId}>
        {t("open")}
        <span className="visually-hidden"> {user.email}</span>
      </button>
      <div id={panelId} popover="auto" className="manage-panel" role="dialog" aria-labelledby={`${panelId}-title`}>
        <div className="manage-title">
          <h2 id={`${panelId}-title`}>{t("title", { email: user.email })}</h2>
          <button type="button" className="button button-quiet button-small" popoverTarget={panelId} popoverTargetAction="hide">
            {t("close")}
          </button>
        </div>
        <ChangeRoleForm user={user} />
        <SetDisabledForm user={user} />
      </div>
    </>
  );
}

type RoleInput = z.input<typeof changeRoleInput>;
const ROLE_FIELDS = ["role", "sellerExternalId", "reason"] as const;

function ChangeRoleForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const fieldError = useUserFieldError();
  const actionErrorMessage = useActionErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    control,
    setError,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<RoleInput, unknown, z.output<typeof changeRoleInput>>({
    resolver: zodResolver(changeRoleInput),
    defaultValues: { userId: user.id, role: user.role, sellerExternalId: user.sellerExternalId ?? "", reason: "" },
  });
  const isSeller = useWatch({ control, name: "role" }) === "seller";
  const prefix = `role-${user.id}`;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setDone(false);
    const result = await changeUserRoleAction(values);
    if (result.status === "ok") {
      resetField("reason");
      setDone(true);
    } else {
      showActionFailure(result, { fields: ROLE_FIELDS, setError, setFormError, describe: actionErrorMessage });
    }
  });

  const messages = {
    role: fieldError("role", errors.role),
    sellerExternalId: fieldError("sellerExternalId", errors.sellerExternalId),
    reason: fieldError("reason", errors.reason),
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form form-compact" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="manage-heading">
        {t("roleHeading")}
      </h3>
      <FormStatus error={formError} success={done && t("roleChanged")} />
      <Field id={`${prefix}-role`} label={t("newRole")} error={messages.role}>
        <select {...register("role")} {...fieldProps(`${prefix}-role`, { error: messages.role })}>
          <RoleOptions />
        </select>
      </Field>
      {isSeller && (
        <Field id={`${prefix}-seller`} label={t("sellerExternalId")} error={messages.sellerExternalId}>
          <input
            {...register("sellerExternalId")}
            {...fieldProps(`${prefix}-seller`, { error: messages.sellerExternalId })}
            autoComplete="off"
          />
        </Field>
      )}
      <Field id={`${prefix}-reason`} label={t("reason")} error={messages.reason}>
        <input {...register("reason")} {...fieldProps(`${prefix}-reason`, { error: messages.reason })} autoComplete="off" />
      </Field>
      <button type="submit" className="button button-small" disabled={isSubmitting} aria-busy={isSubmitting}>
        {t("changeRole")}
      </button>
    </form>
  );
}

type DisabledInput = z.input<typeof setDisabledInput>;

function SetDisabledForm({ user }: { user: ManagedUser }) {
  const t = useTranslations("users.manage");
  const fieldError = useUserFieldError();
  const actionErrorMessage = useActionErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const willDisable = !user.isDisabled;
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<DisabledInput, unknown, z.output<typeof setDisabledInput>>({
    resolver: zodResolver(setDisabledInput),
    defaultValues: { userId: user.id, disabled: willDisable, reason: "" },
  });
  const prefix = `access-${user.id}`;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await setUserDisabledAction({ ...values, disabled: willDisable });
    if (result.status === "ok") {
      // The list re-renders with the new state, and this form then offers the opposite.
      reset({ userId: user.id, disabled: !willDisable, reason: "" });
      return;
    }
    showActionFailure(result, {
      fields: ["reason"] as const,
      setError,
      setFormError,
      describe: (failure) =>
        failure.status === "invalid" && failure.fieldErrors.userId ? t("ownAccount") : actionErrorMessage(failure),
    });
  });

  const reasonError = fieldError("reason", errors.reason);

  return (
    <form onSubmit={onSubmit} noValidate className="form form-compact" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`} className="manage-heading">
        {willDisable ? t("disableHeading") : t("enableHeading")}
      </h3>
      <p className="field-hint">{willDisable ? t("disableHint") : t("enableHint")}</p>
      <FormStatus error={formError} />
      <Field id={`${prefix}-reason`} label={t("reason")} error={reasonError}>
        <input {...register("reason")} {...fieldProps(`${prefix}-reason`, { error: reasonError })} autoComplete="off" />
      </Field>
      <button
        type="submit"
        className={willDisable ? "button button-danger button-small" : "button button-small"}
        disabled={isSubmitting}
        aria-busy={isSubmitting}
      >
        {willDisable ? t("disable") : t("enable")}
      </button>
    </form>
  );
}
