import { expect, test } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locales";

test.each([
  ["pl-PL,pl;q=0.9,en-US;q=0.8,en;q=0.7", "pl"],
  ["de-DE,de;q=0.9,pl;q=0.5,uk;q=0.4", "pl"],
  ["uk-UA,uk;q=0.9,pl;q=0.8", "uk"],
  ["fr-FR,en;q=0.5", "en"],
  ["fr-FR", null],
  ["", null],
])("Accept-Language %j is answered in %s", (header, expected) => {
  expect(negotiateLocale(header)).toBe(expected);
});
