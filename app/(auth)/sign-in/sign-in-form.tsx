"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { z } from "zod";
import { ActionForm } from "@/app/_components/action-form";
import { InputField } from "@/app/_components/field";
import { useActionForm } from "@/app/_components/use-action-form";
import type { ActionResult } from "@/lib/actions/action-result";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import { fieldMessage } from "@/lib/field-messages";
import type { Messages } from "@/lib/i18n/messages";

type ErrorKey = keyof Messages["signIn"]["errors"];

const signInSchema = z.object({
  email: z.string().trim().min(1, fieldMessage("emailRequired")).email(fieldMessage("emailInvalid")),
  password: z.string().min(1, fieldMessage("passwordRequired")),
});

/** next-auth's answer as an action's result: a wrong password and the rate limit are refusals of their own. */
async function signInWithPassword(values: z.output<typeof signInSchema>): Promise<ActionResult<null>> {
  const result = await signIn("credentials", { ...values, redirect: false }).catch(() => null);
  if (result?.ok && !result.error) return { status: "ok", data: null };
  const message = result?.error ?? "sign-in failed";
  if (result?.error === SIGN_IN_ERRORS.invalid) return { status: "error", code: "UNAUTHENTICATED", message };
  if (result?.error === SIGN_IN_ERRORS.rateLimited) return { status: "error", code: "RATE_LIMITED", message };
  return { status: "error", code: "UNEXPECTED", message };
}

export function SignInForm({ initialError }: { initialError: ErrorKey | null }) {
  const t = useTranslations("signIn");
  const signInForm = useActionForm({
    schema: signInSchema,
    defaultValues: { email: "", password: "" },
    action: signInWithPassword,
    // A full load, so the server renders the header and the role's home with the new session.
    onSuccess: () => window.location.assign(new URL("/", window.location.href)),
    failureMessages: {
      UNAUTHENTICATED: t("errors.invalid"),
      RATE_LIMITED: t("errors.rateLimited"),
      UNEXPECTED: t("errors.generic"),
    },
    initialStatus: initialError ? { error: t(`errors.${initialError}`) } : undefined,
  });

  return (
    <ActionForm
      form={signInForm}
      label={t("title")}
      submit={{ label: t("submit"), className: "button button-primary button-block" }}
    >
      <InputField
        id="email"
        label={t("email")}
        {...signInForm.field("email")}
        type="email"
        autoComplete="username"
        inputMode="email"
        autoFocus
      />
      <InputField
        id="password"
        label={t("password")}
        {...signInForm.field("password")}
        type="password"
        autoComplete="current-password"
      />
    </ActionForm>
  );
}
