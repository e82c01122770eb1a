import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { WINDOWS, type QualityWindow } from "@/db/enums";
import type { PolicyParams } from "./policy";
import { QUALITY_METRICS, type QualityMetric } from "./quality-schemas";
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
 * Grouping by `seller_id + 0` rather than `seller_id` for tables whose (seller, time) index does
 * not hold what the pass reads: otherwise the planner may walk the whole table through that index
 * to get rows in seller order, one random heap visit per row — many times slower than a
 * (parallel) sequential scan into a hash aggregate. Orders and reviews are grouped by `seller_id`:
 * their (seller, time) indexes include what is counted (migration 0005), so the scan reads the
 * index alone, already in seller order (SCAN_SETTINGS).
 */
const BY_SELLER = sql.raw("seller_id + 0");

/**
 * For the scans of orders and reviews: read the covering index, not the table. The index-only
 * scan takes about half the time of a sequential scan of the table (orders: 2.8 s against 5–6 s
 * at 10M rows), but the planner's estimates for the two lie close together, and small changes in
 * the aggregates flipped its choice. Sequential scans are only discouraged, not forbidden: with
 * no usable index PostgreSQL still scans the table.
 */
const SCAN_SETTINGS = { enable_seqscan: "off" };

/** `aggregate` over the rows that meet every condition given (none: all rows). */
function filtered(aggregate: SQL, ...conditions: (SQL | null)[]): SQL {
  const present = conditions.filter((condition): condition is SQL => condition !== null);
  return present.length === 0 ? aggregate : sql`${aggregate} filter (where ${sql.join(present, sql` and `)})`;
}

/** `column` lies in the window: start inclusive, end exclusive. */
function inWindow(column: SQL, range: TimeRange): SQL {
  return sql`${column} >= ${instant(range.start)} and ${column} < ${instant(range.end)}`;
}

/** One aggregate per window, named `<name>_<window>`. */
function perWindow(frame: EvaluationFrame, name: string, aggregate: (inRange: (column: SQL) => SQL) => SQL): SQL {
  return sql.join(
    WINDOWS.map(
      (window) =>
        sql`${aggregate((column) => inWindow(column, frame.windows[window]))} as ${sql.identifier(`${name}_${window}`)}`,
    ),
    sql`, `,
  );
}

/**
 * One aggregate per window, named `<name>_<window>`, for a pass whose rows are already limited to
 * [earliest, asOf): a window [start, end) holds the rows from its start on less those from its end
 * on. `aggregate(filter)` aggregates the rows at or after a boundary (`filter` null: all of them).
 * Each such aggregate is one comparison per row instead of a window's two, and PostgreSQL
 * computes it once however many windows share the boundary.
 */
