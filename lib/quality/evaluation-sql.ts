import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { WINDOWS, type QualityWindow } from "@/db/enums";
import type { PolicyParams } from "./policy";
import { DAY_SECONDS, instant, secondsInterval } from "./sql-literals";
import type { TimeRange } from "./windows";

/**
 * The set-based part of an evaluation: each statement makes one pass over one table inside
 * PostgreSQL, counting every window at once with FILTER clauses, into temporary tables that vanish
 * with the transaction. Nothing here leaves the database row by row.
 */

/**
 * How far before the year window reviews are read for the unique-rating rule: a review early in
 * the window may be blocked by a counted one just before it. Only a buyer reviewing the same
 * seller at least every 7 days for this long could make the start of the chain matter.
 */
const UNIQUE_RATING_LOOKBACK_DAYS = 90;

export type EvaluationFrame = {
  asOf: Date;
  windows: Record<QualityWindow, TimeRange>;
  timeZone: string;
  params: PolicyParams;
};

/**
 * Grouping by `seller_id + 0` rather than `seller_id`: otherwise the planner walks a whole table
 * through its (seller, time) index to get rows in seller order, one random heap visit per row —
 * many times slower than a (parallel) sequential scan into a hash aggregate.
 */
const BY_SELLER = sql.raw("seller_id + 0");

/** `column` lies in the window: start inclusive, end exclusive. */
function inWindow(column: SQL, range: TimeRange): SQL {
  return sql`${column} >= ${instant(range.start)} and ${column} < ${instant(range.end)}`;
}

/** One aggregate per window, named `<name>_<window>`. */
function perWindow(frame: EvaluationFrame, name: string, aggregate: (inRange: (column: SQL) => SQL) => SQL): SQL {
  return sql.join(
    WINDOWS.map((window) => sql`${aggregate((column) => inWindow(column, frame.windows[window]))} as ${sql.identifier(`${name}_${window}`)}`),
    sql`, `,
  );
}

function earliest(frame: EvaluationFrame): Date {
  return new Date(Math.min(...WINDOWS.map((window) => frame.windows[window].start.getTime())));
}

/**
 * `column` of the latest row of a history table (order_status_changes, review_rating_changes)
 * before asOf for one owner: one index probe on (owner, occurred_at). Null when it has none.
 */
function historyValueAt(history: string, ownerColumn: string, owner: SQL, column: string, asOf: SQL): SQL {
  return sql`(select c.${sql.identifier(column)} from ${sql.identifier(history)} c
    where c.${sql.identifier(ownerColumn)} = ${owner} and c.occurred_at < ${asOf}
    order by c.occurred_at desc, c.id desc limit 1)`;
}

/** `<name>_<window> = <target>.<name>_<window> + <delta>.<name>_<window>` for every name and window: an UPDATE's SET list. */
function addPerWindow(names: readonly string[], target: string, delta: string): SQL {
  return sql.join(
    WINDOWS.flatMap((window) =>
      names.map((name) => {
        const column = sql.identifier(`${name}_${window}`);
        return sql`${column} = ${sql.identifier(target)}.${column} + ${sql.identifier(delta)}.${column}`;
      }),
    ),
    sql`, `,
  );
}

/** The policy's highest negative rating, as a literal (a number from the policy, never user text). */
const negativeMaxRating = (frame: EvaluationFrame): SQL => sql.raw(String(Number(frame.params.reviews.negativeMaxRating)));

/**
 * Orders placed in the windows, and those the seller cancelled, by the order's current status: one
 * pass over orders with nothing per row but comparisons, so PostgreSQL can split it across
 * parallel workers. The few orders whose status changed at or after asOf are set right after it
 * (orderStatusCorrections).
 */
export function orderStats(frame: EvaluationFrame): SQL {
  const cancelled = sql`o.status = 'cancelled_by_seller'`;
  return sql`
    create temp table eval_orders on commit drop as
    select o.${BY_SELLER} as seller_id,
      ${perWindow(frame, "orders", (inRange) => sql`count(*) filter (where ${inRange(sql`o.placed_at`)})`)},
      ${perWindow(frame, "cancellations", (inRange) => sql`count(*) filter (where ${inRange(sql`o.placed_at`)} and ${cancelled})`)}
    from orders o
    where o.placed_at >= ${instant(earliest(frame))} and o.placed_at < ${instant(frame.asOf)}
    group by 1`;
}

