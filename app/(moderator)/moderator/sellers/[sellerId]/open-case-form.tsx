"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { openCaseManuallyAction } from "@/app/(moderator)/moderator/flags/actions";
import { useCaseFailureMessage } from "@/app/(moderator)/moderator/_components/use-case-failure-message";
import { showActionFailure } from "@/app/_components/apply-field-errors";
import { Field, fieldProps } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { openCaseManuallyInput } from "@/lib/cases/case-input";

/** A case without a flag: the moderator's own finding, with the written reason as its evidence. */
export function OpenCaseManuallyForm({ sellerId }: { sellerId: number }) {
  const t = useTranslations("cases.flag");
  const router = useRouter();
  const describe = useCaseFailureMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof openCaseManuallyInput>, unknown, z.output<typeof openCaseManuallyInput>>({
    resolver: zodResolver(openCaseManuallyInput),
    defaultValues: { sellerId, reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await openCaseManuallyAction(values);
    if (result.status === "ok") router.push(`/moderator/cases/${result.data.caseId}`);
    else showActionFailure(result, { fields: ["reason"] as const, setError, setFormError, describe });
  });
  const reasonError = formState.errors.reason?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="manual-case-heading">
      <FormStatus error={formError} />
      <Field id="manual-case-reason" label={t("manualReason")} error={reasonError}>
        <textarea {...register("reason")} {...fieldProps("manual-case-reason", { error: reasonError })} rows={3} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          {formState.isSubmitting ? t("opening") : t("open")}
        </button>
      </div>
    </form>
  );
}
