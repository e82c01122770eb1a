import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

const SERVE = path.resolve(__dirname, "serve.mjs");

/**
 * Runs the server with `env` on top of this environment less its database settings, in an empty
 * directory (no .env files to add any); it must refuse before it loads Next.
 */
function refusal(env: Record<string, string>, args: string[] = []) {
  const { DATABASE_URL: _ignored, WEB_CONCURRENCY: _alsoIgnored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [SERVE, ...args], {
    cwd: fs.mkdtempSync(path.join(os.tmpdir(), "serve-test-")),
    env: { ...inherited, ...env, PORT: "0" },
    encoding: "utf8",
    timeout: 15_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the production server's settings", () => {
  test("more than one process without DATABASE_URL is refused: the embedded database belongs to one process", () => {
    const { status, output } = refusal({ WEB_CONCURRENCY: "2" });
    expect(status).toBe(1);
    expect(output).toContain("WEB_CONCURRENCY is 2, but without DATABASE_URL");
  });

  test("a WEB_CONCURRENCY that is not a whole number 1…64 is named", () => {
    for (const value of ["abc", "0", "1.5", "65"]) {
      const { status, output } = refusal({ WEB_CONCURRENCY: value, DATABASE_URL: "postgres://127.0.0.1:1/none" });
      expect(status).toBe(1);
      expect(output).toContain(`WEB_CONCURRENCY must be a whole number 1…64, not \\"${value}\\"`);
    }
  });

  test("the environment is validated by lib/env.ts before Next loads: one line names what is wrong", () => {
    const missing = refusal({ NEXTAUTH_SECRET: "" });
    expect(missing.status).toBe(1);
    expect(missing.output.trim()).toMatch(/^Invalid environment: NEXTAUTH_SECRET: is required to sign the session tokens[^\n]*$/);
    const malformed = refusal({ NEXTAUTH_SECRET: "s".repeat(32), DATABASE_URL: "mysql://db.example.com/guard" });
    expect(malformed.status).toBe(1);
    expect(malformed.output.trim()).toBe("Invalid environment: DATABASE_URL: must be a postgres:// connection string");
  });

  test("a bad port or an unknown option is named", () => {
    const port = refusal({}, ["-p", "70000"]);
    expect(port.status).toBe(1);
    expect(port.output).toContain('the port must be a whole number 0…65535, not \\"70000\\"');
    const unknown = refusal({}, ["--workers", "2"]);
    expect(unknown.status).toBe(1);
    expect(unknown.output).toContain("Unknown option '--workers'");
  });
});
