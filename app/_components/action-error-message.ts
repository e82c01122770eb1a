"use client";

import { useTranslations } from "next-intl";
import type { ActionFailure } from "@/lib/actions/action-result";

/**
 * The sentence a form shows above itself for a failed action, in the reader's language. The
 * server's own message is English and meant for logs and API clients, so it is not shown.
 */
export function useActionErrorMessage() {
  const t = useTranslations("actionErrors");
  return (result: ActionFailure): string => (result.status === "invalid" ? t("INVALID") : t(result.code));
}
