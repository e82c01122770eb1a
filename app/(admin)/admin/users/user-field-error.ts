"use client";

import { useTranslations } from "next-intl";
import type { FieldError } from "react-hook-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

type UserField = "email" | "name" | "password" | "role" | "sellerExternalId" | "reason";

/**
 * Words a field error of the user forms in the reader's language. The shared schema
 * (lib/users/user-input.ts) carries English messages; the field and the kind of problem
 * (zod's issue code, or "server"/"conflict" for the server's answer) pick the sentence instead.
 */
export function useUserFieldError() {
  const t = useTranslations("users.errors");
  return (field: UserField, error: FieldError | undefined): string | undefined => {
    if (!error) return undefined;
    const isTooLong = error.type === "too_big";
    const isFromServer = error.type === "server";
    switch (field) {
      case "email":
        return error.type === "conflict" ? t("emailTaken") : t("emailInvalid");
      case "name":
        return isTooLong ? t("nameTooLong") : t("nameRequired");
      case "password":
        return isTooLong ? t("passwordTooLong") : t("passwordTooShort", { min: MIN_PASSWORD_LENGTH });
      case "role":
        return isFromServer ? t("ownRole") : t("roleRequired");
      case "sellerExternalId":
        return isFromServer ? t("sellerUnknown") : t("sellerRequired");
      case "reason":
        return isTooLong ? t("reasonTooLong") : t("reasonRequired");
    }
  };
}