/**
 * An order whose status changed at or after asOf is counted by its status as of asOf: found
 * through the status history's time index, it adds one cancellation where it was cancelled then
 * and takes one away where it is cancelled now. Only the few that are, or were, cancelled by the
 * seller can differ, so only those have their history read (a back-filled run, a week before the
 * latest data, finds hundreds of thousands of changed orders).
 */
export function orderStatusCorrections(frame: EvaluationFrame): SQL {
  const asOf = instant(frame.asOf);
  const statusThen = historyValueAt("order_status_changes", "order_id", sql`o.id`, "status", asOf);
  return sql`
    update eval_orders o set ${addPerWindow(["cancellations"], "o", "d")}
    from (
      select changed.seller_id,
        ${perWindow(frame, "cancellations", (inRange) => sql`coalesce(sum(changed.delta) filter (where ${inRange(sql`changed.placed_at`)}), 0)`)}
      from (
        select o.seller_id, o.placed_at,
          (coalesce(${statusThen}, 'placed') = 'cancelled_by_seller')::int
          - (o.status = 'cancelled_by_seller')::int as delta
        from orders o
        where o.id in (select c.order_id from order_status_changes c where c.occurred_at >= ${asOf})
          and o.placed_at >= ${instant(earliest(frame))} and o.placed_at < ${asOf}
          -- Only an order cancelled by the seller now, or before asOf, can count differently.
          and (o.status = 'cancelled_by_seller' or exists (
            select 1 from order_status_changes k where k.order_id = o.id and k.status = 'cancelled_by_seller' and k.occurred_at < ${asOf}))
      ) changed
      group by changed.seller_id
    ) d
    where d.seller_id = o.seller_id`;
}

/** A review counts towards the rating if it stood at asOf: posted before it and not removed by then. */
const standingAt = (asOf: SQL): SQL => sql`r.posted_at < ${asOf} and (r.removed_at is null or r.removed_at >= ${asOf})`;

/**
 * The reviews the seller dealt with before asOf — answered publicly, or resolved in a case — each
 * once, to be left-joined as `answered` on `answered.review_id = r.id`.
 */
const answeredReviews = (asOf: SQL): SQL => sql`(
  select review_id from review_replies where created_at < ${asOf}
  union select review_id from case_reviews where resolution is not null and resolved_at < ${asOf})`;

/**
 * Reviews in the windows, negative ones and their rating sum — every standing review counted, by
 * its current rating, and every negative one as not dealt with: one pass over reviews with nothing
 * per row but comparisons, so PostgreSQL can split it across parallel workers. reviewCorrections
 * then sets right the few reviews this counts wrongly. (`open_negative` starts as the same
 * aggregate as `negative`, which PostgreSQL computes once.)
 */
export function reviewStats(frame: EvaluationFrame): SQL {
  const negative = sql`r.rating <= ${negativeMaxRating(frame)}`;
  return sql`
    create temp table eval_review_stats on commit drop as
    select r.${BY_SELLER} as seller_id,
      ${perWindow(frame, "reviews", (inRange) => sql`count(*) filter (where ${inRange(sql`r.posted_at`)})`)},
      ${perWindow(frame, "negative", (inRange) => sql`count(*) filter (where ${inRange(sql`r.posted_at`)} and ${negative})`)},
      ${perWindow(frame, "rating_sum", (inRange) => sql`coalesce(sum(r.rating) filter (where ${inRange(sql`r.posted_at`)}), 0)`)},
      ${perWindow(frame, "open_negative", (inRange) => sql`count(*) filter (where ${inRange(sql`r.posted_at`)} and ${negative})`)}
    from reviews r
    where r.posted_at >= ${instant(earliest(frame))} and ${standingAt(instant(frame.asOf))}
    group by 1`;
}

/**
 * The unique-rating rule: per buyer and seller, a review counts only if no *counted* review from
 * that buyer to that seller lies in the N days before it. A review with no other from the same
 * buyer within N days before it simply counts; only chains of reviews closer together need the
 * greedy fold `cg_last_counted_review` (migration 0003), under which a review counts when the
 * fold's value moves to it. This statement keeps the reviews in the windows that do not count.
 *
 */
