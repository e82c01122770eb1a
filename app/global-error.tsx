"use client";

import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/**
 * When even the root layout fails there is no locale and no stylesheet, so the message is shown in
 * every language of the interface, with its own minimal styles.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang={DEFAULT_LOCALE}>
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          margin: "4rem auto",
          maxWidth: "36rem",
          padding: "0 1.5rem",
          color: "#1c2430",
        }}
      >
        <main>
          {LOCALES.map((locale) => {
            const text = MESSAGES[locale].error;
            return (
              <section key={locale} lang={locale} style={{ marginBottom: "2rem" }}>
                <h1 style={{ fontSize: "1.5rem" }}>{text.title}</h1>
                <p>{text.body}</p>
                <button type="button" onClick={() => retry()}>
                  {text.retry}
                </button>
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}
