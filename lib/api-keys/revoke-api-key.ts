import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db";
import { apiKeys } from "@/db/schema";
import { revokeApiKeyInput } from "@/lib/api-keys/api-key-input";
import { publicApiKey, type PublicApiKey } from "@/lib/api-keys/public-api-key";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

/**
 * Revokes an API key for good: its next request is refused. Revoking is final, so a key that is
 * revoked already is a conflict; the conditional UPDATE lets exactly one of two simultaneous
 * revocations through, and only that one is audited.
 */
export async function revokeApiKey(params: { actor: Actor; apiKeyId: number; reason: string; now: Date }): Promise<PublicApiKey> {
  assertCan(params.actor, "api-keys:manage");
  const input = parseInput(revokeApiKeyInput, { apiKeyId: params.apiKeyId, reason: params.reason });
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: params.now })
      .where(and(eq(apiKeys.id, input.apiKeyId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!revoked) {
      const [existing] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, input.apiKeyId));
      throw existing ? conflict("The API key is revoked already") : notFound("The API key");
    }
    await recordAudit(tx, {
      actor: params.actor,
      action: "api-key.revoked",
      entityType: "api-key",
      entityId: revoked.id,
      before: { name: revoked.name, prefix: revoked.prefix, revokedAt: null },
      after: { name: revoked.name, prefix: revoked.prefix, revokedAt: params.now.toISOString() },
      reason: input.reason,
      at: params.now,
    });
    return publicApiKey(revoked);
  });
}
