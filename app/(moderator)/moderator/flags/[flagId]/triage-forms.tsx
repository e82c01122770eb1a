"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { dismissFlagAction, openCaseFromFlagAction } from "@/app/(moderator)/moderator/flags/actions";
import { useCaseFailureMessage } from "@/app/(moderator)/moderator/_components/use-case-failure-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { dismissFlagInput, openCaseFromFlagInput } from "@/lib/cases/case-input";

/** Opens the case and goes to it. */
export function OpenCaseForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const router = useRouter();
  const describe = useCaseFailureMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof openCaseFromFlagInput>, unknown, z.output<typeof openCaseFromFlagInput>>({
    resolver: zodResolver(openCaseFromFlagInput),
    defaultValues: { flagId, note: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await openCaseFromFlagAction(values);
    if (result.status === "ok") router.push(`/moderator/cases/${result.data.caseId}`);
    else showActionFailure(result, { fields: ["note"] as const, setError, setFormError, describe });
  });
  const noteError = formState.errors.note?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="open-case-heading">
      <FormStatus error={formError} />
      <Field id="open-case-note" label={t("note")} error={noteError}>
        <textarea {...register("note")} {...fieldProps("open-case-note", { error: noteError })} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          {formState.isSubmitting ? t("opening") : t("open")}
        </button>
      </div>
    </form>
  );
}

export function DismissFlagForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const router = useRouter();
  const describe = useCaseFailureMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof dismissFlagInput>, unknown, z.output<typeof dismissFlagInput>>({
    resolver: zodResolver(dismissFlagInput),
    defaultValues: { flagId, reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await dismissFlagAction(values);
    if (result.status === "ok") router.refresh();
    else showActionFailure(result, { fields: ["reason"] as const, setError, setFormError, describe });
  });
  const reasonError = formState.errors.reason?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="dismiss-flag-heading">
      <FormStatus error={formError} />
      <Field id="dismiss-flag-reason" label={t("dismissReasonLabel")} error={reasonError}>
        <textarea {...register("reason")} {...fieldProps("dismiss-flag-reason", { error: reasonError })} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          {formState.isSubmitting ? t("dismissing") : t("dismiss")}
        </button>
      </div>
    </form>
  );
}
