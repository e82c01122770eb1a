import { loadEnvConfig } from "@next/env";
import { z } from "zod";

/**
 * The environment, validated once. A missing or malformed variable stops the process with a
 * message that names it, instead of failing later in some request.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// connection string")
      .optional(),
    /** Where the embedded PostgreSQL keeps its files when DATABASE_URL is unset. */
    DATA_DIR: z.string().min(1).default(".data"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    NEXTAUTH_URL: z.string().url("must be the app's public URL, e.g. https://guard.example.com").optional(),
    /** The portal's time zone: weeks, business hours and evaluation dates are counted in it. */
    PORTAL_TIME_ZONE: z.string().min(1).default("Europe/Kyiv"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** How many reverse proxies of ours append to X-Forwarded-For; 0: none, the socket's address (lib/auth/client-address.ts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /** Where exclusions and reinstatements are POSTed for the catalog (lib/delivery); unset: kept pending. */
    CATALOG_WEBHOOK_URL: z
      .string()
      .url("must be the catalog's webhook URL, e.g. https://catalog.example.com/hooks/guard")
      .regex(/^https?:\/\//i, "must be an http:// or https:// URL")
      .optional(),
    /** Signs each webhook request (HMAC-SHA256); the catalog verifies with the same secret. */
    CATALOG_WEBHOOK_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** E-mail to sellers, e.g. smtps://user:password@mail.example.com:465; unset: in-app inbox only. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^/\s]+/, "must be an smtp:// or smtps:// URL, e.g. smtps://user:password@mail.example.com:465")
      .optional(),
    SMTP_FROM: z.string().min(3).default("Catalog Guard <no-reply@catalog-guard.local>"),
  })
  .refine((value) => !value.CATALOG_WEBHOOK_URL || value.CATALOG_WEBHOOK_SECRET, {
    path: ["CATALOG_WEBHOOK_SECRET"],
    message: "is required when CATALOG_WEBHOOK_URL is set (at least 32 characters, e.g. openssl rand -hex 32)",
  });

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  // Scripts (migrate, seed, …) read .env / .env.local like the Next server does.
  if (!process.env.NEXT_RUNTIME)
    loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  return validateEnv(process.env);
}

/** Validates an environment: the values, or an error naming every bad variable. */
export function validateEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  try {
    Intl.DateTimeFormat("en", { timeZone: parsed.data.PORTAL_TIME_ZONE });
  } catch {
    throw new Error(`Invalid environment:\n  PORTAL_TIME_ZONE: "${parsed.data.PORTAL_TIME_ZONE}" is not an IANA time zone`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();
