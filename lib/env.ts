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

/**
 * What a long-running process cannot start without, beyond the schema: the web server signs
 * session tokens (scripts/serve.mjs, always production); the worker's schedule lives in PostgreSQL.
 */
const REQUIRED_BY = {
  "web-server": {
    NEXTAUTH_SECRET: "is required to sign the session tokens (at least 32 characters, e.g. openssl rand -base64 32)",
  },
  worker: {
    DATABASE_URL:
      "is required, since the worker keeps its schedule in PostgreSQL (on the embedded database, run `npm run evaluate` instead)",
  },
} as const satisfies Record<string, Partial<Record<keyof Env, string>>>;

export type EnvPurpose = keyof typeof REQUIRED_BY;
export type EnvFor<P extends EnvPurpose> = Env & { [K in keyof (typeof REQUIRED_BY)[P] & keyof Env]-?: NonNullable<Env[K]> };

/** A missing or malformed variable; the message names each, on one line. */
export class EnvError extends Error {
  constructor(problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/**
 * Validates an environment: the values, or an EnvError naming every bad variable (and, for a
 * `purpose`, every one it requires that is unset). An empty value counts as unset (`FOO=` in .env).
 */
export function validateEnv(source: Record<string, string | undefined>): Env;
export function validateEnv<P extends EnvPurpose>(source: Record<string, string | undefined>, purpose: P): EnvFor<P>;
export function validateEnv(source: Record<string, string | undefined>, purpose?: EnvPurpose): Env {
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(values);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  if (parsed.success && !isTimeZone(parsed.data.PORTAL_TIME_ZONE))
    problems.push(`PORTAL_TIME_ZONE: "${parsed.data.PORTAL_TIME_ZONE}" is not an IANA time zone, e.g. Europe/Kyiv`);
  const required: Partial<Record<string, string>> = purpose ? REQUIRED_BY[purpose] : {};
  for (const [name, why] of Object.entries(required)) if (values[name] === undefined) problems.push(`${name}: ${why}`);
  if (!parsed.success || problems.length > 0) throw new EnvError(problems);
  return parsed.data;
}

function isTimeZone(timeZone: string): boolean {
  try {
    Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment of this process, validated. A command (the worker, the scripts, serve.mjs) stops
 * with the one line naming what is wrong, not a stack trace that buries it; inside Next's server the
 * error is thrown.
 */
function validateProcessEnv<P extends EnvPurpose>(purpose?: P): Env {
  // Scripts (migrate, seed, …) read .env / .env.local like the Next server does.
  if (!process.env.NEXT_RUNTIME)
    loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  try {
    return purpose ? validateEnv(process.env, purpose) : validateEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError) || process.env.NEXT_RUNTIME) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

export const env: Env = validateProcessEnv();

/** This process's environment with what `purpose` cannot start without; a command stops naming what is missing. */
export function requireEnvFor<P extends EnvPurpose>(purpose: P): EnvFor<P> {
  return validateProcessEnv(purpose) as EnvFor<P>;
}
