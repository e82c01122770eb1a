import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { apiKeys } from "@/db/schema";
import { hashApiKeySecret, isApiKeyShaped } from "@/lib/api-keys/api-key-secret";
import type { Actor } from "@/lib/auth/actor";

export type ApiKeyActor = Extract<Actor, { kind: "api-key" }>;

/** How stale `last_used_at` may get: a busy API writes it once a minute, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The API key behind an `Authorization: Bearer <key>` header, or null for a missing, malformed,
 * unknown or revoked key (the caller answers 401 to all of them alike). Not audited: it is a
 * read on every API request; what the key then changes is audited with it as the actor.
 */
export async function authenticateApiKey(authorization: string | null, now: Date): Promise<ApiKeyActor | null> {
  const secret = BEARER.exec(authorization?.trim() ?? "")?.[1];
  if (!secret || !isApiKeyShaped(secret)) return null;
  const [key] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKeySecret(secret)), isNull(apiKeys.revokedAt)));
  if (!key) return null;

  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!key.lastUsedAt || key.lastUsedAt < staleBefore) {
    // Conditional, so simultaneous requests with the same key write it once between them.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
  }
  return { kind: "api-key", apiKeyId: key.id, label: `api-key:${key.name}` };
}
