"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { dismissFlagAction, openCaseFromFlagAction, openCaseManuallyAction } from "@/app/(moderator)/moderator/flags/actions";
import { ActionForm } from "@/app/_components/action-form";
import { TextAreaField } from "@/app/_components/field";
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
  const open = useActionForm({
    schema: openCaseFromFlagInput,
    defaultValues: { flagId, note: "" },
    action: openCaseFromFlagAction,
    onSuccess: useGoToCase(),
  });
  return (
    <ActionForm
      form={open}
      labelledBy="open-case-heading"
      submit={{ label: t("open"), pendingLabel: t("opening"), className: "button button-danger" }}
    >
      <TextAreaField id="open-case-note" label={t("note")} hint={t("messageToSellerHint")} {...open.field("note")} />
    </ActionForm>
  );
}

/** A case without a flag: the moderator's own finding, written to the seller, is its evidence. */
export function OpenCaseManuallyForm({ sellerId }: { sellerId: number }) {
  const t = useTranslations("cases.flag");
  const open = useActionForm({
    schema: openCaseManuallyInput,
    defaultValues: { sellerId, reason: "" },
    action: openCaseManuallyAction,
    onSuccess: useGoToCase(),
  });
  return (
    <ActionForm
      form={open}
      labelledBy="manual-case-heading"
      submit={{ label: t("open"), pendingLabel: t("opening"), className: "button button-danger" }}
    >
      <TextAreaField
        id="manual-case-reason"
        label={t("manualReason")}
        hint={t("messageToSellerHint")}
        {...open.field("reason")}
      />
    </ActionForm>
  );
}

export function DismissFlagForm({ flagId }: { flagId: number }) {
  const t = useTranslations("cases.flag");
  const dismiss = useActionForm({
    schema: dismissFlagInput,
    defaultValues: { flagId, reason: "" },
    action: dismissFlagAction,
  });
  return (
    <ActionForm form={dismiss} labelledBy="dismiss-flag-heading" submit={{ label: t("dismiss"), pendingLabel: t("dismissing") }}>
      <TextAreaField id="dismiss-flag-reason" label={t("dismissReasonLabel")} {...dismiss.field("reason")} />
    </ActionForm>
  );
}