export function uncountedReviews(frame: EvaluationFrame): SQL {
  const asOf = instant(frame.asOf);
  const gap = secondsInterval(frame.params.reviews.uniqueRatingDays * DAY_SECONDS);
  const from = new Date(earliest(frame).getTime() - UNIQUE_RATING_LOOKBACK_DAYS * DAY_SECONDS * 1000);
  // The order of reviews_buyer_idx (buyer, seller, time, id; removed_at included), so the first
  // window reads the index alone, already in order, with no sort of the whole portal's reviews.
  const pair = (t: string) => sql.raw(`(partition by ${t}.buyer_id, ${t}.seller_id order by ${t}.posted_at, ${t}.id)`);
  return sql`
    create temp table eval_uncounted_reviews on commit drop as
    select folded.id from (
      select chained.id, chained.posted_at, chained.last_counted, lag(chained.last_counted) over ${pair("chained")} as previous_last_counted
      from (
        select b.*, cg_last_counted_review(b.posted_at, ${gap}) over ${pair("b")} as last_counted
        from (
          select r.id, r.buyer_id, r.seller_id, r.posted_at, lag(r.posted_at) over ${pair("r")} as prev_at, lead(r.posted_at) over ${pair("r")} as next_at
          from reviews r
          where r.posted_at >= ${instant(from)} and ${standingAt(asOf)}
        ) b
        where (b.prev_at is not null and b.posted_at < b.prev_at + ${gap}) or (b.next_at is not null and b.next_at < b.posted_at + ${gap})
      ) chained
    ) folded
    where not (folded.last_counted = folded.posted_at and folded.previous_last_counted is distinct from folded.last_counted)
      and folded.posted_at >= ${instant(earliest(frame))}`;
}

/**
 * Sets reviewStats right for the reviews it counted wrongly: those the unique-rating rule does not
 * count, those edited at or after asOf (counted with the rating they had at asOf, from the rating
 * history's time index), and negative ones the seller dealt with before asOf. Each adds what it
 * should count minus what reviewStats counted for it.
 */
export function reviewCorrections(frame: EvaluationFrame): SQL {
  const asOf = instant(frame.asOf);
  const negativeMax = negativeMaxRating(frame);
  /** What a review should count (`should`) and what reviewStats counted for it (`counted`). */
  const metrics: Record<string, { should: SQL; counted: SQL }> = {
    reviews: { should: sql`r.counts::int`, counted: sql`1` },
    negative: { should: sql`(r.counts and r.rating_then <= ${negativeMax})::int`, counted: sql`(r.rating <= ${negativeMax})::int` },
    rating_sum: { should: sql`case when r.counts then r.rating_then else 0 end`, counted: sql`r.rating` },
    open_negative: {
      should: sql`(r.counts and r.rating_then <= ${negativeMax} and not r.answered)::int`,
      counted: sql`(r.rating <= ${negativeMax})::int`,
    },
  };
  const names = Object.keys(metrics);
  const deltas = names.map((name) => sql`${metrics[name]!.should} - ${metrics[name]!.counted} as ${sql.identifier(`d_${name}`)}`);
  const sums = names.map((name) =>
    perWindow(frame, name, (inRange) => sql`coalesce(sum(r.${sql.identifier(`d_${name}`)}) filter (where ${inRange(sql`r.posted_at`)}), 0)`),
  );
  const ratingThen = historyValueAt("review_rating_changes", "review_id", sql`r.id`, "rating", asOf);
  return sql`
    update eval_review_stats s set ${addPerWindow(names, "s", "d")}
    from (
      select r.seller_id, ${sql.join(sums, sql`, `)}
      from (
        select r.seller_id, r.posted_at, ${sql.join(deltas, sql`, `)}
        from (
          select r.seller_id, r.posted_at, r.rating,
            uncounted.id is null as counts,
            case when r.edited_at is null or r.edited_at < ${asOf} then r.rating
              else coalesce(${ratingThen}, r.rating)
            end as rating_then,
            answered.review_id is not null as answered
          from reviews r
          left join eval_uncounted_reviews uncounted on uncounted.id = r.id
          left join ${answeredReviews(asOf)} answered on answered.review_id = r.id
          -- An array, so that the few reviews are fetched by primary key, not found in a scan of all.
          where r.id = any(array(
              select id from eval_uncounted_reviews
              union select review_id from review_rating_changes where occurred_at >= ${asOf}
              union select review_id from ${answeredReviews(asOf)} a))
            and r.posted_at >= ${instant(earliest(frame))} and ${standingAt(asOf)}
          -- A fence: each review's values once, not again in each of the twenty sums that use them.
          offset 0
        ) r
      ) r
      group by r.seller_id
    ) d
    where d.seller_id = s.seller_id`;
}

