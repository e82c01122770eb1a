import type { ApiKey } from "@/db/schema";

/** What of an API key may appear in lists, action results and the audit trail: never its hash. */
export function publicApiKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdBy: key.createdBy,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
    lastUsedAt: key.lastUsedAt,
  };
}

export type PublicApiKey = ReturnType<typeof publicApiKey>;
