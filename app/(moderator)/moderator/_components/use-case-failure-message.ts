"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionErrorMessage } from "@/app/_components/action-error-message";
import type { ActionFailure } from "@/lib/actions/action-result";

/**
 * Like useActionErrorMessage, but a lost race on a case names who decided it, in the reader's
 * language ("This case was just reinstated by …").
 */
export function useCaseFailureMessage() {
  const describe = useActionErrorMessage();
  const t = useTranslations("cases.conflict");
  const format = useFormatter();
  return (result: ActionFailure): string => {
    const details = result.status === "error" ? result.details : undefined;
    if (details?.reason === "case_decided") {
      return t("case_decided", {
        decision: details.decision ?? "",
        decidedBy: details.decidedBy ?? "",
        decidedAt: details.decidedAt
          ? format.dateTime(new Date(details.decidedAt), { dateStyle: "medium", timeStyle: "short" })
          : "",
      });
    }
    if (details?.reason === "case_changed") return t("case_changed");
    return describe(result);
  };
}
