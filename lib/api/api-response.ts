import "server-only";
import { isDomainError, type DomainError, type FieldIssue } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * The API's error bodies (SPEC.md): `{ "error": "<code>", "issues": [{ "index"?, "path", "message" }] }`.
 * The codes are stable strings other systems can branch on; the messages are for people.
 */
export const API_ERROR_CODES = [
  "unauthorized",
  "invalid_json",
  "validation_failed",
  "payload_too_large",
  "unsupported_media_type",
  "not_found",
  "conflict",
  "rate_limited",
  "internal_error",
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An issue as the API states it: where (`index`, `path`) and what, in English; nothing else. */
export type ApiIssue = Pick<FieldIssue, "index" | "path" | "message">;

export type ApiErrorBody = { error: ApiErrorCode; message: string; issues: ApiIssue[] };

const NO_STORE = { "Cache-Control": "no-store" };

export function apiError(status: number, error: ApiErrorCode, message: string, issues: FieldIssue[] = []): Response {
  // A form's catalog wording (FieldIssue.catalog) and the CSV's row and column stay inside the app.
  const body: ApiErrorBody = {
    error,
    message,
    issues: issues.map(({ index, path, message }) => (index === undefined ? { path, message } : { index, path, message })),
  };
  const headers: Record<string, string> = { ...NO_STORE };
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="catalog-guard"';
  return Response.json(body, { status, headers });
}

export function apiOk(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: NO_STORE });
}

const DOMAIN_ERROR_CODE: Record<DomainError["code"], ApiErrorCode> = {
  UNAUTHENTICATED: "unauthorized",
  FORBIDDEN: "not_found",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  INVALID: "validation_failed",
  RATE_LIMITED: "rate_limited",
};

/** A thrown error as an API answer: domain errors by their code, anything else as a logged 500. */
export function apiErrorFrom(error: unknown, context: Record<string, unknown>): Response {
  if (isDomainError(error)) {
    // An API key may not do what a user role guards: to the caller it does not exist.
    const status = error.code === "FORBIDDEN" ? 404 : error.status;
    const issues = error.issues.length > 0 ? error.issues : [{ path: "(request)", message: error.message }];
    return apiError(status, DOMAIN_ERROR_CODE[error.code], error.message, issues);
  }
  logger.error({ err: error, ...context }, "API request failed");
  return apiError(500, "internal_error", "Something went wrong on our side; the request changed nothing");
}
