import "server-only";
import { isDomainError, type FieldIssue, type Refusal } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request";
import { logger } from "@/lib/logger";
import { formatFieldMessage } from "@/lib/validation";

/**
 * What every server action returns: the form shows field errors (worded in the reader's language
 * here) beside their fields, and words a refusal from its code and `details` above the form; an
 * unexpected failure is logged with its cause and shown generically. `message` is English, for logs.
 */
export type ActionResult<T = undefined> =
  | { status: "ok"; data: T }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string> }
  | {
      status: "error";
      code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "UNEXPECTED";
      message: string;
      /** Why a CONFLICT was refused (too early, a stale form, a closed case …). */
      details?: Refusal;
    };

export type ActionFailure = Exclude<ActionResult<unknown>, { status: "ok" }>;

/** Runs the body of a server action and turns what it throws into an ActionResult. */
export async function runAction<T>(name: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { status: "ok", data: await body() };
  } catch (error) {
    if (isDomainError(error)) {
      if (error.code === "INVALID")
        return { status: "invalid", message: error.message, fieldErrors: await fieldErrorsOf(error.issues) };
      return { status: "error", code: error.code, message: error.message, ...(error.details && { details: error.details }) };
    }
    logger.error({ err: error, action: name }, "server action failed");
    return { status: "error", code: "UNEXPECTED", message: "Something went wrong. Please try again." };
  }
}

/** The first problem of each field, in the language of the person who sent the form. */
async function fieldErrorsOf(issues: readonly FieldIssue[]): Promise<Record<string, string>> {
  const locale = await getRequestLocale().catch(() => DEFAULT_LOCALE); // outside a request (a script, a unit test): English
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[issue.path] ??= formatFieldMessage(issue.catalog ?? { key: "invalid" }, locale);
  return fieldErrors;
}
