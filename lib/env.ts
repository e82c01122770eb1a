import { loadEnvConfig } from "@next/env";
import { z } from "zod";

/**
 * The environment, validated once. A missing or malformed variable stops the process with a
 * message that names it, instead of failing later in some request.
 */
const schema = z.object({
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
  /** How many reverse proxies of ours append to X-Forwarded-For (lib/auth/client-address.ts). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  // Scripts (migrate, seed, …) read .env / .env.local like the Next server does.
  if (!process.env.NEXT_RUNTIME) loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
  const parsed = schema.safeParse(process.env);
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
