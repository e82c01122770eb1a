/**
 * The languages of the interface. The locale is not part of the URL: it comes from the
 * NEXT_LOCALE cookie (set by the language switch), else from the browser's Accept-Language.
 * Client-safe: no server imports.
 */
export const LOCALES = ["en", "uk", "pl"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** The cookie next-intl's own tooling uses for the same purpose. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** A year: the choice is a preference, not a session. */
export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported locale for an Accept-Language header ("uk-UA,uk;q=0.9,en;q=0.8"), matching on
 * the primary language subtag and honouring q-values; null when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, position) => {
      const [range = "", ...params] = part.trim().split(";");
      const qParam = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = qParam ? Number(qParam.slice(2)) : 1;
      return { language: range.trim().toLowerCase().split("-")[0] ?? "", quality, position };
    })
    .filter((entry) => entry.language && Number.isFinite(entry.quality) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.position - b.position);
  return ranked.map((entry) => entry.language).find(isLocale) ?? null;
}
