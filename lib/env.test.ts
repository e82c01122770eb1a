import { describe, expect, test } from "vitest";
import { validateEnv } from "@/lib/env";

const SECRET = "s".repeat(32);

describe("the delivery settings of the environment", () => {
  test("are all optional: no webhook, no SMTP, and a default sender", () => {
    const env = validateEnv({});
    expect(env.CATALOG_WEBHOOK_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.SMTP_FROM).toBe("Catalog Guard <no-reply@catalog-guard.local>");
  });

  test("a webhook URL needs its secret, and the error names the secret", () => {
    expect(() => validateEnv({ CATALOG_WEBHOOK_URL: "https://catalog.example.com/hooks" })).toThrow(
      /CATALOG_WEBHOOK_SECRET: is required when CATALOG_WEBHOOK_URL is set/,
    );
    expect(() =>
      validateEnv({ CATALOG_WEBHOOK_URL: "https://catalog.example.com/hooks", CATALOG_WEBHOOK_SECRET: "short" }),
    ).toThrow(/CATALOG_WEBHOOK_SECRET: must be at least 32 characters/);
    expect(
      validateEnv({ CATALOG_WEBHOOK_URL: "https://catalog.example.com/hooks", CATALOG_WEBHOOK_SECRET: SECRET }),
    ).toMatchObject({ CATALOG_WEBHOOK_SECRET: SECRET });
  });

  test("a webhook URL must be http(s), an SMTP URL smtp:// or smtps://", () => {
    expect(() => validateEnv({ CATALOG_WEBHOOK_URL: "not a url", CATALOG_WEBHOOK_SECRET: SECRET })).toThrow(
      /CATALOG_WEBHOOK_URL/,
    );
    expect(() => validateEnv({ CATALOG_WEBHOOK_URL: "ftp://catalog.example.com/", CATALOG_WEBHOOK_SECRET: SECRET })).toThrow(
      /CATALOG_WEBHOOK_URL: must be an http/,
    );
    expect(() => validateEnv({ SMTP_URL: "mail.example.com:25" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(validateEnv({ SMTP_URL: "smtps://user:pw@mail.example.com:465" }).SMTP_URL).toBe(
      "smtps://user:pw@mail.example.com:465",
    );
    expect(validateEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).SMTP_URL).toBe("smtp://127.0.0.1:2525");
  });
});

describe("what each process cannot start without", () => {
  test("the web server needs NEXTAUTH_SECRET; an empty value counts as unset", () => {
    expect(() => validateEnv({ NEXTAUTH_SECRET: "" }, "web-server")).toThrow(
      "Invalid environment: NEXTAUTH_SECRET: is required to sign the session tokens",
    );
    expect(validateEnv({ NEXTAUTH_SECRET: SECRET }, "web-server").NEXTAUTH_SECRET).toBe(SECRET);
    expect(validateEnv({}).NEXTAUTH_SECRET).toBeUndefined();
  });

  test("the worker needs DATABASE_URL", () => {
    expect(() => validateEnv({}, "worker")).toThrow("Invalid environment: DATABASE_URL: is required");
    expect(validateEnv({ DATABASE_URL: "postgres://db.example.com/guard" }, "worker").DATABASE_URL).toBe(
      "postgres://db.example.com/guard",
    );
  });

  test("every problem is named, on one line", () => {
    let message = "";
    try {
      validateEnv({ DATABASE_URL: "mysql://db.example.com/guard", SMTP_URL: "mail.example.com" }, "web-server");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain("\n");
    expect(message).toMatch(/^Invalid environment: /);
    for (const name of ["DATABASE_URL: must be", "SMTP_URL: must be", "NEXTAUTH_SECRET: is required"])
      expect(message).toContain(name);
    expect(() => validateEnv({ PORTAL_TIME_ZONE: "Mars/Olympus" })).toThrow(
      'Invalid environment: PORTAL_TIME_ZONE: "Mars/Olympus" is not an IANA time zone',
    );
  });
});
