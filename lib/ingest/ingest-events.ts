import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows, type Transaction } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/database-errors";
import { conflict, invalid } from "@/lib/errors";
import { checkReferences, collectReferences, type KnownObjects } from "./check-references";
import type { EventDataByType, IngestResult } from "./event-schemas";
import { MAX_REPORTED_ISSUES, type ParsedEvent } from "./parse-event-batch";

/**
 * Takes in one validated batch, all or nothing, in one transaction:
 *
 * 1. claims the event ids in `ingested_events` (ON CONFLICT DO NOTHING): ids seen before, or twice
 *    in this batch, are duplicates and are not applied again. A concurrent request with the same
 *    ids waits on the primary key and then sees them as duplicates;
 * 2. checks every reference against the database and the batch (an unknown seller rejects the
 *    batch, naming the event's index);
 * 3. applies the new events set-based, one statement per kind in dependency order, each with
 *    one JSON parameter, then recomputes the derived columns (an order's status, a review's
 *    current rating, a thread's first buyer message and first reply) from the full history, so
 *    events that arrive out of order give the same result as events in order.
 */
export async function ingestEvents(params: {
  actor: Actor;
  events: readonly ParsedEvent[];
  now: Date;
  /** Runs last in the transaction, once the batch is applied: where a caller writes its audit entry. */
  beforeCommit?: (tx: Transaction, result: IngestResult) => Promise<void>;
}): Promise<IngestResult> {
  const { actor, events, now } = params;
  if (actor.kind === "user") assertCan(actor, "imports:run");
  try {
    return await db.transaction(async (tx) => {
      const fresh = await claimEventIds(tx, events, actor, now);
      if (fresh.length > 0) {
        const issues = checkReferences(fresh, await loadKnownObjects(tx, fresh));
        if (issues.length > 0) {
          const first = issues[0]!;
          throw invalid(
            `events[${first.index}].${first.path}: ${first.message}`,
            issues.slice(0, MAX_REPORTED_ISSUES),
            issues.length,
          );
        }
        await applyEvents(tx, fresh);
      }
      const result = { accepted: fresh.length, duplicates: events.length - fresh.length };
      await params.beforeCommit?.(tx, result);
      return result;
    });
  } catch (error) {
    // Two requests creating the same order (under different event ids) at the same moment: the
    // unique index lets one win; the other is told to send again, and will then be checked.
    if (isUniqueViolation(error))
      throw conflict("Another request stored some of these objects at the same moment; send the batch again");
    throw error;
  }
}

const json = (rows: unknown): SQL => sql`${JSON.stringify(rows)}::json`;
const textArray = (values: Iterable<string>): SQL =>
  sql`array(select json_array_elements_text(${JSON.stringify([...values])}::json))`;

async function claimEventIds(tx: Transaction, events: readonly ParsedEvent[], actor: Actor, now: Date): Promise<ParsedEvent[]> {
  const firstById = new Map<string, ParsedEvent>();
  for (const event of events) if (!firstById.has(event.id)) firstById.set(event.id, event);
  const rows = [...firstById.values()].map((event) => ({ id: event.id, type: event.type, at: event.at }));
  const claimed = await queryRows<{ event_id: string }>(
    tx,
    sql`insert into ingested_events (event_id, type, occurred_at, received_at, api_key_id, imported_by)
        select j.id, j.type, j.at, ${now.toISOString()}::timestamptz, ${actor.kind === "api-key" ? actor.apiKeyId : null}::bigint,
               ${actor.kind === "user" ? actor.userId : null}::uuid
        from json_to_recordset(${json(rows)}) as j(id text, type text, at timestamptz)
        on conflict (event_id) do nothing
        returning event_id`,
  );
  const claimedIds = new Set(claimed.map((row) => row.event_id));
  return events.filter((event) => claimedIds.has(event.id) && firstById.get(event.id) === event);
}

