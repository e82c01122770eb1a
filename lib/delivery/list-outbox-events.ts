import "server-only";
import { and, count, desc, eq, gt, isNotNull, isNull, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { outboxEvents, sellers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { OutboxFilter } from "@/lib/delivery/outbox-input";
import { offsetPage, offsetPaging } from "@/lib/search/offset-paging";

export const OUTBOX_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

const FILTER_CONDITIONS: Record<OutboxFilter, SQL | undefined> = {
  all: undefined,
  pending: isNull(outboxEvents.deliveredAt),
  failing: and(isNull(outboxEvents.deliveredAt), gt(outboxEvents.attempts, 0)),
  delivered: isNotNull(outboxEvents.deliveredAt),
};

/** One page of catalog events for the admin, newest first, with the seller's marketplace id. */
export async function listOutboxEvents(params: { actor: Actor; filter: OutboxFilter; page: number; pageSize?: number }) {
  assertCan(params.actor, "outbox:view");
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(params.pageSize ?? OUTBOX_PAGE_SIZE) || OUTBOX_PAGE_SIZE));
  const paging = offsetPaging(params.page, pageSize);
  const where = FILTER_CONDITIONS[params.filter];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: outboxEvents.id,
        type: outboxEvents.type,
        sellerExternalId: sellers.externalId,
        createdAt: outboxEvents.createdAt,
        attempts: outboxEvents.attempts,
        nextAttemptAt: outboxEvents.nextAttemptAt,
        deliveredAt: outboxEvents.deliveredAt,
        lastStatus: outboxEvents.lastStatus,
        lastError: outboxEvents.lastError,
      })
      .from(outboxEvents)
      .innerJoin(sellers, eq(sellers.id, outboxEvents.sellerId))
      .where(where)
      .orderBy(desc(outboxEvents.id))
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ total: count() }).from(outboxEvents).where(where),
  ]);
  return offsetPage(rows, total?.total ?? 0, paging);
}
