import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { runScript } from "@/scripts/test-support/run-script";

const createUserCommand = (args: string[]) => runScript("user:create", args);

test("user:create makes the first admin, prints a password that works once, and is audited", async () => {
  const { code, stdout } = await createUserCommand([
    "--email",
    "First.Admin@Example.com",
    "--name",
    "First admin",
    "--role",
    "admin",
  ]);
  expect(code).toBe(0);
  const password = /password \(shown once.*\): (\S+)/.exec(stdout)?.[1];
  expect(password).toBeDefined();

  const [user] = await db.select().from(users).where(eq(users.email, "first.admin@example.com"));
  expect(user).toMatchObject({ role: "admin", disabledAt: null });
  expect(user!.passwordHash).not.toContain(password!);
  expect(await db.select().from(auditLog).where(eq(auditLog.entityId, user!.id))).toMatchObject([
    { action: "user.created", actorRole: "system" },
  ]);
  expect(
    (await signInWithPassword({ email: "first.admin@example.com", password: password!, ip: "198.51.100.4", now: new Date() }))
      .status,
  ).toBe("ok");
});

test("user:create names what is wrong and creates nothing", async () => {
  const failure = await createUserCommand(["--email", "not-an-email", "--name", "X", "--role", "seller"]);
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain("email: Enter a valid e-mail address");
  expect(failure.stderr).toContain("sellerExternalId: A seller account must be linked to a seller id");
  expect(await db.select().from(users).where(eq(users.email, "not-an-email"))).toHaveLength(0);
});
