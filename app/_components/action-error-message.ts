"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/actions/action-result";

/**
 * The sentence a form shows above itself for a failed action, in the reader's language: a refusal
 * by its own reason (too early, from when; a stale form, who decided and when; a closed case), else
 * by its code. The server's own message is English and meant for logs and API clients.
 */
export function useActionErrorMessage() {
  const t = useTranslations("actionErrors");
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });
  return (result: ActionFailure): string => {
    if (result.status === "invalid") return t("INVALID");
    const refusal = result.details;
    if (!refusal) return t(result.code);
    switch (refusal.reason) {
      case "too_early":
        return t("refusals.too_early", { possibleFrom: when(refusal.possibleFrom) });
      case "case_decided":
        return t("refusals.case_decided", {
          decision: refusal.decision,
          decidedBy: refusal.decidedBy,
          decidedAt: when(refusal.decidedAt),
        });
      case "letter_answered":
        return t("refusals.letter_answered", { answeredBy: refusal.answeredBy, answeredAt: when(refusal.answeredAt) });
      case "letter_awaiting_answer":
        return t("refusals.letter_awaiting_answer", { version: refusal.version, answerDueAt: when(refusal.answerDueAt) });
      case "draft_changed":
        return t("refusals.draft_changed", { savedAt: when(refusal.savedAt) });
      case "appeal_already_made":
        return t("refusals.appeal_already_made", { submittedAt: when(refusal.submittedAt) });
      case "appeal_period_over":
        return t("refusals.appeal_period_over", { endedAt: when(refusal.endedAt) });
      case "appeal_decided":
        return t("refusals.appeal_decided", {
          outcome: refusal.outcome,
          decidedBy: refusal.decidedBy,
          decidedAt: when(refusal.decidedAt),
        });
      default:
        return t(`refusals.${refusal.reason}`);
    }
  };
}
