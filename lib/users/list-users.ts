import "server-only";
import { asc, count, eq, ilike, or } from "drizzle-orm";
import { db } from "@/db";
import { sellers, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { escapeLike } from "@/lib/search/escape-like";
import { offsetPage, offsetPaging } from "@/lib/search/offset-paging";

export const USERS_PAGE_SIZE = 50;

/** One page of accounts for the admin, searchable by e-mail or name. */
export async function listUsers(params: { actor: UserActor; page: number; search?: string }) {
  assertCan(params.actor, "users:manage");
  const paging = offsetPaging(params.page, USERS_PAGE_SIZE);
  const pattern = params.search ? `%${escapeLike(params.search)}%` : undefined;
  const where = pattern ? or(ilike(users.email, pattern), ilike(users.name, pattern)) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabledAt: users.disabledAt,
        passwordChangeRequired: users.passwordChangeRequired,
        createdAt: users.createdAt,
        sellerExternalId: sellers.externalId,
        sellerName: sellers.name,
      })
      .from(users)
      .leftJoin(sellers, eq(sellers.id, users.sellerId))
      .where(where)
      .orderBy(asc(users.email))
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return offsetPage(rows, total?.total ?? 0, paging);
}
