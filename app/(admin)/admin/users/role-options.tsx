"use client";

import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Field, fieldProps } from "@/app/_components/field";
import { ROLES } from "@/db/enums";

/** A labelled select of the roles an account can have, in the reader's language. */
export function RoleSelect(props: { id: string; label: string; error?: string; registration: UseFormRegisterReturn }) {
  const t = useTranslations("roles");
  return (
    <Field id={props.id} label={props.label} error={props.error}>
      <select {...props.registration} {...fieldProps(props.id, { error: props.error })}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(role)}
          </option>
        ))}
      </select>
    </Field>
  );
}
