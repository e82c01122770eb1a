import pino from "pino";
import { env } from "@/lib/env";

/** Structured JSON logs. Unexpected errors are logged here with their cause, never shown to users. */
export const logger = pino({
  level: env.NODE_ENV === "test" ? "silent" : env.LOG_LEVEL,
  base: { app: "catalog-guard" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "apiKey", "*.apiKey"],
});
