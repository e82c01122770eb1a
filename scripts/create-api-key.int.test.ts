import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db";
import { apiKeys, auditLog } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { runScript } from "@/scripts/test-support/run-script";

const createApiKeyCommand = (args: string[]) => runScript("api-key:create", args);

test("api-key:create prints a key once that authenticates; only its hash is stored; the creation is audited", async () => {
  const { code, stdout } = await createApiKeyCommand(["Order feed"]);
  expect(code).toBe(0);
  expect(stdout).toMatch(/not shown again/);
  const secret = /^(cg_\S+)$/m.exec(stdout)?.[1];
  expect(secret).toBeDefined();

  const actor = await authenticateApiKey(`Bearer ${secret}`, new Date());
  expect(actor).toMatchObject({ kind: "api-key", label: "api-key:Order feed" });
  const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, actor!.apiKeyId));
  expect(JSON.stringify(stored)).not.toContain(secret!.slice(11));
  const entries = await db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, String(actor!.apiKeyId)));
  expect(entries).toMatchObject([
    {
      action: "api-key.created",
      actorRole: "system",
      actorLabel: expect.stringMatching(/^npm run api-key:create \(os user .+\)$/),
    },
  ]);
});

test("api-key:create without a name prints its usage, exits 2 and creates nothing", async () => {
  const before = await db.$count(apiKeys);
  const failure = await createApiKeyCommand([]);
  expect(failure.code).toBe(2);
  expect(failure.stderr).toContain("usage: npm run api-key:create -- <name>");
  expect(failure.stdout).not.toMatch(/cg_/);
  expect(await db.$count(apiKeys)).toBe(before);
});

test("api-key:create names what is wrong with a name and creates nothing", async () => {
  const failure = await createApiKeyCommand(["x".repeat(101)]);
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain("name: Write at most 100 characters");
  expect(
    await db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.name, "x".repeat(101))),
  ).toHaveLength(0);
});
