"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { ANYONE, defineAction } from "@/lib/actions/define-action";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_SECONDS, LOCALES, type Locale } from "@/lib/i18n/locales";
import { saveUserLocale } from "@/lib/users/save-user-locale";

/**
 * The language switch: remembers the choice in a cookie and re-renders the page in it; for a
 * signed-in user also on the account, for the e-mails they get. Open to anyone, signed in or not.
 */
const setLocale = defineAction({
  name: "setLocale",
  input: z.object({ locale: z.enum(LOCALES) }),
  permission: ANYONE,
  run: async ({ actor, input, now }) => {
    (await cookies()).set(LOCALE_COOKIE, input.locale, {
      path: "/",
      maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
      sameSite: "lax",
    });
    if (actor) await saveUserLocale({ actor, locale: input.locale, now });
    // The page the switch was pressed on, whatever its path, is rendered again in the new language.
    refresh();
  },
});

/** A plain form's action (it works without JavaScript), so it takes the form's data and answers nothing. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  // Whatever was posted: the schema refuses anything but a locale, and the page stays as it is.
  await setLocale({ locale: formData.get("locale") as Locale });
}
