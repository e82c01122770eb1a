"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { dismissFlagAction, openCaseFromFlagAction, openCaseManuallyAction } from "@/app/(moderator)/moderator/flags/actions";
import { SubmitButton, TextAreaField, useModerationForm } from "@/app/(moderator)/moderator/_components/moderation-form";
import { FormStatus } from "@/app/_components/form-status";
import { dismissFlagInput, openCaseFromFlagInput, openCaseManuallyInput } from "@/lib/cases/case-input";

/** Where a newly opened case is shown. */
function useGoToCase() {
  const router = useRouter();
  return ({ caseId }: { caseId: number }) => router.push(`/moderator/cases/${caseId}`);
}

/** Opens the case from the flag and goes to it. */
export function OpenCaseForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const { form, formError, submitWith } = useModerationForm(
    openCaseFromFlagInput,
    { flagId, note: "" },
    { onDone: useGoToCase() },
  );
  return (
    <form onSubmit={submitWith(openCaseFromFlagAction, ["note"])} noValidate className="form" aria-labelledby="open-case-heading">
      <FormStatus error={formError} />
      <TextAreaField
        id="open-case-note"
        label={t("note")}
        error={form.formState.errors.note?.message}
        registration={form.register("note")}
      />
      <SubmitButton
        isSubmitting={form.formState.isSubmitting}
        label={t("open")}
        pendingLabel={t("opening")}
        className="button button-danger"
      />
    </form>
  );
}

/** A case without a flag: the moderator's own finding, with the written reason as its evidence. */
export function OpenCaseManuallyForm({ sellerId }: { sellerId: number }) {
  const t = useTranslations("cases.flag");
  const { form, formError, submitWith } = useModerationForm(
    openCaseManuallyInput,
    { sellerId, reason: "" },
    { onDone: useGoToCase() },
  );
  return (
    <form
      onSubmit={submitWith(openCaseManuallyAction, ["reason"])}
      noValidate
      className="form"
      aria-labelledby="manual-case-heading"
    >
      <FormStatus error={formError} />
      <TextAreaField
        id="manual-case-reason"
        label={t("manualReason")}
        error={form.formState.errors.reason?.message}
        registration={form.register("reason")}
      />
      <SubmitButton
        isSubmitting={form.formState.isSubmitting}
        label={t("open")}
        pendingLabel={t("opening")}
        className="button button-danger"
      />
    </form>
  );
}

export function DismissFlagForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const { form, formError, submitWith } = useModerationForm(dismissFlagInput, { flagId, reason: "" });
  return (
    <form onSubmit={submitWith(dismissFlagAction, ["reason"])} noValidate className="form" aria-labelledby="dismiss-flag-heading">
      <FormStatus error={formError} />
      <TextAreaField
        id="dismiss-flag-reason"
        label={t("dismissReasonLabel")}
        error={form.formState.errors.reason?.message}
        registration={form.register("reason")}
      />
      <SubmitButton isSubmitting={form.formState.isSubmitting} label={t("dismiss")} pendingLabel={t("dismissing")} />
    </form>
  );
}
