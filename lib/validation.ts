import type { z } from "zod";
import { invalid } from "@/lib/errors";

/** Validates input with its schema; a failure becomes an INVALID error naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(input)",
    message: issue.message,
  }));
  throw invalid(issues.map((issue) => `${issue.path}: ${issue.message}`).join("; "), issues);
}