async function loadKnownObjects(tx: Transaction, events: readonly ParsedEvent[]): Promise<KnownObjects> {
  const ids = collectReferences(events);
  const [sellerRows, orderRows, reviewRows, threadRows, complaintRows, messageRows] = await Promise.all([
    queryRows<{ id: string }>(tx, sql`select external_id as id from sellers where external_id = any(${textArray(ids.sellers)})`),
    queryRows<{ id: string; seller: string; at: string }>(
      tx,
      sql`select o.external_id as id, s.external_id as seller, o.placed_at as at from orders o join sellers s on s.id = o.seller_id
          where o.external_id = any(${textArray(ids.orders)})`,
    ),
    queryRows<{ id: string; seller: string; at: string }>(
      tx,
      sql`select r.external_id as id, s.external_id as seller, r.posted_at as at from reviews r join sellers s on s.id = r.seller_id
          where r.external_id = any(${textArray(ids.reviews)})`,
    ),
    queryRows<{ id: string; seller: string; buyer: string }>(
      tx,
      sql`select t.external_id as id, s.external_id as seller, t.buyer_id as buyer from message_threads t join sellers s on s.id = t.seller_id
          where t.external_id = any(${textArray(ids.threads)})`,
    ),
    queryRows<{ id: string }>(
      tx,
      sql`select external_id as id from complaints where external_id = any(${textArray(ids.complaints)})`,
    ),
    queryRows<{ id: string }>(
      tx,
      sql`select external_id as id from messages where external_id = any(${textArray(ids.messages)})`,
    ),
  ]);
  return {
    sellers: new Set(sellerRows.map((row) => row.id)),
    orders: new Map(orderRows.map((row) => [row.id, { sellerId: row.seller, placedAt: new Date(row.at) }])),
    reviews: new Map(reviewRows.map((row) => [row.id, { sellerId: row.seller, postedAt: new Date(row.at) }])),
    threads: new Map(threadRows.map((row) => [row.id, { sellerId: row.seller, buyerId: row.buyer }])),
    complaints: new Set(complaintRows.map((row) => row.id)),
    messages: new Set(messageRows.map((row) => row.id)),
  };
}

type Of<T extends ParsedEvent["type"]> = { data: EventDataByType[T]; at: Date; index: number };

function eventsOf<T extends ParsedEvent["type"]>(events: readonly ParsedEvent[], type: T): Of<T>[] {
  return events.filter((event) => event.type === type) as unknown as Of<T>[];
}

/** Of several events about one object, the one that happened last (or first); ties go to the later index. */
function pickPerKey<T extends { at: Date; index: number }>(
  events: readonly T[],
  key: (event: T) => string,
  pick: "latest" | "earliest",
): T[] {
  const chosen = new Map<string, T>();
  for (const event of events) {
    const current = chosen.get(key(event));
    const better = !current || (pick === "latest" ? event.at >= current.at : event.at < current.at);
    if (better) chosen.set(key(event), event);
  }
  return [...chosen.values()];
}

async function applyEvents(tx: Transaction, events: readonly ParsedEvent[]): Promise<void> {
  await upsertSellers(tx, eventsOf(events, "seller.upserted"));
  await insertOrders(tx, eventsOf(events, "order.placed"));
  await changeOrderStatuses(tx, eventsOf(events, "order.status_changed"));
  await insertReviews(tx, eventsOf(events, "review.posted"));
  await updateReviews(tx, eventsOf(events, "review.updated"));
  await removeReviews(tx, eventsOf(events, "review.removed"));
  await insertComplaints(tx, eventsOf(events, "complaint.filed"));
  await insertMessages(tx, eventsOf(events, "message.sent"));
  await recordRefunds(tx, eventsOf(events, "refund.issued"));
}

async function upsertSellers(tx: Transaction, events: Of<"seller.upserted">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = pickPerKey(events, (event) => event.data.sellerId, "latest").map(({ data, at }) => ({ ...data, at }));
  // `updated_at` is when the marketplace changed the seller: an older upsert arriving late loses.
  await tx.execute(sql`
    insert into sellers (external_id, name, email, updated_at)
    select j."sellerId", j.name, j.email, j.at from json_to_recordset(${json(rows)}) as j("sellerId" text, name text, email text, at timestamptz)
    on conflict (external_id) do update set name = excluded.name, email = coalesce(excluded.email, sellers.email), updated_at = excluded.updated_at
    where sellers.updated_at <= excluded.updated_at`);
}

