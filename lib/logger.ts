import pino from "pino";
import { env } from "@/lib/env";

/** Structured JSON logs. Unexpected errors are logged here with their cause, never shown to users. */
export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { app: "catalog-guard" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "apiKey", "*.apiKey"],
});

/**
 * Text from outside (an error's message, a client's value) as one short line: control characters
 * (NUL, line breaks) escaped as \u00XX, so it cannot break a log line or forge one.
 */
export function singleLine(text: string, maxLength = 300): string {
  const escaped = text.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}…` : escaped;
}
