import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { PolicyParams } from "./policy";

/**
 * Signals that a review may be fake (SPEC, "Suspected fake reviews"), computed set-based over the
 * reviews posted in [from, asOf) and stored with their reasons. A review keeps a signal once
 * raised (ON CONFLICT DO NOTHING), so a moderator's confirm or clear is never undone by a re-run.
 */

export type SignalFrame = { from: Date; asOf: Date; now: Date; timeZone: string; params: PolicyParams["fakeReviews"] };

const instant = (date: Date): SQL => sql`${date.toISOString()}::timestamptz`;
const DAY_SECONDS = 86_400;

function candidates(frame: SignalFrame): SQL {
  return sql`
    create temp table signal_reviews on commit drop as
    select r.id, r.seller_id, r.buyer_id, r.order_id, r.rating, r.posted_at
    from reviews r
    where r.posted_at >= ${instant(frame.from)} and r.posted_at < ${instant(frame.asOf)}
      and (r.removed_at is null or r.removed_at >= ${instant(frame.asOf)})`;
}

const insertSignals = (select: SQL): SQL => sql`
  insert into review_signals (seller_id, review_id, kind, details, computed_at)
  ${select}
  on conflict (review_id, kind) do nothing`;

/** No order from this buyer to this seller placed before the review. */
function noMatchingPurchase(frame: SignalFrame): SQL {
  return insertSignals(sql`
    select c.seller_id, c.id, 'no_matching_purchase'::fake_signal_kind,
      jsonb_build_object('buyerId', c.buyer_id, 'orderId', o.external_id, 'orderBuyerId', o.buyer_id), ${instant(frame.now)}
    from signal_reviews c
    left join orders o on o.id = c.order_id
    where not exists (
      select 1 from orders p where p.buyer_id = c.buyer_id and p.seller_id = c.seller_id and p.placed_at <= c.posted_at
    )`);
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
  const span = sql`make_interval(secs => ${repeatBuyerDays * DAY_SECONDS})`;
  const from = new Date(frame.from.getTime() - repeatBuyerDays * DAY_SECONDS * 1000);
  return insertSignals(sql`
    select x.seller_id, x.id, 'repeat_buyer'::fake_signal_kind,
      jsonb_build_object('buyerId', x.buyer_id, 'reviewsNearby', x.nearby, 'withinDays', ${repeatBuyerDays}::int), ${instant(frame.now)}
    from (
      select r.id, r.seller_id, r.buyer_id, r.posted_at,
        count(*) over (partition by r.seller_id, r.buyer_id order by r.posted_at range between ${span} preceding and ${span} following) as nearby
      from reviews r
      where r.posted_at >= ${instant(from)} and r.posted_at < ${instant(frame.asOf)}
        and r.seller_id in (select seller_id from signal_reviews)
        and (r.removed_at is null or r.removed_at >= ${instant(frame.asOf)})
    ) x
    join signal_reviews c on c.id = x.id
    where x.nearby >= ${repeatBuyerMinReviews}`);
}

/** A buyer whose only trace on the portal is this one review: no order, complaint, message or other review. */
function singleActivityBuyer(frame: SignalFrame): SQL {
  return insertSignals(sql`
    select c.seller_id, c.id, 'single_activity_buyer'::fake_signal_kind, jsonb_build_object('buyerId', c.buyer_id), ${instant(frame.now)}
    from signal_reviews c
    where not exists (select 1 from orders o where o.buyer_id = c.buyer_id)
      and not exists (select 1 from reviews r where r.buyer_id = c.buyer_id and r.id <> c.id)
      and not exists (select 1 from complaints x where x.buyer_id = c.buyer_id)
      and not exists (select 1 from message_threads t where t.buyer_id = c.buyer_id)`);
}

export function reviewSignalStatements(frame: SignalFrame): SQL[] {
  return [candidates(frame), noMatchingPurchase(frame), fiveStarBurst(frame), repeatBuyer(frame), singleActivityBuyer(frame)];
}
