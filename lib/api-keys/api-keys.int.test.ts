import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { apiKeys, auditLog } from "@/db/schema";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createTestUser } from "@/scripts/test-support/factories";

const seconds = (base: Date, n: number) => new Date(base.getTime() + n * 1000);
const auditEntriesFor = (apiKeyId: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "api-key"), eq(auditLog.entityId, String(apiKeyId))))
    .orderBy(auditLog.seq);
const storedKey = async (apiKeyId: number) => (await db.select().from(apiKeys).where(eq(apiKeys.id, apiKeyId)))[0]!;

async function newKey(name = "Order sync") {
  return createApiKey({ actor: SYSTEM_ACTOR, name, now: new Date() });
}

describe("API keys", () => {
  test("[ADMIN] creates a key: the secret is returned once, only its hash is stored, and the creation is audited without either", async () => {
    const { actor: admin } = await createTestUser("admin");
    const now = new Date("2026-05-04T09:00:00Z");
    const { apiKey, secret } = await createApiKey({ actor: admin, name: "  Marketplace order feed  ", now });

    expect(secret).toMatch(/^cg_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toEqual({
      id: expect.any(Number),
      name: "Marketplace order feed",
      prefix: secret.slice(0, 11),
      createdBy: admin.userId,
      createdAt: now,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(apiKey).not.toHaveProperty("keyHash");

    const stored = await storedKey(apiKey.id);
    expect(stored.keyHash).toBe(createHash("sha256").update(secret).digest("hex"));
    const entries = await auditEntriesFor(apiKey.id);
    expect(entries).toMatchObject([
      {
        action: "api-key.created",
        actorUserId: admin.userId,
        actorRole: "admin",
        after: { name: "Marketplace order feed", prefix: apiKey.prefix },
      },
    ]);
    for (const row of [stored, ...entries]) expect(JSON.stringify(row)).not.toContain(secret.slice(11));
    expect(JSON.stringify(entries)).not.toContain(stored.keyHash);
  });

  test("the key authenticates as itself; a wrong, malformed or missing key does not", async () => {
    const { apiKey, secret } = await newKey("Review importer");
    const now = new Date();

    expect(await authenticateApiKey(`Bearer ${secret}`, now)).toEqual({
      kind: "api-key",
      apiKeyId: apiKey.id,
      label: "api-key:Review importer",
    });
    expect(await authenticateApiKey(`  bearer   ${secret} `, now)).toMatchObject({ apiKeyId: apiKey.id });

    const wrongKey = `cg_${"A".repeat(43)}`;
    const lastCharChanged = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    for (const header of [
      `Bearer ${wrongKey}`,
      `Bearer ${lastCharChanged}`,
      `Bearer ${secret.slice(0, -1)}`,
      `Basic ${secret}`,
      secret,
      `Bearer ${secret} extra`,
      "Bearer ",
      "",
      null,
    ]) {
      expect(await authenticateApiKey(header, now), String(header)).toBeNull();
    }
  });

  test("[ADMIN] revokes a key with a reason: it stops working at once and the revocation is audited", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { apiKey, secret } = await newKey();
    const now = new Date("2026-05-05T10:00:00Z");

    const revoked = await revokeApiKey({ actor: admin, apiKeyId: apiKey.id, reason: "  leaked in a support ticket ", now });

    expect(revoked).toMatchObject({ id: apiKey.id, revokedAt: now });
    expect(await authenticateApiKey(`Bearer ${secret}`, now)).toBeNull();
    const entries = await auditEntriesFor(apiKey.id);
    expect(entries.map((e) => e.action)).toEqual(["api-key.created", "api-key.revoked"]);
    expect(entries[1]).toMatchObject({
      actorUserId: admin.userId,
      reason: "leaked in a support ticket",
      before: { name: apiKey.name, prefix: apiKey.prefix, revokedAt: null },
      after: { name: apiKey.name, prefix: apiKey.prefix, revokedAt: now.toISOString() },
    });
  });

  test("[ADMIN] revoking a revoked key is a conflict and writes nothing more; an unknown key is not found", async () => {
    const { actor: admin } = await createTestUser("admin");
    const { apiKey } = await newKey();
    const first = new Date("2026-05-05T10:00:00Z");
    await revokeApiKey({ actor: admin, apiKeyId: apiKey.id, reason: "rotated", now: first });

    await expect(
      revokeApiKey({ actor: admin, apiKeyId: apiKey.id, reason: "rotated again", now: seconds(first, 5) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await storedKey(apiKey.id)).revokedAt).toEqual(first);
    expect((await auditEntriesFor(apiKey.id)).filter((e) => e.action === "api-key.revoked")).toHaveLength(1);

    await expect(revokeApiKey({ actor: admin, apiKeyId: 987_654_321, reason: "no such key", now: first })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  test("[ADMIN] two admins revoking the same key at once: exactly one succeeds and one entry is audited", async () => {
    const [{ actor: first }, { actor: second }] = await Promise.all([createTestUser("admin"), createTestUser("admin")]);
    const { apiKey } = await newKey();
    const now = new Date();

    const outcomes = await Promise.allSettled([
      revokeApiKey({ actor: first, apiKeyId: apiKey.id, reason: "first admin", now }),
      revokeApiKey({ actor: second, apiKeyId: apiKey.id, reason: "second admin", now }),
    ]);

    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect((await auditEntriesFor(apiKey.id)).filter((e) => e.action === "api-key.revoked")).toHaveLength(1);
  });

  test("[ADMIN] a name is required, trimmed and at most 100 characters; a revocation needs a written reason", async () => {
    const { actor: admin } = await createTestUser("admin");
    const now = new Date();
    await expect(createApiKey({ actor: admin, name: "   ", now })).rejects.toMatchObject({
      code: "INVALID",
      issues: [{ path: "name", message: "Enter a name for the key" }],
    });
    await expect(createApiKey({ actor: admin, name: "x".repeat(101), now })).rejects.toMatchObject({
      code: "INVALID",
      issues: [{ path: "name" }],
    });
    expect((await createApiKey({ actor: admin, name: "x".repeat(100), now })).apiKey.name).toHaveLength(100);

    const { apiKey } = await newKey();
    await expect(revokeApiKey({ actor: admin, apiKeyId: apiKey.id, reason: "  ", now })).rejects.toMatchObject({
      code: "INVALID",
      issues: [{ path: "reason" }],
    });
    expect((await storedKey(apiKey.id)).revokedAt).toBeNull();
  });

  test.each([["moderator"], ["seller"]] as const)("[%s] cannot create, revoke or list keys; nothing is written", async (role) => {
    const { actor } = await createTestUser(role);
    const { apiKey } = await newKey();
    const now = new Date();

    await expect(createApiKey({ actor, name: "sneaky", now })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiKey({ actor, apiKeyId: apiKey.id, reason: "taking over", now })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listApiKeys({ actor, page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.select().from(apiKeys).where(eq(apiKeys.name, "sneaky"))).toHaveLength(0);
    expect((await storedKey(apiKey.id)).revokedAt).toBeNull();
    expect((await auditEntriesFor(apiKey.id)).map((e) => e.action)).toEqual(["api-key.created"]);
  });

  test("an API key cannot manage API keys", async () => {
    const { secret } = await newKey();
    const keyActor = (await authenticateApiKey(`Bearer ${secret}`, new Date()))!;
    await expect(createApiKey({ actor: keyActor, name: "a key making keys", now: new Date() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  test("last use is written at most once a minute, so a busy API is not a write per request", async () => {
    const { apiKey, secret } = await newKey();
    const header = `Bearer ${secret}`;
    const start = new Date("2026-05-06T12:00:00Z");
    // xmin is the transaction that last wrote the row: unchanged means not even a no-op UPDATE ran.
    const rowVersion = async () =>
      (await queryRows<{ xmin: string }>(db, sql`select xmin::text as xmin from api_keys where id = ${apiKey.id}`))[0]!.xmin;

    await authenticateApiKey(header, start);
    expect((await storedKey(apiKey.id)).lastUsedAt).toEqual(start);
    const writtenOnce = await rowVersion();
    await authenticateApiKey(header, seconds(start, 30));
    await authenticateApiKey(header, seconds(start, 60));
    expect(await rowVersion()).toBe(writtenOnce);
    expect((await storedKey(apiKey.id)).lastUsedAt).toEqual(start);

    await authenticateApiKey(header, seconds(start, 61));
    expect((await storedKey(apiKey.id)).lastUsedAt).toEqual(seconds(start, 61));
    expect(await rowVersion()).not.toBe(writtenOnce);
  });

  test("[ADMIN] lists keys newest first with their creator, paged with a total, and never a hash", async () => {
    const { actor: admin, user } = await createTestUser("admin");
    const base = new Date("2030-01-01T00:00:00Z");
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push((await createApiKey({ actor: admin, name: `Listed ${i}`, now: seconds(base, i) })).apiKey);

    const first = await listApiKeys({ actor: admin, page: 1, pageSize: 2 });
    expect(first.rows.map((r) => r.name)).toEqual(["Listed 2", "Listed 1"]);
    expect(first.rows[0]).toMatchObject({
      id: made[2]!.id,
      prefix: made[2]!.prefix,
      createdByEmail: user.email,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(first).toMatchObject({ page: 1, pageSize: 2 });
    expect(first.total).toBe((await db.select().from(apiKeys)).length);
    expect(JSON.stringify(first)).not.toMatch(/keyHash|key_hash|[0-9a-f]{64}/);

    const second = await listApiKeys({ actor: admin, page: 2, pageSize: 2 });
    expect(second.rows[0]?.name).toBe("Listed 0");
  });
});
