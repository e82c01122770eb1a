import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_components/client-messages";
import { SiteHeader } from "@/app/_components/site-header";
import { getActor } from "@/lib/auth/session";
import "./globals.css";

/** The error page, and every form's sentence for a failed action (app/_components/action-error-message.ts). */
const ROOT_CLIENT_MESSAGES = ["error", "actionErrors"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { template: `%s · ${t("name")}`, default: t("name") },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, actor, t] = await Promise.all([getLocale(), getActor(), getTranslations("app")]);
  return (
    <html lang={locale}>
      <body>
        <ClientMessages paths={ROOT_CLIENT_MESSAGES}>
          <a href="#content" className="skip-link">
            {t("skipToContent")}
          </a>
          <SiteHeader actor={actor} />
          <main id="content" className="site-main" tabIndex={-1}>
            {children}
          </main>
        </ClientMessages>
      </body>
    </html>
  );
}
