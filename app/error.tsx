"use client";

import { useTranslations } from "next-intl";

/** Anything unexpected: a generic message and the reference that matches the server's log entry. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("error");
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="message-page" role="alert">
      <h1>{t("title")}</h1>
      <p className="lead">{t("body")}</p>
      {digest && <p className="muted">{t("reference", { digest })}</p>}
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          {t("retry")}
        </button>
      </p>
    </div>
  );
}
