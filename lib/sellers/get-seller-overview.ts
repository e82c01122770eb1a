import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

/** The seller's live panel looks at the last 30 days (SPEC: window M). */
export const OVERVIEW_WINDOW_DAYS = 30;

export type SellerOverview = {
  seller: { id: number; externalId: string; name: string };
  window: { from: Date; to: Date };
  orders: number;
  reviews: number;
  negativeReviews: number;
  complaints: number;
};

type Row = {
  id: string | number;
  external_id: string;
  name: string;
  orders: number;
  reviews: number;
  negative_reviews: number;
  complaints: number;
};

/**
 * The signed-in seller's own shop and a live count of its last 30 days, in one query. Scoped by the
 * actor's seller id: there is no parameter that could name another seller.
 */
export async function getSellerOverview(params: { actor: UserActor; now: Date }): Promise<SellerOverview> {
  assertCan(params.actor, "seller-portal:use");
  const sellerId = params.actor.sellerId;
  if (sellerId == null) throw notFound("Your seller account");

  const to = params.now;
  const from = new Date(to.getTime() - OVERVIEW_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const fromText = from.toISOString();
  const toText = to.toISOString();

  const [row] = await queryRows<Row>(
    db,
    sql`select s.id, s.external_id, s.name,
          (select count(*)::int from orders o
            where o.seller_id = s.id
              and o.placed_at >= ${fromText}::timestamptz and o.placed_at < ${toText}::timestamptz) as orders,
          r.reviews, r.negative_reviews,
          (select count(*)::int from complaints c
            where c.seller_id = s.id
              and c.filed_at >= ${fromText}::timestamptz and c.filed_at < ${toText}::timestamptz) as complaints
        from sellers s
        cross join lateral (
          select count(*)::int as reviews,
                 (count(*) filter (where rv.rating <= 2))::int as negative_reviews
          from reviews rv
          where rv.seller_id = s.id and rv.removed_at is null
            and rv.posted_at >= ${fromText}::timestamptz and rv.posted_at < ${toText}::timestamptz
        ) r
        where s.id = ${sellerId}`,
  );
  if (!row) throw notFound("Your seller account");

  return {
    seller: { id: Number(row.id), externalId: row.external_id, name: row.name },
    window: { from, to },
    orders: Number(row.orders),
    reviews: Number(row.reviews),
    negativeReviews: Number(row.negative_reviews),
    complaints: Number(row.complaints),
  };
}
