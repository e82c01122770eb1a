/**
 * Every catalog says the same things: the same keys as the English one, the same ICU arguments
 * and tags in each message (a translation that drops {date} or renames it shows a gap or fails at
 * render time), and every count in Ukrainian and Polish has all four of their plural forms.
 */
import {
  isPluralElement,
  isSelectElement,
  isTagElement,
  parse,
  TYPE,
  type MessageFormatElement,
} from "@formatjs/icu-messageformat-parser";
import { describe, expect, test } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

/** Languages whose cardinal plurals have the CLDR categories one, few, many and other. */
const SLAVIC_LOCALES = ["uk", "pl"] as const satisfies readonly Locale[];
const SLAVIC_PLURAL_CATEGORIES = ["few", "many", "one", "other"];

/** The catalog as dotted key → message. */
function flatten(node: unknown, prefix = ""): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") messages.set(path, value);
    else for (const [childPath, message] of flatten(value, path)) messages.set(childPath, message);
  }
  return messages;
}

function walk(elements: MessageFormatElement[], visit: (element: MessageFormatElement) => void): void {
  for (const element of elements) {
    visit(element);
    if (isPluralElement(element) || isSelectElement(element)) {
      for (const option of Object.values(element.options)) walk(option.value, visit);
    }
    if (isTagElement(element)) walk(element.children, visit);
  }
}

/** The arguments and tags a message uses, as sorted lists: what a translation must keep. */
function signature(message: string): { arguments: string[]; tags: string[] } {
  const argumentNames = new Set<string>();
  const tagNames = new Set<string>();
  walk(parse(message), (element) => {
    if (element.type === TYPE.literal || element.type === TYPE.pound) return;
    if (isTagElement(element)) tagNames.add(element.value);
    else argumentNames.add(element.value);
  });
  return { arguments: [...argumentNames].sort(), tags: [...tagNames].sort() };
}

/** Every cardinal plural of the message with the categories it lacks, e.g. "count: few, many". */
function missingPluralCategories(message: string): string[] {
  const gaps: string[] = [];
  walk(parse(message), (element) => {
    if (!isPluralElement(element) || element.pluralType === "ordinal") return;
    const missing = SLAVIC_PLURAL_CATEGORIES.filter((category) => !(category in element.options));
    if (missing.length > 0) gaps.push(`${element.value}: ${missing.join(", ")}`);
  });
  return gaps;
}

const ENGLISH = flatten(MESSAGES.en);

describe("every catalog matches the English one", () => {
  test("the catalogs are the interface's languages, and English has messages", () => {
    expect(Object.keys(MESSAGES).sort()).toEqual([...LOCALES].sort());
    expect(ENGLISH.size).toBeGreaterThan(500);
  });

  test.each(LOCALES.filter((locale) => locale !== "en"))("%s: the same keys, none missing and none extra", (locale) => {
    const keys = [...flatten(MESSAGES[locale]).keys()];
    expect({
      missing: [...ENGLISH.keys()].filter((key) => !keys.includes(key)),
      extra: keys.filter((key) => !ENGLISH.has(key)),
    }).toEqual({
      missing: [],
      extra: [],
    });
  });

  test.each(LOCALES.filter((locale) => locale !== "en"))(
    "%s: each message has the English one's arguments and tags",
    (locale) => {
      const translated = flatten(MESSAGES[locale]);
      const differing = [...ENGLISH].flatMap(([key, english]) => {
        const message = translated.get(key);
        if (message === undefined) return [];
        const [expected, actual] = [signature(english), signature(message)];
        return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [{ key, expected, actual }];
      });
      expect(differing).toEqual([]);
    },
  );

  test.each(SLAVIC_LOCALES)("%s: every plural has the forms one, few, many and other", (locale) => {
    const gaps = [...flatten(MESSAGES[locale])].flatMap(([key, message]) =>
      missingPluralCategories(message).map((gap) => `${key} (${gap})`),
    );
    expect(gaps).toEqual([]);
  });
});