export function complaintStats(frame: EvaluationFrame): SQL {
  return sql`
    create temp table eval_complaints on commit drop as
    select c.${BY_SELLER} as seller_id,
      ${perWindow(frame, "complaints", (inRange) => sql`count(*) filter (where ${inRange(sql`c.filed_at`)})`)}
    from complaints c
    where c.filed_at >= ${instant(earliest(frame))} and c.filed_at < ${instant(frame.asOf)}
    group by 1`;
}

/**
 * The business calendar around the evaluation: one row per local day in the portal's time zone,
 * whether it is a business day (Monday–Friday, not a holiday), when it starts, and how many
 * business seconds passed before it. Business time at an instant t is then
 * `seconds_before + (is_business ? t − starts_at : 0)` of t's local day — real elapsed time, so a
 * day with a clock change counts 23 or 25 hours, as lib/quality/business-hours.ts does. A few
 * hundred rows, analyzed, so the planner hashes it into the thread scan.
 */
export function businessCalendar(frame: EvaluationFrame): SQL {
  const first = new Date(earliest(frame).getTime() - 2 * DAY_SECONDS * 1000);
  const last = new Date(frame.asOf.getTime() + 2 * DAY_SECONDS * 1000);
  const tz = frame.timeZone;
  return sql`
    create temp table eval_calendar on commit drop as
    select day, starts_at, is_business,
      coalesce(sum(case when is_business then date_part('epoch', ends_at - starts_at) end)
        over (order by day rows between unbounded preceding and 1 preceding), 0) as seconds_before
    from (
      select d.day,
        d.day::timestamp at time zone ${tz} as starts_at,
        (d.day + 1)::timestamp at time zone ${tz} as ends_at,
        extract(isodow from d.day) < 6
          and d.day <> all(array(select json_array_elements_text(${JSON.stringify(frame.params.response.holidays)}::json)::date)) as is_business
      from (
        select generate_series((${instant(first)} at time zone ${tz})::date, (${instant(last)} at time zone ${tz})::date, interval '1 day')::date as day
      ) d
    ) days`;
}

/** Business seconds (per eval_calendar) at an instant column, joined as calendar alias `c`. */
const businessSecondsAt = (column: SQL, c: string): SQL =>
  sql`(${sql.identifier(c)}.seconds_before + case when ${sql.identifier(c)}.is_business then date_part('epoch', ${column} - ${sql.identifier(c)}.starts_at) else 0 end)`;

/**
 * Threads a buyer started, with the seller's response time in business hours. A reply at or after
 * asOf is no reply yet. An unanswered thread counts against the seller once its on-time limit
 * has passed; one still inside the limit is not judged yet.
 */
export function threadStats(frame: EvaluationFrame): SQL {
  const asOf = instant(frame.asOf);
  const tz = frame.timeZone;
  const limit = frame.params.response.onTimeBusinessHours;
  return sql`
    create temp table eval_threads on commit drop as
    with now_business as (
      select ${businessSecondsAt(asOf, "c")} as seconds from eval_calendar c where c.day = (${asOf} at time zone ${tz})::date
    ),
    threads as (
      select t.seller_id, t.first_buyer_message_at as asked_at,
        case when t.first_seller_reply_at < ${asOf}
          then (${businessSecondsAt(sql`t.first_seller_reply_at`, "cr")} - ${businessSecondsAt(sql`t.first_buyer_message_at`, "ca")}) / 3600
        end as response_hours,
        ((select seconds from now_business) - ${businessSecondsAt(sql`t.first_buyer_message_at`, "ca")}) / 3600 as hours_waited
      from message_threads t
      join eval_calendar ca on ca.day = (t.first_buyer_message_at at time zone ${tz})::date
      left join eval_calendar cr on cr.day = (t.first_seller_reply_at at time zone ${tz})::date
      where t.started_by = 'buyer' and t.first_buyer_message_at >= ${instant(earliest(frame))} and t.first_buyer_message_at < ${asOf}
      -- A fence: otherwise the CTE is inlined and both business-hours expressions are evaluated
      -- again in each of the fifteen aggregates and filters below that name them.
      offset 0
    )
    select t.${BY_SELLER} as seller_id,
      ${perWindow(frame, "threads", (inRange) => sql`count(*) filter (where ${inRange(sql`t.asked_at`)} and (t.response_hours is not null or t.hours_waited > ${limit}))`)},
      ${perWindow(frame, "on_time", (inRange) => sql`count(*) filter (where ${inRange(sql`t.asked_at`)} and t.response_hours <= ${limit})`)},
      ${perWindow(frame, "response", (inRange) => sql`percentile_cont(0.5) within group (order by t.response_hours) filter (where ${inRange(sql`t.asked_at`)} and t.response_hours is not null)`)}
    from threads t
    group by 1`;
}

