import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { FAKE_SIGNAL_STATUSES } from "@/db/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { selectForSeller } from "./select-for-seller";
import { keysetPage, keysetQuery, REVIEWS_BY_POSTED_AT, type KeysetPage, type ListCursor } from "@/lib/search/keyset";
import { SELLER_LIST_PAGE_SIZE } from "./list-seller-reviews";
import { readReviewSignalReason, type ReviewSignalKind, type ReviewSignalReason } from "./review-signal-details";

export type ReviewSignalStatus = (typeof FAKE_SIGNAL_STATUSES)[number];

export type SellerSuspectedReview = {
  /** The review's id: the list is one row per review, with every signal raised on it. */
  id: number;
  externalId: string;
  buyerId: string;
  rating: number;
  text: string | null;
  postedAt: Date;
  removedAt: Date | null;
  signals: (ReviewSignalReason & { id: number; status: ReviewSignalStatus; computedAt: Date; decidedAt: Date | null })[];
};

type Row = {
  id: string | number;
  external_id: string;
  buyer_id: string;
  rating: number;
  text: string | null;
  posted_at: string | Date;
  removed_at: string | Date | null;
  signals: {
    id: number;
    kind: ReviewSignalKind;
    status: ReviewSignalStatus;
    details: unknown;
    computedAt: string;
    decidedAt: string | null;
  }[];
};

/**
 * One page of the seller's reviews with fake-review signals (suspected, confirmed or cleared),
 * newest review first (keyset on the review's posted_at, id), each with its signals and their
 * reasons; and how many signals of each status the seller has. Read only: a moderator confirms or
 * clears them in a case.
 */
export async function listSellerReviewSignals(params: {
  actor: Actor;
  sellerId: number;
  cursor: ListCursor;
  pageSize?: number;
}): Promise<KeysetPage<SellerSuspectedReview> & { counts: Record<ReviewSignalStatus, number> }> {
  assertCan(params.actor, "sellers:view-all");
  const { sellerId, cursor } = params;
  const pageSize = params.pageSize ?? SELLER_LIST_PAGE_SIZE;
  const countsByStatus = (await selectForSeller(
    sellerId,
    sql`select coalesce(jsonb_object_agg(per_status.status, per_status.n), '{}'::jsonb) from (
          select x.status, count(*)::int as n from review_signals x where x.seller_id = s.id group by x.status) per_status`,
  )) as Partial<Record<ReviewSignalStatus, number>>;

  const page = keysetQuery(REVIEWS_BY_POSTED_AT, cursor);
  const rows = await queryRows<Row>(
    db,
    sql`
      select r.id, r.external_id, r.buyer_id, r.rating, r.text, r.posted_at, r.removed_at,
        jsonb_agg(jsonb_build_object('id', x.id, 'kind', x.kind, 'status', x.status, 'details', x.details,
          'computedAt', x.computed_at, 'decidedAt', x.decided_at) order by x.kind) as signals
      from review_signals x
      join reviews r on r.id = x.review_id
      where x.seller_id = ${sellerId} ${page.condition}
      group by r.id
      order by ${page.orderBy}
      limit ${pageSize + 1}`,
  );
  const reviews = rows.map((row): SellerSuspectedReview => ({
    id: Number(row.id),
    externalId: row.external_id,
    buyerId: row.buyer_id,
    rating: Number(row.rating),
    text: row.text,
    postedAt: new Date(row.posted_at),
    removedAt: row.removed_at === null ? null : new Date(row.removed_at),
    signals: row.signals.map((signal) => ({
      ...readReviewSignalReason(signal.kind, signal.details),
      id: Number(signal.id),
      status: signal.status,
      computedAt: new Date(signal.computedAt),
      decidedAt: signal.decidedAt === null ? null : new Date(signal.decidedAt),
    })),
  }));
  const counts = Object.fromEntries(
    FAKE_SIGNAL_STATUSES.map((status) => [status, Number(countsByStatus[status] ?? 0)]),
  ) as Record<ReviewSignalStatus, number>;
  return { ...keysetPage(reviews, pageSize, cursor), counts };
}