function perWindowFrom(frame: EvaluationFrame, name: string, column: SQL, aggregate: (filter: SQL | null) => SQL): SQL {
  const first = earliest(frame).getTime();
  const from = (boundary: Date): SQL | null => {
    if (boundary.getTime() >= frame.asOf.getTime()) return null; // no row: nothing to take away
    return aggregate(boundary.getTime() <= first ? null : sql`${column} >= ${instant(boundary)}`);
  };
  return sql.join(
    WINDOWS.map((window) => {
      const { start, end } = frame.windows[window];
      const fromStart = from(start) ?? sql`0`;
      const fromEnd = from(end);
      return sql`${fromEnd ? sql`${fromStart} - ${fromEnd}` : fromStart} as ${sql.identifier(`${name}_${window}`)}`;
    }),
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
    select o.seller_id,
      ${perWindowFrom(frame, "orders", sql`o.placed_at`, (from) => filtered(sql`count(*)`, from))},
      ${perWindowFrom(frame, "cancellations", sql`o.placed_at`, (from) => filtered(sql`count(*)`, cancelled, from))}
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
  const posted = sql`r.posted_at`;
  const negativeFrom = (from: SQL | null) => filtered(sql`count(*)`, negative, from);
  return sql`
    create temp table eval_review_stats on commit drop as
    select r.seller_id,
      ${perWindowFrom(frame, "reviews", posted, (from) => filtered(sql`count(*)`, from))},
      ${perWindowFrom(frame, "negative", posted, negativeFrom)},
      ${perWindowFrom(frame, "rating_sum", posted, (from) => sql`coalesce(${filtered(sql`sum(r.rating)`, from)}, 0)`)},
      ${perWindowFrom(frame, "open_negative", posted, negativeFrom)}
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
    negative: {
      should: sql`(r.counts and r.rating_then <= ${negativeMax})::int`,
      counted: sql`(r.rating <= ${negativeMax})::int`,
    },
    rating_sum: { should: sql`case when r.counts then r.rating_then else 0 end`, counted: sql`r.rating` },
    open_negative: {
      should: sql`(r.counts and r.rating_then <= ${negativeMax} and not r.answered)::int`,
      counted: sql`(r.rating <= ${negativeMax})::int`,
    },
  };
  const names = Object.keys(metrics);
  const deltas = names.map((name) => sql`${metrics[name]!.should} - ${metrics[name]!.counted} as ${sql.identifier(`d_${name}`)}`);
  const sums = names.map((name) =>
    perWindow(
      frame,
      name,
      (inRange) => sql`coalesce(sum(r.${sql.identifier(`d_${name}`)}) filter (where ${inRange(sql`r.posted_at`)}), 0)`,
    ),
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

export function complaintStats(frame: EvaluationFrame): TablePass {
  return {
    name: "complaints",
    table: "eval_complaints",
    select: sql`
      select c.${BY_SELLER} as seller_id,
        ${perWindow(frame, "complaints", (inRange) => sql`count(*) filter (where ${inRange(sql`c.filed_at`)})`)}
      from complaints c
      where c.filed_at >= ${instant(earliest(frame))} and c.filed_at < ${instant(frame.asOf)}
      group by 1`,
  };
}

/** The calendar's step: a quarter of an hour, in seconds (and as an SQL literal). */
const CALENDAR_STEP_SECONDS = 900;
const CALENDAR_STEP = sql.raw(String(CALENDAR_STEP_SECONDS));

/** The calendar row (`eval_calendar.slot`) an instant falls in. */
const calendarSlot = (instantColumn: SQL): SQL => sql`floor(date_part('epoch', ${instantColumn}) / ${CALENDAR_STEP})::bigint`;

/**
 * The business calendar around the evaluation, in quarter-hour slots of real (UTC) time: whether
 * the slot lies in a business day of the portal's time zone (Monday–Friday, not a holiday), and
 * how many business seconds passed before it. Business time at an instant t is then
 * `seconds_before + (is_business ? t − slot start : 0)` of t's slot — real elapsed time, so a day
 * with a clock change counts 23 or 25 hours, as lib/quality/business-hours.ts does. Every time
 * zone's offset and clock change falls on a quarter hour, so no slot straddles two local days.
 * The thread pass finds each instant's slot by arithmetic and a hash join on an integer, with no
 * time-zone conversion per thread (~35,000 rows, analyzed).
 */
export function businessCalendar(frame: EvaluationFrame): TablePass {
  const first = Math.floor((earliest(frame).getTime() / 1000 - 2 * DAY_SECONDS) / CALENDAR_STEP_SECONDS);
  const last = Math.ceil((frame.asOf.getTime() / 1000 + 2 * DAY_SECONDS) / CALENDAR_STEP_SECONDS);
  const tz = frame.timeZone;
  const select = sql`
    select slot, is_business,
      ${CALENDAR_STEP} * coalesce(count(*) filter (where is_business)
        over (order by slot rows between unbounded preceding and 1 preceding), 0)::float8 as seconds_before
    from (
      select s.slot,
        extract(isodow from s.day) < 6
          and s.day <> all(array(select json_array_elements_text(${JSON.stringify(frame.params.response.holidays)}::json)::date)) as is_business
      from (
        select g as slot, (to_timestamp(g * ${CALENDAR_STEP}) at time zone ${tz})::date as day
        from generate_series(${sql.raw(String(first))}::bigint, ${sql.raw(String(last))}::bigint) g
      ) s
    ) slots`;
  return { name: "calendar", table: "eval_calendar", select, joinedByLaterPass: true };
}

/** Business seconds (per eval_calendar) at an instant column, joined as calendar alias `c`. */
const businessSecondsAt = (column: SQL, c: string): SQL =>
  sql`(${sql.identifier(c)}.seconds_before + case when ${sql.identifier(c)}.is_business then date_part('epoch', ${column}) - ${sql.identifier(c)}.slot * ${CALENDAR_STEP} else 0 end)`;

/**
 * Threads a buyer started, with the seller's response time in business hours. A reply at or after
 * asOf is no reply yet. An unanswered thread counts against the seller once its on-time limit
 * has passed; one still inside the limit is not judged yet.
 */
export function threadStats(frame: EvaluationFrame): TablePass {
  const asOf = instant(frame.asOf);
  const limit = frame.params.response.onTimeBusinessHours;
  const select = sql`
    with now_business as (
      select ${businessSecondsAt(asOf, "c")} as seconds from eval_calendar c where c.slot = ${calendarSlot(asOf)}
    ),
    threads as (
      select t.seller_id, t.first_buyer_message_at as asked_at,
        case when t.first_seller_reply_at < ${asOf}
          then (${businessSecondsAt(sql`t.first_seller_reply_at`, "cr")} - ${businessSecondsAt(sql`t.first_buyer_message_at`, "ca")}) / 3600
        end as response_hours,
        ((select seconds from now_business) - ${businessSecondsAt(sql`t.first_buyer_message_at`, "ca")}) / 3600 as hours_waited
      from message_threads t
      join eval_calendar ca on ca.slot = ${calendarSlot(sql`t.first_buyer_message_at`)}
      left join eval_calendar cr on cr.slot = ${calendarSlot(sql`t.first_seller_reply_at`)}
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
  return { name: "threads", table: "eval_threads", select };
}

export function refundStats(frame: EvaluationFrame): TablePass {
  const select = sql`
    select f.${BY_SELLER} as seller_id,
      ${perWindow(frame, "refunds", (inRange) => sql`count(*) filter (where ${inRange(sql`f.refunded_at`)})`)},
      ${perWindow(frame, "refund_hours", (inRange) => sql`percentile_cont(0.5) within group (order by date_part('epoch', f.refunded_at - f.requested_at) / 3600) filter (where ${inRange(sql`f.refunded_at`)})`)}
    from refunds f
    where f.refunded_at >= ${instant(earliest(frame))} and f.refunded_at < ${instant(frame.asOf)}
    group by 1`;
  return { name: "refunds", table: "eval_refunds", select };
}

/** The stored metrics of a seller in one window: seller_metrics' columns, in its order. */
const METRICS = [
  "orders",
  "unique_reviews",
  "negative_reviews",
  "negative_review_rate",
  "average_rating",
  "complaints",
  "complaint_rate",
  "seller_cancellations",
  "seller_cancellation_rate",
  "threads",
  "threads_on_time",
  "on_time_response_rate",
  "median_response_hours",
  "refunds",
  "median_refund_hours",
  "open_negative_reviews",
] as const;
type Metric = (typeof METRICS)[number];

/** The stored column of each metric the quality API answers with (and the portal values hold). */
export const QUALITY_METRIC_COLUMNS: Record<QualityMetric, Metric> = {
  orders: "orders",
  uniqueReviews: "unique_reviews",
  negativeReviewRate: "negative_review_rate",
  averageRating: "average_rating",
  complaintRate: "complaint_rate",
  sellerCancellationRate: "seller_cancellation_rate",
  onTimeResponseRate: "on_time_response_rate",
  medianResponseHours: "median_response_hours",
  medianRefundHours: "median_refund_hours",
};

/** eval_metrics' column of one metric in one window. */
const metricColumn = (metric: Metric, window: QualityWindow): string => `${metric}_${window}`;

/** A seller's metrics in one window, computed from the passes' tables (aliases o, r, c, t, f). */
function windowMetrics(window: QualityWindow): Record<Metric, SQL> {
  const pass = (table: string, name: string) => sql`${sql.identifier(table)}.${sql.identifier(`${name}_${window}`)}`;
  const count = (table: string, name: string) => sql`coalesce(${pass(table, name)}, 0)::int`;
  const rate = (part: SQL, whole: SQL) => sql`${part}::float8 / nullif(${whole}, 0)`;
  const orders = count("o", "orders");
  const reviews = count("r", "reviews");
  const negative = count("r", "negative");
  const complaints = count("c", "complaints");
  const cancellations = count("o", "cancellations");
  const threads = count("t", "threads");
  const onTime = count("t", "on_time");
  return {
    orders,
    unique_reviews: reviews,
    negative_reviews: negative,
    negative_review_rate: rate(negative, reviews),
    average_rating: rate(pass("r", "rating_sum"), reviews),
    complaints,
    complaint_rate: rate(complaints, orders),
    seller_cancellations: cancellations,
    seller_cancellation_rate: rate(cancellations, orders),
    threads,
    threads_on_time: onTime,
    on_time_response_rate: rate(onTime, threads),
    median_response_hours: sql`${pass("t", "response")}::float8`,
    refunds: count("f", "refunds"),
    median_refund_hours: sql`${pass("f", "refund_hours")}::float8`,
    open_negative_reviews: count("r", "open_negative"),
  };
}

/**
 * Every seller's metrics in every window, and whether the seller is eligible, as one temporary
 * table with a row per seller (a column per metric and window), in seller order. The stored
 * metrics, the portal values and the flag candidates are all read from it, never back from the
 * permanent tables, which grow by a portal's worth every week.
 */
export function sellerMetricsTable(params: PolicyParams): SQL {
  const columns = WINDOWS.flatMap((window) => {
    const metrics = windowMetrics(window);
    return METRICS.map((metric) => sql`${metrics[metric]} as ${sql.identifier(metricColumn(metric, window))}`);
  });
  const eligible = sql`coalesce(o.orders_year, 0) >= ${sql.raw(String(Number(params.eligibility.minOrders)))}
    and coalesce(r.reviews_year, 0) >= ${sql.raw(String(Number(params.eligibility.minUniqueReviews)))}`;
  return sql`
    create temp table eval_metrics on commit drop as
    select s.id as seller_id, ${eligible} as eligible, ${sql.join(columns, sql`, `)}
    from sellers s
    left join eval_orders o on o.seller_id = s.id
    left join eval_review_stats r on r.seller_id = s.id
    left join eval_complaints c on c.seller_id = s.id
    left join eval_threads t on t.seller_id = s.id
    left join eval_refunds f on f.seller_id = s.id
    order by s.id`;
}

const METRIC_COLUMN_LIST = sql.raw(METRICS.join(", "));

/** eval_metrics (alias m) as a row per seller and window: `cross join lateral` this, as `v`. */
const byWindow = (): SQL => {
  const rows = WINDOWS.map(
    (window) =>
      sql`(${sql.raw(`'${window}'`)}::quality_window, ${sql.join(
        METRICS.map((metric) => sql`m.${sql.identifier(metricColumn(metric, window))}`),
        sql`, `,
      )})`,
  );
  return sql`(values ${sql.join(rows, sql`, `)}) as v("window", ${METRIC_COLUMN_LIST})`;
};

export function insertSellerMetrics(evaluationId: number): SQL {
  // eval_metrics is in seller order and each seller's windows follow in turn, so the rows arrive
  // in primary-key order without a sort: the index grows at its right edge.
  return sql`
    insert into seller_metrics (evaluation_id, seller_id, "window", ${METRIC_COLUMN_LIST})
    select ${evaluationId}, m.seller_id, v."window", ${sql.raw(METRICS.map((metric) => `v.${metric}`).join(", "))}
    from eval_metrics m cross join lateral ${byWindow()}`;
}

/** Eligible: enough orders and unique reviews in the year window to be judged at all. */
export function insertEvaluationSellers(evaluationId: number, flaggedSellerIds: readonly number[]): SQL {
  const flagged = JSON.stringify(flaggedSellerIds.map(Number));
  return sql`
    insert into evaluation_sellers (evaluation_id, seller_id, eligible, flagged)
    select ${evaluationId}, seller_id, eligible, seller_id = any(array(select json_array_elements_text(${flagged}::json)::bigint))
    from eval_metrics order by seller_id`;
}

/** The portal value of each metric in each window: the median over eligible sellers. */
export function insertPortalMetrics(evaluationId: number): SQL {
  const medians = WINDOWS.flatMap((window) =>
    QUALITY_METRICS.map((key) => {
      const column = sql.identifier(metricColumn(QUALITY_METRIC_COLUMNS[key], window));
      return sql`percentile_cont(0.5) within group (order by m.${column}) as ${column}`;
    }),
  );
  const rows = WINDOWS.map(
    (window) =>
      sql`(${sql.raw(`'${window}'`)}::quality_window, jsonb_build_object(${sql.join(
        QUALITY_METRICS.map(
          (key) => sql`${sql.raw(`'${key}'`)}, p.${sql.identifier(metricColumn(QUALITY_METRIC_COLUMNS[key], window))}`,
        ),
        sql`, `,
      )}))`,
  );
  return sql`
    insert into portal_metrics (evaluation_id, "window", eligible_sellers, "values")
    select ${evaluationId}, v."window", p.eligible, v."values"
    from (select count(*) as eligible, ${sql.join(medians, sql`, `)} from eval_metrics m where m.eligible) p
    cross join lateral (values ${sql.join(rows, sql`, `)}) as v("window", "values")`;
}

/** One statement of an evaluation (or of its fake-review signals), run in order by runSqlSteps. */
export type SqlStep = {
  name: string;
  statement: SQL;
  /** The temporary table it makes or changes, analyzed after it. */
  table?: string;
  /** Planner settings for this statement alone (names and values are ours, never user input). */
  settings?: Record<string, string>;
};

/**
 * A pass whose result is one temporary table, `select` stored as `table`: made in the
 * evaluation's transaction, or on a second connection and copied in (runEvaluationPasses).
 */
export type TablePass = {
  name: string;
  table: string;
  select: SQL;
  /** A later pass joins this table, so its statistics are needed where it is made. */
  joinedByLaterPass?: boolean;
};

/** The pass's table, made from its select (or, `withData` false, only its columns). */
export function createPassTable(pass: TablePass, withData = true): SQL {
  return sql`create temp table ${sql.identifier(pass.table)} on commit drop as ${pass.select} ${withData ? sql`` : sql`with no data`}`;
}

export const passStep = (pass: TablePass): SqlStep => ({ name: pass.name, statement: createPassTable(pass), table: pass.table });

/**
 * The passes that scan whole tables — orders, reviews, complaints — with nothing per row but
 * comparisons, so that PostgreSQL splits each across parallel workers.
 */
export function scanSteps(frame: EvaluationFrame): SqlStep[] {
  return [
    { name: "orders", statement: orderStats(frame), settings: SCAN_SETTINGS },
    { name: "reviews", statement: reviewStats(frame), settings: SCAN_SETTINGS },
    passStep(complaintStats(frame)),
  ];
}

/** What sets the scans right (as of asOf, and the unique-rating rule), in order: one process's work each. */
export function correctionSteps(frame: EvaluationFrame): SqlStep[] {
  return [
    { name: "orderStatusCorrections", statement: orderStatusCorrections(frame), table: "eval_orders" },
    { name: "uncountedReviews", statement: uncountedReviews(frame), table: "eval_uncounted_reviews" },
    { name: "reviewCorrections", statement: reviewCorrections(frame), table: "eval_review_stats" },
  ];
}

/**
 * The passes that need nothing of the others, in order (threads read the calendar): one
 * process's work each, so on PostgreSQL they run beside the corrections, on a second connection.
 */
export function independentPasses(frame: EvaluationFrame): TablePass[] {
  return [businessCalendar(frame), threadStats(frame), refundStats(frame)];
}

/** Every pass, one after another: the order PGlite runs them in (runEvaluationPasses). */
export function passSteps(frame: EvaluationFrame): SqlStep[] {
  return [...scanSteps(frame), ...correctionSteps(frame), ...independentPasses(frame).map(passStep)];
}

/** What is made of the passes' tables: the metrics and portal values stored under `evaluationId`. */
export function resultSteps(frame: EvaluationFrame, evaluationId: number): SqlStep[] {
  return [
    { name: "metrics", statement: sellerMetricsTable(frame.params) },
    { name: "sellerMetrics", statement: insertSellerMetrics(evaluationId) },
    { name: "portalMetrics", statement: insertPortalMetrics(evaluationId) },
  ];
}

/**
 * All the evaluation's statements, one after another, as PGlite runs them: the passes, then the
 * metrics and portal values stored under `evaluationId`. (Which sellers are eligible and flagged
 * is stored once the flags are decided: insertEvaluationSellers.)
 */
export function evaluationSteps(frame: EvaluationFrame, evaluationId: number): SqlStep[] {
  return [...passSteps(frame), ...resultSteps(frame, evaluationId)];
}
