"use client";

import { useTranslations } from "next-intl";
import { OneTimeSecret } from "@/app/_components/one-time-secret";

/** A temporary password, shown this once, for the admin to pass on. */
export function TemporaryPasswordNotice(props: { id: string; heading: string; password: string; onDismiss: () => void }) {
  const t = useTranslations("users.temporaryPassword");
  return (
    <OneTimeSecret
      id={props.id}
      fieldId={`${props.id}-value`}
      heading={props.heading}
      headingLevel={3}
      value={props.password}
      words={{
        warning: t("warning"),
        label: t("label"),
        copy: t("copy"),
        done: t("done"),
        copied: t("copied"),
        copyFailed: t("copyFailed"),
      }}
      onDismiss={props.onDismiss}
    />
  );
}
