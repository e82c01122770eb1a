import "server-only";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * What every server action returns: the form shows field errors beside their fields and the
 * message above the form; an unexpected failure is logged with its cause and shown generically.
 */
export type ActionResult<T = undefined> =
  | { status: "ok"; data: T }
  | { status: "invalid"; message: string; fieldErrors: Record<string, string> }
  | {
      status: "error";
      code: "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED" | "UNEXPECTED";
      message: string;
      details?: Record<string, string>;
    };

export type ActionFailure = Exclude<ActionResult<unknown>, { status: "ok" }>;

/** Runs the body of a server action and turns what it throws into an ActionResult. */
export async function runAction<T>(name: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { status: "ok", data: await body() };
  } catch (error) {
    if (isDomainError(error)) {
      if (error.code === "INVALID") {
        const fieldErrors: Record<string, string> = {};
        for (const issue of error.issues) fieldErrors[issue.path] ??= issue.message;
        return { status: "invalid", message: error.message, fieldErrors };
      }
      return { status: "error", code: error.code, message: error.message, ...(error.details && { details: error.details }) };
    }
    logger.error({ err: error, action: name }, "server action failed");
    return { status: "error", code: "UNEXPECTED", message: "Something went wrong. Please try again." };
  }
}
