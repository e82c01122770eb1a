"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { getActor } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS } from "@/lib/i18n/locales";
import { saveUserLocale } from "@/lib/users/save-user-locale";

/**
 * The language switch: remembers the choice in a cookie and re-renders the page in it; for a
 * signed-in user also on the account, for the e-mails they get.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
    sameSite: "lax",
  });
  const actor = await getActor();
  if (actor) await saveUserLocale({ actor, locale, now: new Date() });
  refresh();
}