export function refundStats(frame: EvaluationFrame): SQL {
  return sql`
    create temp table eval_refunds on commit drop as
    select f.${BY_SELLER} as seller_id,
      ${perWindow(frame, "refunds", (inRange) => sql`count(*) filter (where ${inRange(sql`f.refunded_at`)})`)},
      ${perWindow(frame, "refund_hours", (inRange) => sql`percentile_cont(0.5) within group (order by date_part('epoch', f.refunded_at - f.requested_at) / 3600) filter (where ${inRange(sql`f.refunded_at`)})`)}
    from refunds f
    where f.refunded_at >= ${instant(earliest(frame))} and f.refunded_at < ${instant(frame.asOf)}
    group by 1`;
}

/**
 * Every seller's metrics in every window, with the rates and the seller's eligibility, as one
 * temporary table. The evaluation's rows, the portal medians and the flag candidates are all read
 * from it, never back from the permanent tables, which grow by a portal's worth every week.
 */
export function sellerMetricsTable(params: PolicyParams): SQL {
  const column = (table: string, name: string, window: QualityWindow, fallback: SQL | null) => {
    const ref = sql`${sql.identifier(table)}.${sql.identifier(`${name}_${window}`)}`;
    return fallback ? sql`coalesce(${ref}, ${fallback})` : ref;
  };
  const rows = WINDOWS.map(
    (window) => sql`(${sql.raw(`'${window}'`)}::quality_window,
      ${column("o", "orders", window, sql`0`)}, ${column("o", "cancellations", window, sql`0`)},
      ${column("r", "reviews", window, sql`0`)}, ${column("r", "negative", window, sql`0`)}, ${sql.identifier("r")}.${sql.identifier(`rating_sum_${window}`)}::float8 / nullif(${column("r", "reviews", window, null)}, 0),
      ${column("r", "open_negative", window, sql`0`)}, ${column("c", "complaints", window, sql`0`)},
      ${column("t", "threads", window, sql`0`)}, ${column("t", "on_time", window, sql`0`)}, ${column("t", "response", window, null)}::float8,
      ${column("f", "refunds", window, sql`0`)}, ${column("f", "refund_hours", window, null)}::float8)`,
  );
  const eligible = sql`coalesce(o.orders_year, 0) >= ${sql.raw(String(Number(params.eligibility.minOrders)))}
    and coalesce(r.reviews_year, 0) >= ${sql.raw(String(Number(params.eligibility.minUniqueReviews)))}`;
  return sql`
    create temp table eval_metrics on commit drop as
    select s.id as seller_id, m.w as "window", ${eligible} as eligible,
      m.orders::int as orders, m.reviews::int as unique_reviews, m.negative::int as negative_reviews,
      m.negative::float8 / nullif(m.reviews, 0) as negative_review_rate, m.rating as average_rating,
      m.complaints::int as complaints, m.complaints::float8 / nullif(m.orders, 0) as complaint_rate,
      m.cancellations::int as seller_cancellations, m.cancellations::float8 / nullif(m.orders, 0) as seller_cancellation_rate,
      m.threads::int as threads, m.on_time::int as threads_on_time, m.on_time::float8 / nullif(m.threads, 0) as on_time_response_rate,
      m.response as median_response_hours, m.refunds::int as refunds, m.refund_hours as median_refund_hours,
      m.open_negative::int as open_negative_reviews
    from sellers s
    left join eval_orders o on o.seller_id = s.id
    left join eval_review_stats r on r.seller_id = s.id
    left join eval_complaints c on c.seller_id = s.id
    left join eval_threads t on t.seller_id = s.id
    left join eval_refunds f on f.seller_id = s.id
    cross join lateral (values ${sql.join(rows, sql`, `)})
      as m(w, orders, cancellations, reviews, negative, rating, open_negative, complaints, threads, on_time, response, refunds, refund_hours)`;
}

