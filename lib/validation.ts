import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import { invalid, type FieldIssue } from "@/lib/errors";
import { describeFieldIssue, type FieldMessage } from "@/lib/field-messages";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { findUnsafeText } from "@/lib/unsafe-text";

/**
 * Validates input with its schema; a failure becomes an INVALID error naming each bad field. Text
 * with a NUL or a lone surrogate is refused first, whatever the schema (lib/unsafe-text.ts).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const unsafe = findUnsafeText(input);
  if (unsafe.length > 0) throw invalid(unsafe.map((issue) => issue.message).join("; "), unsafe);
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(input)";
    const described = describeFieldIssue(issue);
    const catalog = described.key in MESSAGES.en.actionErrors.fields ? described : ({ key: "invalid" } as const);
    // A schema that words its own messages in English (the public API's) keeps them.
    const message = issue.message === catalog.key ? formatFieldMessage(catalog, "en") : issue.message;
    return { path, message, catalog };
  });
  throw invalid(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), issues);
}

/** A field issue a lib function finds itself (a date in the past), worded by the catalogs. */
export function fieldIssue(path: string, catalog: FieldMessage): FieldIssue {
  return { path, message: formatFieldMessage(catalog, "en"), catalog };
}

/** A field message in a language of the catalogs. */
export function formatFieldMessage(catalog: FieldMessage, locale: Locale): string {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "actionErrors.fields" });
  return (t as unknown as (key: string, values?: Record<string, number>) => string)(catalog.key, catalog.values);
}
