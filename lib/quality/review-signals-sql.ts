import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { SqlStep } from "./evaluation-sql";
import type { PolicyParams } from "./policy";
import { DAY_SECONDS, instant, secondsInterval } from "./sql-literals";

/**
 * Signals that a review may be fake (SPEC, "Suspected fake reviews"), computed set-based over the
 * reviews posted in [from, asOf) and stored with their reasons. A review keeps a signal once
 * raised (ON CONFLICT DO NOTHING), so a moderator's confirm or clear is never undone by a re-run.
 */

export type SignalFrame = { from: Date; asOf: Date; now: Date; timeZone: string; params: PolicyParams["fakeReviews"] };

function candidates(frame: SignalFrame): SQL {
  return sql`
    create temp table signal_reviews on commit drop as
    select r.id, r.seller_id, r.buyer_id, r.order_id, r.rating, r.posted_at
    from reviews r
    where r.posted_at >= ${instant(frame.from)} and r.posted_at < ${instant(frame.asOf)}
      and (r.removed_at is null or r.removed_at >= ${instant(frame.asOf)})`;
}

/** Stores the signals `select` finds, and answers how many were new (`inserted`). */
const insertSignals = (select: SQL): SQL => sql`
  with inserted as (
    insert into review_signals (seller_id, review_id, kind, details, computed_at)
    ${select}
    on conflict (review_id, kind) do nothing
    returning 1
  )
  select count(*)::int as inserted from inserted`;

/**
 * An earlier purchase from this buyer at this seller, looked up in orders_buyer_idx: one index
 * probe per review. (As an anti-join the planner would hash the whole orders table instead.)
 */
const hasEarlierPurchase = sql`coalesce((select true from orders p where p.buyer_id = c.buyer_id and p.seller_id = c.seller_id and p.placed_at <= c.posted_at limit 1), false)`;

/** No order from this buyer to this seller placed before the review. */
function noMatchingPurchase(frame: SignalFrame): SQL {
  return insertSignals(sql`
    select c.seller_id, c.id, 'no_matching_purchase'::fake_signal_kind,
      jsonb_build_object('buyerId', c.buyer_id, 'orderId', (select o.external_id from orders o where o.id = c.order_id),
        'orderBuyerId', (select o.buyer_id from orders o where o.id = c.order_id)),
      ${instant(frame.now)}
    from signal_reviews c
    where not ${hasEarlierPurchase}`);
}

/**
 * A local day with at least `burstMinReviews` 5-star reviews and `burstMultiplier` times the
 * seller's usual daily rate of 5-star reviews over the `burstBaselineDays` before it.
 */
function fiveStarBurst(frame: SignalFrame): SQL {
  const tz = frame.timeZone;
  const { burstMinReviews, burstMultiplier, burstBaselineDays } = frame.params;
  return insertSignals(sql`
    select c.seller_id, c.id, 'five_star_burst'::fake_signal_kind,
      jsonb_build_object('day', d.day, 'fiveStarReviews', d.five_stars, 'usualDailyRate', round(d.usual::numeric, 3), 'baselineDays', ${burstBaselineDays}::int),
      ${instant(frame.now)}
    from (
      select days.*, (
        select count(*) from reviews r
        where r.seller_id = days.seller_id and r.rating = 5
          and r.posted_at >= (days.day::timestamp at time zone ${tz}) - make_interval(days => ${burstBaselineDays})
          and r.posted_at < (days.day::timestamp at time zone ${tz})
      )::float8 / ${burstBaselineDays} as usual
      from (
        select seller_id, (posted_at at time zone ${tz})::date as day, count(*) as five_stars
        from signal_reviews where rating = 5
        group by 1, 2 having count(*) >= ${burstMinReviews}
      ) days
    ) d
    join signal_reviews c on c.seller_id = d.seller_id and c.rating = 5 and (c.posted_at at time zone ${tz})::date = d.day
    where d.five_stars >= ${burstMultiplier} * d.usual`);
}

/** At least `repeatBuyerMinReviews` reviews from one buyer to one seller within `repeatBuyerDays` either side. */
function repeatBuyer(frame: SignalFrame): SQL {
  const { repeatBuyerMinReviews, repeatBuyerDays } = frame.params;
  const span = secondsInterval(repeatBuyerDays * DAY_SECONDS);
  // A range scan of reviews_buyer_idx (buyer, seller, time) per review.
  return insertSignals(sql`
    select c.seller_id, c.id, 'repeat_buyer'::fake_signal_kind,
      jsonb_build_object('buyerId', c.buyer_id, 'reviewsNearby', n.nearby, 'withinDays', ${repeatBuyerDays}::int), ${instant(frame.now)}
    from signal_reviews c
    cross join lateral (
      select count(*) as nearby from reviews r
      where r.buyer_id = c.buyer_id and r.seller_id = c.seller_id
        and r.posted_at between c.posted_at - ${span} and c.posted_at + ${span}
        and r.posted_at < ${instant(frame.asOf)}
        and (r.removed_at is null or r.removed_at >= ${instant(frame.asOf)})
    ) n
    where n.nearby >= ${repeatBuyerMinReviews}`);
}

/**
 * A buyer whose only trace on the portal is this one review: no order, complaint, message or
 * other review. Such a review has no earlier purchase either, so only the reviews with a
 * no_matching_purchase signal (raised just before, or earlier) are looked at; for each, every
 * check is an index probe that stops at the first row found.
 */
function singleActivityBuyer(frame: SignalFrame): SQL {
  const none = (table: string, extra = "") =>
    sql.raw(`not coalesce((select true from ${table} x where x.buyer_id = c.buyer_id ${extra} limit 1), false)`);
  return insertSignals(sql`
    select c.seller_id, c.id, 'single_activity_buyer'::fake_signal_kind, jsonb_build_object('buyerId', c.buyer_id), ${instant(frame.now)}
    from (
      select c.* from signal_reviews c
      join review_signals unmatched on unmatched.review_id = c.id and unmatched.kind = 'no_matching_purchase'
      -- A fence: the few reviews first, then the probes (not the probes for every review, then the join).
      offset 0
    ) c
    where ${none("orders")} and ${none("reviews", "and x.id <> c.id")} and ${none("complaints")} and ${none("message_threads")}`);
}

export function reviewSignalSteps(frame: SignalFrame): SqlStep[] {
  return [
    { name: "signalReviews", statement: candidates(frame), table: "signal_reviews" },
    { name: "noMatchingPurchase", statement: noMatchingPurchase(frame) },
    { name: "fiveStarBurst", statement: fiveStarBurst(frame) },
    { name: "repeatBuyer", statement: repeatBuyer(frame) },
    { name: "singleActivityBuyer", statement: singleActivityBuyer(frame) },
  ];
}
