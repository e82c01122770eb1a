import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/app/_components/set-locale-action";
import { LOCALES } from "@/lib/i18n/locales";

/**
 * A form, so it works before (and without) JavaScript; each language is its own submit button,
 * named in its own language so a reader of the other one can still find it.
 */
export async function LanguageSwitch() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("language")]);
  return (
    <form action={setLocaleAction} className="language-switch" aria-label={t("label")}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          className="language-option"
          aria-pressed={option === locale}
        >
          {t(`names.${option}`)}
        </button>
      ))}
    </form>
  );
}
