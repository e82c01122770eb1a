import type { z } from "zod";
import { invalid } from "@/lib/errors";
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
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(input)",
    message: issue.message,
  }));
  throw invalid(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), issues);
}