async function insertOrders(tx: Transaction, events: Of<"order.placed">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ data, at }) => ({ ...data, at }));
  await tx.execute(sql`
    insert into orders (seller_id, external_id, buyer_id, amount, currency, placed_at)
    select s.id, j."orderId", j."buyerId", j.amount, j.currency, j.at
    from json_to_recordset(${json(rows)}) as j("orderId" text, "sellerId" text, "buyerId" text, amount numeric, currency text, at timestamptz)
    join sellers s on s.external_id = j."sellerId"`);
}

async function changeOrderStatuses(tx: Transaction, events: Of<"order.status_changed">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ data, at }) => ({ ...data, at }));
  const changed = await queryRows<{ id: number }>(
    tx,
    sql`insert into order_status_changes (seller_id, order_id, status, occurred_at)
        select o.seller_id, o.id, j.status::order_status, j.at
        from json_to_recordset(${json(rows)}) as j("orderId" text, status text, at timestamptz)
        join orders o on o.external_id = j."orderId"
        returning order_id as id`,
  );
  // The order's status is its latest change, whatever order the changes arrived in.
  await tx.execute(sql`
    update orders o set status = latest.status, status_changed_at = latest.occurred_at
    from (${latestFromHistory("order_status_changes", "order_id", "c.status, c.occurred_at", changed)}) latest
    where o.id = latest.order_id`);
}

/** For each owner (order, review) among `owners`, its latest row in a history table. */
function latestFromHistory(history: string, ownerColumn: string, columns: string, owners: readonly { id: number }[]): SQL {
  const ids = JSON.stringify([...new Set(owners.map((owner) => Number(owner.id)))]);
  return sql`
    select distinct on (c.${sql.raw(ownerColumn)}) c.${sql.raw(ownerColumn)}, ${sql.raw(columns)}
    from ${sql.raw(history)} c
    where c.${sql.raw(ownerColumn)} = any(array(select json_array_elements_text(${ids}::json)::bigint))
    order by c.${sql.raw(ownerColumn)}, c.occurred_at desc, c.id desc`;
}

async function insertReviews(tx: Transaction, events: Of<"review.posted">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ data, at }) => ({ ...data, at }));
  // The first rating is history too: review_rating_changes holds every rating a review has had.
  await tx.execute(sql`
    with inserted as (
      insert into reviews (seller_id, external_id, buyer_id, order_id, rating, text, posted_at)
      select s.id, j."reviewId", j."buyerId", o.id, j.rating, j.text, j.at
      from json_to_recordset(${json(rows)}) as j("reviewId" text, "sellerId" text, "buyerId" text, "orderId" text, rating smallint, text text, at timestamptz)
      join sellers s on s.external_id = j."sellerId"
      left join orders o on o.external_id = j."orderId"
      returning id, seller_id, rating, text, posted_at
    )
    insert into review_rating_changes (seller_id, review_id, rating, text, occurred_at)
    select seller_id, id, rating, text, posted_at from inserted`);
}

async function updateReviews(tx: Transaction, events: Of<"review.updated">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ data, at }) => ({ ...data, at }));
  const changed = await queryRows<{ id: number }>(
    tx,
    sql`insert into review_rating_changes (seller_id, review_id, rating, text, occurred_at)
        select r.seller_id, r.id, j.rating, j.text, j.at
        from json_to_recordset(${json(rows)}) as j("reviewId" text, rating smallint, text text, at timestamptz)
        join reviews r on r.external_id = j."reviewId"
        returning review_id as id`,
  );
  // The current rating is the latest one; an edit without text keeps the words the review had.
  await tx.execute(sql`
    update reviews r
    set rating = latest.rating,
        text = coalesce(latest.text, r.text),
        edited_at = case when latest.occurred_at > r.posted_at then latest.occurred_at end
    from (${latestFromHistory("review_rating_changes", "review_id", "c.rating, c.text, c.occurred_at", changed)}) latest
    where r.id = latest.review_id`);
}

