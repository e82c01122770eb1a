import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { DEFAULT_POLICY } from "@/lib/quality/policy";
import { selectForSeller } from "./select-for-seller";
import { keysetPage, keysetQuery, REVIEWS_BY_POSTED_AT, type KeysetPage, type ListCursor } from "@/lib/search/keyset";

export const SELLER_LIST_PAGE_SIZE = 20;
/**
 * A review is negative at the policy in force's `negativeMaxRating` (SPEC: ≤ 2; the default before
 * any policy is stored).
 */
const NEGATIVE_MAX_RATING = sql`coalesce((select (p.params #>> '{reviews,negativeMaxRating}')::int from scoring_policies p where p.activated_at is not null order by p.activated_at desc, p.version desc limit 1), ${DEFAULT_POLICY.reviews.negativeMaxRating}::int)`;

export type SellerNegativeReview = {
  id: number;
  externalId: string;
  buyerId: string;
  orderExternalId: string | null;
  rating: number;
  text: string | null;
  postedAt: Date;
  editedAt: Date | null;
  /** The seller's latest public answer. */
  reply: { body: string; createdAt: Date } | null;
  /** The latest case whose scope holds this review. */
  caseId: number | null;
};

type Row = {
  id: string | number;
  external_id: string;
  buyer_id: string;
  order_external_id: string | null;
  rating: number;
  text: string | null;
  posted_at: string | Date;
  edited_at: string | Date | null;
  reply_body: string | null;
  reply_created_at: string | Date | null;
  case_id: string | number | null;
};

/**
 * One page of the seller's negative reviews that are not removed, newest first (keyset on
 * posted_at, id through reviews_seller_posted_idx), each with its public reply and the case whose
 * scope holds it; and how many there are in all.
 */
export async function listSellerReviews(params: {
  actor: Actor;
  sellerId: number;
  cursor: ListCursor;
  pageSize?: number;
}): Promise<KeysetPage<SellerNegativeReview> & { total: number }> {
  assertCan(params.actor, "sellers:view-all");
  const { sellerId, cursor } = params;
  const pageSize = params.pageSize ?? SELLER_LIST_PAGE_SIZE;
  const total = Number(
    await selectForSeller(
      sellerId,
      sql`select count(*)::int from reviews r where r.seller_id = s.id and r.rating <= ${NEGATIVE_MAX_RATING} and r.removed_at is null`,
    ),
  );

  const page = keysetQuery(REVIEWS_BY_POSTED_AT, cursor);
  const rows = await queryRows<Row>(
    db,
    sql`
      select r.id, r.external_id, r.buyer_id, o.external_id as order_external_id, r.rating, r.text, r.posted_at, r.edited_at,
        reply.body as reply_body, reply.created_at as reply_created_at,
        (select cr.case_id from case_reviews cr where cr.seller_id = r.seller_id and cr.review_id = r.id order by cr.case_id desc limit 1) as case_id
      from reviews r
      left join orders o on o.id = r.order_id
      left join lateral (
        select x.body, x.created_at from review_replies x where x.review_id = r.id order by x.created_at desc, x.id desc limit 1
      ) reply on true
      where r.seller_id = ${sellerId} and r.rating <= ${NEGATIVE_MAX_RATING} and r.removed_at is null ${page.condition}
      order by ${page.orderBy}
      limit ${pageSize + 1}`,
  );
  const reviews = rows.map((row): SellerNegativeReview => ({
    id: Number(row.id),
    externalId: row.external_id,
    buyerId: row.buyer_id,
    orderExternalId: row.order_external_id,
    rating: Number(row.rating),
    text: row.text,
    postedAt: new Date(row.posted_at),
    editedAt: row.edited_at === null ? null : new Date(row.edited_at),
    reply:
      row.reply_body === null || row.reply_created_at === null
        ? null
        : { body: row.reply_body, createdAt: new Date(row.reply_created_at) },
    caseId: row.case_id === null ? null : Number(row.case_id),
  }));
  return { ...keysetPage(reviews, pageSize, cursor), total };
}
