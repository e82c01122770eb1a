"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { SIGN_IN_ERRORS } from "@/lib/auth/sign-in-errors";
import type { Messages } from "@/lib/i18n/messages";

type ErrorKey = keyof Messages["signIn"]["errors"];

/** Each message is a key of signIn.errors in the catalogs, so the form speaks the reader's language. */
const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "emailRequired" satisfies ErrorKey)
    .email("emailInvalid" satisfies ErrorKey),
  password: z.string().min(1, "passwordRequired" satisfies ErrorKey),
});
type SignInValues = z.infer<typeof signInSchema>;

function errorKeyFor(code: string | null | undefined): ErrorKey {
  if (code === SIGN_IN_ERRORS.invalid) return "invalid";
  if (code === SIGN_IN_ERRORS.rateLimited) return "rateLimited";
  return "generic";
}

export function SignInForm({ initialError }: { initialError: ErrorKey | null }) {
  const t = useTranslations("signIn");
  const [formError, setFormError] = useState<ErrorKey | null>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInValues>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async ({ email, password }) => {
    setFormError(null);
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => null);
    if (result?.ok && !result.error) {
      // A full load, so the server renders the header and the role's home with the new session.
      window.location.assign(new URL("/", window.location.href));
      return;
    }
    setFormError(errorKeyFor(result?.error));
  });

  const emailError = errors.email?.message ? t(`errors.${errors.email.message as ErrorKey}`) : undefined;
  const passwordError = errors.password?.message ? t(`errors.${errors.password.message as ErrorKey}`) : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormStatus error={formError && t(`errors.${formError}`)} />
      <Field id="email" label={t("email")} error={emailError}>
        <input
          {...register("email")}
          {...fieldProps("email", { error: emailError })}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus
        />
      </Field>
      <Field id="password" label={t("password")} error={passwordError}>
        <input
          {...register("password")}
          {...fieldProps("password", { error: passwordError })}
          type="password"
          autoComplete="current-password"
        />
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={isSubmitting} aria-busy={isSubmitting}>
        {t("submit")}
      </button>
    </form>
  );
}
