"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { fieldProps } from "@/app/_components/field";

/**
 * A new key's secret, shown once in a read-only field with a copy button. Where the clipboard is
 * out of reach (a page served over plain http), the key is selected for the admin to copy.
 */
export function NewApiKeySecret({ name, secret, onDismiss }: { name: string; secret: string; onDismiss: () => void }) {
  const t = useTranslations("apiKeys.create");
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopyState("copied");
    } catch {
      field.current?.select();
      setCopyState("failed");
    }
  }

  return (
    <section className="notice form form-compact" aria-labelledby="new-api-key-heading">
      <h2 id="new-api-key-heading">{t("createdHeading", { name })}</h2>
      <p id="new-api-key-secret-hint">{t("warning")}</p>
      <div className="field">
        <label htmlFor="new-api-key-secret">{t("secretLabel")}</label>
        <input
          ref={field}
          {...fieldProps("new-api-key-secret", { hint: true })}
          value={secret}
          readOnly
          spellCheck={false}
          autoComplete="off"
          // Focused and selected on arrival, ready to copy.
          autoFocus
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={copy}>
          {t("copy")}
        </button>
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t("done")}
        </button>
      </div>
      <p role="status" className="field-hint">
        {copyState === "copied" ? t("copied") : copyState === "failed" ? t("copyFailed") : ""}
      </p>
    </section>
  );
}
