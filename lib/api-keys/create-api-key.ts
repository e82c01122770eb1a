import "server-only";
import { db } from "@/db";
import { apiKeys } from "@/db/schema";
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from "@/lib/api-keys/api-key-secret";
import { createApiKeyInput } from "@/lib/api-keys/api-key-input";
import { publicApiKey, type PublicApiKey } from "@/lib/api-keys/public-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";

export type CreatedApiKey = { apiKey: PublicApiKey; secret: string };

/**
 * Makes a new API key. The secret is returned once, to be shown once: only its hash is stored,
 * and neither appears in the audit trail.
 */
export async function createApiKey(params: { actor: Actor; name: string; now: Date }): Promise<CreatedApiKey> {
  assertCan(params.actor, "api-keys:manage");
  const { name } = parseInput(createApiKeyInput, { name: params.name });
  const secret = generateApiKeySecret();
  const prefix = apiKeyPrefix(secret);
  return db.transaction(async (tx) => {
    const [key] = await tx
      .insert(apiKeys)
      .values({
        name,
        prefix,
        keyHash: hashApiKeySecret(secret),
        createdBy: params.actor.kind === "user" ? params.actor.userId : null,
        createdAt: params.now,
      })
      .returning();
    if (!key) throw new Error("no API key inserted");
    await recordAudit(tx, {
      actor: params.actor,
      action: "api-key.created",
      entityType: "api-key",
      entityId: key.id,
      after: { name, prefix },
      at: params.now,
    });
    return { apiKey: publicApiKey(key), secret };
  });
}
