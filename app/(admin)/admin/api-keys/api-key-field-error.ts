"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";
import { API_KEY_NAME_MAX_LENGTH, REVOKE_REASON_MAX_LENGTH } from "@/lib/api-keys/api-key-input";

/**
 * Words a field error of the API-key forms in the reader's language. The shared schema
 * (lib/api-keys/api-key-input.ts) carries English messages; the field and zod's issue code pick
 * the sentence instead.
 */
export function useApiKeyFieldError() {
  const t = useTranslations("apiKeys.errors");
  return (field: "name" | "reason", error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    const isTooLong = error.type === "too_big";
    switch (field) {
      case "name":
        return isTooLong ? t("nameTooLong", { max: API_KEY_NAME_MAX_LENGTH }) : t("nameRequired");
      case "reason":
        return isTooLong ? t("reasonTooLong", { max: REVOKE_REASON_MAX_LENGTH }) : t("reasonRequired");
    }
  };
}
