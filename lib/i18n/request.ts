import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/** The locale of this request: the user's explicit choice, else the browser's, else English. */
export async function getRequestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language")) ?? DEFAULT_LOCALE;
}

export default getRequestConfig(async ({ locale: explicitLocale }) => {
  const locale = isLocale(explicitLocale) ? explicitLocale : await getRequestLocale();
  return {
    locale,
    messages: MESSAGES[locale],
    // Dates are shown in the portal's time zone, the one its business rules are counted in.
    timeZone: env.PORTAL_TIME_ZONE,
  };
});
