"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { dismissFlagAction, openCaseFromFlagAction, openCaseManuallyAction } from "@/app/(moderator)/moderator/flags/actions";
import { SubmitButton, TextAreaField } from "@/app/_components/field";
import { FormStatus } from "@/app/_components/form-status";
import { useActionForm } from "@/app/_components/use-action-form";
import { dismissFlagInput, openCaseFromFlagInput, openCaseManuallyInput } from "@/lib/cases/case-input";

/** Where a newly opened case is shown. */
function useGoToCase() {
  const router = useRouter();
  return ({ caseId }: { caseId: number }) => router.push(`/moderator/cases/${caseId}`);
}

/**
 * Opens the case from the flag and goes to it. The optional text is a message to the seller: the
 * exclusion notice quotes it word for word, so the label says so.
 */
export function OpenCaseForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const goToCase = useGoToCase();
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: openCaseFromFlagInput,
    defaultValues: { flagId, note: "" },
    action: openCaseFromFlagAction,
    onSuccess: goToCase,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="open-case-heading">
      <FormStatus {...status} />
      <TextAreaField
        id="open-case-note"
        label={t("note")}
        hint={t("messageToSellerHint")}
        error={errorOf("note")}
        registration={form.register("note")}
      />
      <div className="form-actions">
        <SubmitButton
          isSubmitting={isSubmitting}
          label={t("open")}
          pendingLabel={t("opening")}
          className="button button-danger"
        />
      </div>
    </form>
  );
}

/** A case without a flag: the moderator's own finding, written to the seller, is its evidence. */
export function OpenCaseManuallyForm({ sellerId }: { sellerId: number }) {
  const t = useTranslations("cases.flag");
  const goToCase = useGoToCase();
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: openCaseManuallyInput,
    defaultValues: { sellerId, reason: "" },
    action: openCaseManuallyAction,
    onSuccess: goToCase,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="manual-case-heading">
      <FormStatus {...status} />
      <TextAreaField
        id="manual-case-reason"
        label={t("manualReason")}
        hint={t("messageToSellerHint")}
        error={errorOf("reason")}
        registration={form.register("reason")}
      />
      <div className="form-actions">
        <SubmitButton
          isSubmitting={isSubmitting}
          label={t("open")}
          pendingLabel={t("opening")}
          className="button button-danger"
        />
      </div>
    </form>
  );
}

export function DismissFlagForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const { form, onSubmit, status, errorOf, isSubmitting } = useActionForm({
    schema: dismissFlagInput,
    defaultValues: { flagId, reason: "" },
    action: dismissFlagAction,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="dismiss-flag-heading">
      <FormStatus {...status} />
      <TextAreaField
        id="dismiss-flag-reason"
        label={t("dismissReasonLabel")}
        error={errorOf("reason")}
        registration={form.register("reason")}
      />
      <div className="form-actions">
        <SubmitButton isSubmitting={isSubmitting} label={t("dismiss")} pendingLabel={t("dismissing")} />
      </div>
    </form>
  );
}