const METRIC_COLUMN_LIST = sql.raw(`orders, unique_reviews, negative_reviews, negative_review_rate,
  average_rating, complaints, complaint_rate, seller_cancellations, seller_cancellation_rate, threads, threads_on_time,
  on_time_response_rate, median_response_hours, refunds, median_refund_hours, open_negative_reviews`);

export function insertSellerMetrics(evaluationId: number): SQL {
  return sql`
    insert into seller_metrics (evaluation_id, seller_id, "window", ${METRIC_COLUMN_LIST})
    select ${evaluationId}, seller_id, "window", ${METRIC_COLUMN_LIST} from eval_metrics
    -- In primary-key order: the index then grows at its right edge instead of everywhere at once.
    order by seller_id, "window"`;
}

/** Eligible: enough orders and unique reviews in the year window to be judged at all. */
export function insertEvaluationSellers(evaluationId: number, flaggedSellerIds: readonly number[]): SQL {
  const flagged = JSON.stringify(flaggedSellerIds.map(Number));
  return sql`
    insert into evaluation_sellers (evaluation_id, seller_id, eligible, flagged)
    select ${evaluationId}, seller_id, eligible, seller_id = any(array(select json_array_elements_text(${flagged}::json)::bigint))
    from eval_metrics where "window" = 'year' order by seller_id`;
}

/** The portal value of each metric in each window: the median over eligible sellers. */
export function insertPortalMetrics(evaluationId: number): SQL {
  const median = (column: string) => sql`percentile_cont(0.5) within group (order by m.${sql.identifier(column)})`;
  return sql`
    insert into portal_metrics (evaluation_id, "window", eligible_sellers, "values")
    select ${evaluationId}, w.w, count(m.seller_id), jsonb_build_object(
      'orders', ${median("orders")},
      'uniqueReviews', ${median("unique_reviews")},
      'negativeReviewRate', ${median("negative_review_rate")},
      'averageRating', ${median("average_rating")},
      'complaintRate', ${median("complaint_rate")},
      'sellerCancellationRate', ${median("seller_cancellation_rate")},
      'onTimeResponseRate', ${median("on_time_response_rate")},
      'medianResponseHours', ${median("median_response_hours")},
      'medianRefundHours', ${median("median_refund_hours")})
    from unnest(enum_range(null::quality_window)) as w(w)
    left join eval_metrics m on m."window" = w.w and m.eligible
    group by w.w`;
}

/** One statement of an evaluation (or of its fake-review signals), run in order by runSqlSteps. */
export type SqlStep = {
  name: string;
  statement: SQL;
  /** The temporary table it makes or changes, analyzed after it. */
  table?: string;
};

/**
 * The evaluation's statements in order: the per-table passes, then the metrics and portal values
 * stored under `evaluationId`. (Which sellers are eligible and flagged is stored once the flags
 * are decided: insertEvaluationSellers.)
 */
export function evaluationSteps(frame: EvaluationFrame, evaluationId: number): SqlStep[] {
  return [
    { name: "orders", statement: orderStats(frame) },
    { name: "orderStatusCorrections", statement: orderStatusCorrections(frame), table: "eval_orders" },
    { name: "reviews", statement: reviewStats(frame) },
    { name: "uncountedReviews", statement: uncountedReviews(frame), table: "eval_uncounted_reviews" },
    { name: "reviewCorrections", statement: reviewCorrections(frame), table: "eval_review_stats" },
    { name: "complaints", statement: complaintStats(frame), table: "eval_complaints" },
    { name: "calendar", statement: businessCalendar(frame), table: "eval_calendar" },
    { name: "threads", statement: threadStats(frame), table: "eval_threads" },
    { name: "refunds", statement: refundStats(frame), table: "eval_refunds" },
    { name: "metrics", statement: sellerMetricsTable(frame.params), table: "eval_metrics" },
    { name: "sellerMetrics", statement: insertSellerMetrics(evaluationId) },
    { name: "portalMetrics", statement: insertPortalMetrics(evaluationId) },
  ];
}
