"use client";

import { useTranslations } from "next-intl";
import { OneTimeSecret } from "@/app/_components/one-time-secret";

/** A new key's secret, shown once, focused on arrival, ready to copy. */
export function NewApiKeySecret({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const t = useTranslations("apiKeys.create");
  return (
    <OneTimeSecret
      id="new-api-key"
      fieldId="new-api-key-secret"
      heading={t("createdHeading", { name })}
      headingLevel={2}
      value={secret}
      words={{
        warning: t("warning"),
        label: t("secretLabel"),
        copy: t("copy"),
        done: t("done"),
        copied: t("copied"),
        copyFailed: t("copyFailed"),
      }}
      autoFocus
      onDismiss={onDismiss}
    />
  );
}
