/**
 * How a field error is worded, the one way for the browser's check and the server's: a schema's
 * message is a key of the catalogs' `actionErrors.fields`, and a constraint without one is worded by
 * zod's issue code, with the bound it names (`{minimum}`, `{maximum}`). The form translates it with
 * the reader's catalog, the server with the request's (lib/validation.ts), and the English text is
 * what logs and API clients read. Client-safe: no server imports, and no catalog in the bundle.
 */
import type { z } from "zod";
import type { Messages } from "@/lib/i18n/messages";

export type FieldMessageKey = keyof Messages["actionErrors"]["fields"];
export type FieldMessage = { key: FieldMessageKey; values?: Record<string, number> };

/** A schema's message: the catalog key that words it (typed, so a misspelt key fails `tsc`). */
export const fieldMessage = (key: FieldMessageKey): string => key;

/** Catalog keys are camelCase words; zod's own English messages are sentences. */
const isFieldMessageKey = (message: string): message is FieldMessageKey => /^[a-z][A-Za-z]*$/.test(message);

export function describeFieldIssue(issue: z.core.$ZodIssue): FieldMessage {
  const values = boundOf(issue);
  if (isFieldMessageKey(issue.message)) return { key: issue.message, ...(values && { values }) };
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array" || issue.origin === "set") return { key: "chooseAtLeast", values: values! };
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return { key: "required" };
      if (issue.origin === "string") return { key: "tooShort", values: values! };
      return { key: "invalid" };
    case "too_big":
      if (issue.origin === "array" || issue.origin === "set") return { key: "tooMany", values: values! };
      if (issue.origin === "string") return { key: "tooLong", values: values! };
      return { key: "invalid" };
    case "invalid_type":
      return { key: "required" };
    case "invalid_format":
      return { key: issue.format === "email" ? "emailInvalid" : "invalid" };
    case "invalid_value":
      return { key: "choose" };
    default:
      return { key: "invalid" };
  }
}

const MIB = 1024 * 1024;

/** The bound a size constraint names; a file's in MiB, as people read file sizes. */
function boundOf(issue: z.core.$ZodIssue): Record<string, number> | undefined {
  if (issue.code === "too_small") return { minimum: Number(issue.minimum) };
  if (issue.code === "too_big")
    return issue.origin === "file" ? { maxMiB: Number(issue.maximum) / MIB } : { maximum: Number(issue.maximum) };
  return undefined;
}
