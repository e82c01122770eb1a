import en from "@/lib/i18n/messages/en.json";
import uk from "@/lib/i18n/messages/uk.json";
import pl from "@/lib/i18n/messages/pl.json";
import type { Locale } from "@/lib/i18n/locales";

/** The English catalog is the reference: every other catalog must have all of its keys. */
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, uk, pl };
