"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { fieldProps } from "@/app/_components/field";

/**
 * A temporary password, shown this once in a read-only field with a copy button, for the admin to
 * pass on. Where the clipboard is out of reach (plain http), the password is selected to copy.
 */
export function TemporaryPasswordNotice(props: { id: string; heading: string; password: string; onDismiss: () => void }) {
  const t = useTranslations("users.temporaryPassword");
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");
  const fieldId = `${props.id}-value`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(props.password);
      setCopyState("copied");
    } catch {
      field.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <section className="notice form form-compact" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>{props.heading}</h3>
      <p id={`${fieldId}-hint`}>{t("warning")}</p>
      <div className="field">
        <label htmlFor={fieldId}>{t("label")}</label>
        <input
          ref={field}
          {...fieldProps(fieldId, { hint: true })}
          value={props.password}
          readOnly
          spellCheck={false}
          autoComplete="off"
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={copy}>
          {t("copy")}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onDismiss}>
          {t("done")}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copyState === "copied" ? t("copied") : copyState === "failed" ? t("copyFailed") : ""}
      </p>
    </section>
  );
}
