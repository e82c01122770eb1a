import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { apiKeys, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { offsetPage, offsetPaging } from "@/lib/search/offset-paging";

export const API_KEYS_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

/** One page of API keys for the admin, newest first, with who made each; never the hashes. */
export async function listApiKeys(params: { actor: Actor; page: number; pageSize?: number }) {
  assertCan(params.actor, "api-keys:manage");
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(params.pageSize ?? API_KEYS_PAGE_SIZE) || API_KEYS_PAGE_SIZE));
  const paging = offsetPaging(params.page, pageSize);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        createdAt: apiKeys.createdAt,
        revokedAt: apiKeys.revokedAt,
        lastUsedAt: apiKeys.lastUsedAt,
        createdByEmail: users.email,
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdBy))
      .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ total: count() }).from(apiKeys),
  ]);
  return offsetPage(rows, total?.total ?? 0, paging);
}
