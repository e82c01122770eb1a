import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { selectForSeller } from "./select-for-seller";
import { keysetPage, keysetQuery, type KeysetPage, type ListCursor } from "@/lib/search/keyset";
import { SELLER_LIST_PAGE_SIZE } from "./list-seller-reviews";

export type SellerComplaint = {
  id: number;
  externalId: string;
  buyerId: string;
  orderExternalId: string | null;
  reason: string;
  text: string | null;
  filedAt: Date;
};

type Row = {
  id: string | number;
  external_id: string;
  buyer_id: string;
  order_external_id: string | null;
  reason: string;
  text: string | null;
  filed_at: string | Date;
};

/** One page of the complaints against the seller, newest first (keyset on filed_at, id), and how many there are in all. */
export async function listSellerComplaints(params: {
  actor: Actor;
  sellerId: number;
  cursor: ListCursor;
  pageSize?: number;
}): Promise<KeysetPage<SellerComplaint> & { total: number }> {
  assertCan(params.actor, "sellers:view-all");
  const { sellerId, cursor } = params;
  const pageSize = params.pageSize ?? SELLER_LIST_PAGE_SIZE;
  const total = Number(await selectForSeller(sellerId, sql`select count(*)::int from complaints c where c.seller_id = s.id`));

  const page = keysetQuery(
    { time: sql`c.filed_at`, id: sql`c.id`, cursorRow: (id) => sql`select filed_at, id from complaints where id = ${id}` },
    cursor,
  );
  const rows = await queryRows<Row>(
    db,
    sql`
      select c.id, c.external_id, c.buyer_id, o.external_id as order_external_id, c.reason, c.text, c.filed_at
      from complaints c
      left join orders o on o.id = c.order_id
      where c.seller_id = ${sellerId} ${page.condition}
      order by ${page.orderBy}
      limit ${pageSize + 1}`,
  );
  const complaints = rows.map((row): SellerComplaint => ({
    id: Number(row.id),
    externalId: row.external_id,
    buyerId: row.buyer_id,
    orderExternalId: row.order_external_id,
    reason: row.reason,
    text: row.text,
    filedAt: new Date(row.filed_at),
  }));
  return { ...keysetPage(complaints, pageSize, cursor), total };
}