async function removeReviews(tx: Transaction, events: Of<"review.removed">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = pickPerKey(events, (event) => event.data.reviewId, "earliest").map(({ data, at }) => ({ ...data, at }));
  // A review is gone from its first removal on.
  await tx.execute(sql`
    update reviews r set removed_at = j.at, removed_by = j.by::review_removed_by
    from json_to_recordset(${json(rows)}) as j("reviewId" text, by text, at timestamptz)
    where r.external_id = j."reviewId" and (r.removed_at is null or j.at < r.removed_at)`);
}

async function insertComplaints(tx: Transaction, events: Of<"complaint.filed">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ data, at }) => ({ ...data, at }));
  await tx.execute(sql`
    insert into complaints (seller_id, external_id, buyer_id, order_id, reason, text, filed_at)
    select s.id, j."complaintId", j."buyerId", o.id, j.reason, j.text, j.at
    from json_to_recordset(${json(rows)}) as j("complaintId" text, "sellerId" text, "buyerId" text, "orderId" text, reason text, text text, at timestamptz)
    join sellers s on s.external_id = j."sellerId"
    left join orders o on o.external_id = j."orderId"`);
}

async function insertMessages(tx: Transaction, events: Of<"message.sent">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map(({ data, at }) => ({ ...data, at }));
  const threadIds = textArray(new Set(rows.map((row) => row.threadId)));
  // A thread begins with its first message; one that another request has just begun is reused.
  const openers = pickPerKey(events, (event) => event.data.threadId, "earliest").map(({ data, at }) => ({ ...data, at }));
  await tx.execute(sql`
    insert into message_threads (seller_id, external_id, buyer_id, started_by, started_at)
    select s.id, j."threadId", j."buyerId", j."from"::message_sender, j.at
    from json_to_recordset(${json(openers)}) as j("threadId" text, "sellerId" text, "buyerId" text, "from" text, at timestamptz)
    join sellers s on s.external_id = j."sellerId"
    on conflict (external_id) do nothing`);
  await tx.execute(sql`
    insert into messages (seller_id, thread_id, external_id, sender, text, sent_at)
    select t.seller_id, t.id, j."messageId", j."from"::message_sender, j.text, j.at
    from json_to_recordset(${json(rows)}) as j("messageId" text, "threadId" text, "from" text, text text, at timestamptz)
    join message_threads t on t.external_id = j."threadId"`);
  // What response time is measured on: who began the thread, the buyer's first message and the
  // seller's first reply after it. Recomputed from all the thread's messages.
  await tx.execute(sql`
    update message_threads t
    set started_at = summary.started_at,
        started_by = summary.started_by,
        first_buyer_message_at = summary.first_buyer_at,
        first_seller_reply_at = (
          select min(m.sent_at) from messages m
          where m.thread_id = t.id and m.sender = 'seller' and m.sent_at >= summary.first_buyer_at
        )
    from (
      select m.thread_id,
             min(m.sent_at) as started_at,
             (array_agg(m.sender order by m.sent_at, m.id))[1] as started_by,
             min(m.sent_at) filter (where m.sender = 'buyer') as first_buyer_at
      from messages m
      where m.thread_id in (select id from message_threads where external_id = any(${threadIds}))
      group by m.thread_id
    ) summary
    where t.id = summary.thread_id`);
}

async function recordRefunds(tx: Transaction, events: Of<"refund.issued">[]): Promise<void> {
  if (events.length === 0) return;
  const rows = pickPerKey(events, (event) => event.data.orderId, "earliest").map(({ data, at }) => ({ ...data, at }));
  // One refund per order: the first one, which is when the buyer got their money back.
  await tx.execute(sql`
    insert into refunds (seller_id, order_id, requested_at, refunded_at)
    select o.seller_id, o.id, j."requestedAt", j.at
    from json_to_recordset(${json(rows)}) as j("orderId" text, "requestedAt" timestamptz, at timestamptz)
    join orders o on o.external_id = j."orderId"
    on conflict (order_id) do update set requested_at = excluded.requested_at, refunded_at = excluded.refunded_at
    where excluded.refunded_at < refunds.refunded_at`);
}
