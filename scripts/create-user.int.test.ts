import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in";

const run = promisify(execFile);
const createUserCommand = (args: string[]) =>
  run("npx", ["tsx", "--conditions=react-server", "scripts/create-user.ts", ...args], { env: { ...process.env, NODE_ENV: "production" } });

test("user:create makes the first admin, prints a password that works once, and is audited", async () => {
  const { stdout } = await createUserCommand(["--email", "First.Admin@Example.com", "--name", "First admin", "--role", "admin"]);
  const password = /password \(shown once.*\): (\S+)/.exec(stdout)?.[1];
  expect(password).toBeDefined();

  const [user] = await db.select().from(users).where(eq(users.email, "first.admin@example.com"));
  expect(user).toMatchObject({ role: "admin", disabledAt: null });
  expect(user!.passwordHash).not.toContain(password!);
  expect(await db.select().from(auditLog).where(eq(auditLog.entityId, user!.id))).toMatchObject([{ action: "user.created", actorRole: "system" }]);
  expect((await signInWithPassword({ email: "first.admin@example.com", password: password!, ip: "198.51.100.4", now: new Date() })).status).toBe("ok");
});

test("user:create names what is wrong and creates nothing", async () => {
  const failure = await createUserCommand(["--email", "not-an-email", "--name", "X", "--role", "seller"]).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain("email: Enter a valid e-mail address");
  expect(failure.stderr).toContain("sellerExternalId: A seller account must be linked to a seller id");
  expect(await db.select().from(users).where(eq(users.email, "not-an-email"))).toHaveLength(0);
});
