/**
 * The benchmark portal, generated inside PostgreSQL (per 100k sellers: ≈10M orders, 3M reviews,
 * 5M messages in 2M threads, 13 months before asOf), for `bench:evaluate` and `bench:web`.
 *
 * The data is made with `insert … select … from generate_series(…)`, every random choice a hash of
 * the row's key and the seed (so a seed gives the same portal whatever the plan), and respects
 * what ingestion maintains: an order's status is its latest status change, a review's rating its
 * latest rating change (the first rating included), a thread's started_by / first buyer message /
 * first seller reply follow from its messages. `checkInvariants` verifies exactly that.
 */
import type postgres from "postgres";
import { seconds, timed } from "./measure";

const DAY_MS = 86_400_000;
/** 13 months of data before asOf. */
const SPAN_DAYS = 395;
export const LOADED_TABLES = [
  "sellers",
  "orders",
  "order_status_changes",
  "refunds",
  "reviews",
  "review_rating_changes",
  "review_replies",
  "complaints",
  "message_threads",
  "messages",
] as const;

export type PortalOptions = { sellers: number; seed: number; asOf: Date };
type Sql = postgres.Sql;

// ---------------------------------------------------------------- the portal, generated in SQL

/**
 * The generator's statements, in order. `bench.u(key, salt)` is a uniform [0, 1) hash of a row key,
 * `bench.n` a standard normal one; the staging tables (bench.*_src) hold each object's whole
 * timeline, from which the real tables and their derived columns are written.
 */
function generatorStatements(options: PortalOptions): { step: string; sql: string; counts?: (typeof LOADED_TABLES)[number] }[] {
  const { sellers, seed } = options;
  const end = `'${options.asOf.toISOString()}'::timestamptz`;
  const start = `'${new Date(options.asOf.getTime() - SPAN_DAYS * DAY_MS).toISOString()}'::timestamptz`;
  const spanSeconds = SPAN_DAYS * 86_400;
  const recentStart = `'${new Date(options.asOf.getTime() - 90 * DAY_MS).toISOString()}'::timestamptz`;
  const orders = sellers * 100;
  const buyers = sellers * 30;
  const hours = (expression: string) => `make_interval(secs => 3600 * (${expression}))`;
  /** Nulls an instant at or after the end of the data: it has not happened yet. */
  const happened = (expression: string) => `case when ${expression} < ${end} then ${expression} end`;
  const buyerId = (index: string) => `'B' || lpad((${index})::bigint::text, 9, '0')`;
  return [
    {
      step: "functions",
      sql: `
        create schema bench;
        create function bench.u(k bigint, salt int) returns float8 language sql immutable parallel safe
          as $$ select (hashint8extended(k, ${seed}::bigint * 1000003 + salt) & 9007199254740991)::float8 / 9007199254740992 $$;
        create function bench.n(k bigint, salt int) returns float8 language sql immutable parallel safe
          as $$ select sqrt(-2 * ln(greatest(bench.u(k, salt), 1e-12))) * cos(2 * pi() * bench.u(k, salt + 1000)) $$;
        create function bench.pick(options text[], k bigint, salt int) returns text language sql immutable parallel safe
          as $$ select options[1 + floor(bench.u(k, salt) * array_length(options, 1))::int] $$;
        create function bench.review_text(rating int, k bigint) returns text language sql immutable parallel safe
          as $$ select case
            when rating <= 2 then bench.pick(array['The parcel never arrived and nobody answered my messages.', 'Not as described: the photos show a different colour.',
              'Cancelled after I paid, supposedly out of stock.', 'Broke after a week, poor quality.', 'The price changed after I ordered.'], k, 900)
            when rating = 3 then bench.pick(array['It is fine, nothing special.', 'Delivery took longer than promised.'], k, 900)
            else bench.pick(array['Fast delivery, exactly as described. Thank you!', 'Great seller, would buy again.', 'Good quality for the price.',
              'Well packed and arrived quickly.', 'Friendly seller, answered all my questions.'], k, 900) end $$;`,
    },
    {
      step: "sellers",
      counts: "sellers",
      sql: `
        insert into sellers (id, external_id, name, email, created_at, updated_at) overriding system value
        select i, 'S' || lpad(i::text, 7, '0'), 'Bench shop ' || i, 'shop' || i || '@bench.example', t, t
        from generate_series(1, ${sellers}) i, lateral (select ${start} - interval '1 day' * (60 * bench.u(i, 1)) as t) x`,
    },
    {
      // A few hundred planted bad sellers (high negative and complaint rates all year) and
      // worsened ones (fine until the last 90 days), big enough to be judged; the rest normal,
      // sizes log-normal so some are too small to be eligible.
      step: "seller plan",
      sql: `
        create unlogged table bench.seller_plan as
        with drawn as (
          select s.id as seller_id, exp(1.2 * bench.n(s.id, 3)) as weight,
            case when bench.u(s.id, 2) < 0.003 then 'bad' when bench.u(s.id, 2) < 0.005 then 'worsened' else 'normal' end as kind
          from sellers s
        )
        select seller_id, kind,
          greatest(case kind when 'bad' then 250 when 'worsened' then 400 else 0 end, round(${orders} * weight / sum(weight) over ())::int) as n_orders,
          case kind when 'bad' then 0.22 + 0.2 * bench.u(seller_id, 4) else 0.02 + 0.07 * bench.u(seller_id, 4) ^ 2 end as p_negative,
          case kind when 'bad' then 0.22 + 0.2 * bench.u(seller_id, 4) when 'worsened' then 0.30 + 0.15 * bench.u(seller_id, 5)
            else 0.02 + 0.07 * bench.u(seller_id, 4) ^ 2 end as p_negative_recent,
          case kind when 'bad' then 0.06 + 0.06 * bench.u(seller_id, 6) else 0.006 + 0.025 * bench.u(seller_id, 6) ^ 2 end as p_complaint,
          case kind when 'bad' then 0.05 + 0.05 * bench.u(seller_id, 7) else 0.008 + 0.024 * bench.u(seller_id, 7) end as p_cancel,
          case kind when 'bad' then 0.25 + 0.2 * bench.u(seller_id, 8) else 0.02 + 0.14 * bench.u(seller_id, 8) ^ 2 end as p_unanswered,
          -- an exponent on the reply-delay draw: above 1 answers faster, below 1 slower
          case kind when 'bad' then 0.4 else 0.6 + 1.4 * bench.u(seller_id, 9) end as reply_speed,
          case kind when 'bad' then 3.0 else 1.0 end as refund_slowness
        from drawn;
        alter table bench.seller_plan add primary key (seller_id);`,
    },
    {
      // Every order's whole life: placed, then cancelled (by the seller or the buyer) or shipped,
      // delivered and sometimes returned; refunds for returns, some seller cancellations and a few
      // delivered orders. Instants at or after asOf are nulled: they have not happened yet.
      step: "order timelines",
      sql: `
        create unlogged table bench.order_src as
        with plan as (
          select p.*, sum(p.n_orders) over (order by p.seller_id) - p.n_orders as first_key from bench.seller_plan p
        ),
        drawn as (
          select p.seller_id, p.first_key + k as key, p.p_cancel, p.refund_slowness,
            ${start} + make_interval(secs => ${spanSeconds} * bench.u(p.first_key + k, 10)) as placed_at,
            case when bench.u(p.first_key + k, 11) < 0.12
              -- one of the seller's regulars: the same buyers come back, sometimes within days
              then ${buyerId(`1 + floor(bench.u(p.seller_id * 100003 + floor(bench.u(p.first_key + k, 12) * (p.n_orders / 15 + 1))::bigint, 13) * ${buyers})`)}
              else ${buyerId(`1 + floor(bench.u(p.first_key + k, 12) * ${buyers})`)}
            end as buyer_id
          from plan p, generate_series(1, p.n_orders) k
        ),
        timeline as (
          select d.*, bench.u(d.key, 20) as fate,
            case when bench.u(d.key, 20) < d.p_cancel then d.placed_at + ${hours("2 + 70 * bench.u(d.key, 21)")} end as cs_at,
            case when bench.u(d.key, 20) >= d.p_cancel and bench.u(d.key, 20) < d.p_cancel + 0.015 then d.placed_at + ${hours("1 + 47 * bench.u(d.key, 21)")} end as cb_at,
            case when bench.u(d.key, 20) >= d.p_cancel + 0.015 then d.placed_at + ${hours("4 + 68 * bench.u(d.key, 21)")} end as ship_at
          from drawn d
        ),
        happened as (
          select t.seller_id, t.key, t.placed_at, t.buyer_id, t.refund_slowness,
            ${happened("t.cs_at")} as cs_at, ${happened("t.cb_at")} as cb_at, ${happened("t.ship_at")} as ship_at,
            ${happened(`t.ship_at + ${hours("24 + 120 * bench.u(t.key, 22)")}`)} as deliv_at,
            ${happened(`case when bench.u(t.key, 23) < 0.015 then t.ship_at + ${hours("24 + 120 * bench.u(t.key, 22)")} + ${hours("48 + 288 * bench.u(t.key, 24)")} end`)} as ret_at
          from timeline t
        ),
        refunded as (
          select h.*,
            case when h.ret_at is not null then h.ret_at
              when h.cs_at is not null and bench.u(h.key, 25) < 0.5 then h.cs_at
              when h.deliv_at is not null and bench.u(h.key, 25) < 0.006 then h.deliv_at + ${hours("24 + 216 * bench.u(h.key, 26)")}
            end as requested_at
          from happened h
        )
        select row_number() over (order by r.placed_at, r.key) as id, r.key, r.seller_id, r.buyer_id, r.placed_at,
          round((5 + 495 * bench.u(r.key, 14) ^ 2)::numeric, 2) as amount,
          case when bench.u(r.key, 15) < 0.85 then 'UAH' when bench.u(r.key, 15) < 0.95 then 'PLN' else 'EUR' end as currency,
          r.cs_at, r.cb_at, r.ship_at, r.deliv_at, r.ret_at,
          case when r.ret_at is not null then 'returned' when r.deliv_at is not null then 'delivered' when r.ship_at is not null then 'shipped'
            when r.cs_at is not null then 'cancelled_by_seller' when r.cb_at is not null then 'cancelled_by_buyer' else 'placed' end as status,
          coalesce(r.ret_at, r.deliv_at, r.ship_at, r.cs_at, r.cb_at) as status_changed_at,
          case when f.refunded_at < ${end} then r.requested_at end as requested_at,
          case when f.refunded_at < ${end} then f.refunded_at end as refunded_at
        from refunded r, lateral (select r.requested_at + ${hours("r.refund_slowness * exp(2.3 + 1.1 * bench.n(r.key, 27))")} as refunded_at) f`,
    },
    {
      step: "orders",
      counts: "orders",
      sql: `
        insert into orders (id, seller_id, external_id, buyer_id, amount, currency, status, placed_at, status_changed_at) overriding system value
        select id, seller_id, 'O' || lpad(id::text, 9, '0'), buyer_id, amount, currency, status::order_status, placed_at, status_changed_at
        from bench.order_src`,
    },
    {
      step: "order status changes",
      counts: "order_status_changes",
      sql: `
        insert into order_status_changes (seller_id, order_id, status, occurred_at)
        select o.seller_id, o.id, v.status::order_status, v.at
        from bench.order_src o
        cross join lateral (values ('shipped', o.ship_at), ('delivered', o.deliv_at), ('returned', o.ret_at),
          ('cancelled_by_seller', o.cs_at), ('cancelled_by_buyer', o.cb_at)) v(status, at)
        where v.at is not null
        order by v.at, o.id`,
    },
    {
      step: "refunds",
      counts: "refunds",
      sql: `
        insert into refunds (seller_id, order_id, requested_at, refunded_at)
        select seller_id, id, requested_at, refunded_at from bench.order_src where refunded_at is not null order by refunded_at, id`,
    },
    {
      // Reviews of orders (cancelled ones more often, and angrier), a few with no purchase behind
      // them (some from buyers seen nowhere else), and buyers reviewing the same seller again
      // within days. Edits (one or two, within 30 days) and removals happen to a few per cent.
      step: "review timelines",
      sql: `
        create unlogged table bench.review_src as
        with firsts as (
          select o.key * 4 as rkey, o.seller_id, o.buyer_id, o.id as order_id, o.cs_at is not null as after_cancel, o.key,
            coalesce(o.deliv_at, o.cs_at, o.cb_at, o.placed_at + interval '5 days') + ${hours("1 + 480 * bench.u(o.key, 41)")} as posted_at
          from bench.order_src o
          where bench.u(o.key, 40) < case when o.cs_at is not null then 0.6 else 0.28 end
        ),
        drafts as (
          select rkey, seller_id, buyer_id, order_id, after_cancel, posted_at from firsts
          union all
          select rkey + 2, seller_id, buyer_id, order_id, after_cancel, posted_at + ${hours("1 + 143 * bench.u(key, 46)")}
          from firsts where bench.u(key, 45) < 0.02
          union all
          select o.key * 4 + 1, o.seller_id, ${buyerId(`1 + floor(bench.u(o.key, 43) * ${Math.round(buyers * 1.1)})`)}, null, false,
            o.placed_at + ${hours("1 + 240 * bench.u(o.key, 44)")}
          from bench.order_src o where bench.u(o.key, 42) < 0.005
        ),
        rated as (
          select d.*,
            bench.u(d.rkey, 50) < case when d.after_cancel then 0.6 when d.posted_at >= ${recentStart} then p.p_negative_recent else p.p_negative end as is_negative
          from drafts d join bench.seller_plan p using (seller_id)
          where d.posted_at < ${end}
        ),
        edited as (
          select r.*,
            case when r.is_negative then 1 + floor(2 * bench.u(r.rkey, 51))
              when bench.u(r.rkey, 51) < 0.08 then 3 when bench.u(r.rkey, 51) < 0.33 then 4 else 5 end::int as rating0,
            case when bench.u(r.rkey, 52) < 0.03 then r.posted_at + ${hours("24 + 696 * bench.u(r.rkey, 53)")} end as edit1_at,
            case when r.is_negative then 4 + floor(2 * bench.u(r.rkey, 54)) else 1 + floor(2 * bench.u(r.rkey, 54)) end::int as rating1,
            1 + floor(5 * bench.u(r.rkey, 55))::int as rating2,
            case when bench.u(r.rkey, 56) < 0.025 then r.posted_at + ${hours("1 + 1440 * bench.u(r.rkey, 57)")} end as removed_at
          from rated r
        ),
        happened as (
          select e.rkey, e.seller_id, e.buyer_id, e.order_id, e.posted_at, e.rating0, e.rating1, e.rating2,
            ${happened("e.edit1_at")} as edit1_at,
            ${happened(`case when bench.u(e.rkey, 58) < 0.1 then e.edit1_at + ${hours("24 + 216 * bench.u(e.rkey, 59)")} end`)} as edit2_at,
            ${happened("e.removed_at")} as removed_at,
            case when bench.u(e.rkey, 60) < 0.7 then 'buyer' else 'moderator' end as removed_by
          from edited e
        )
        select row_number() over (order by h.posted_at, h.rkey) as id, h.*,
          case when h.edit2_at is not null then h.rating2 when h.edit1_at is not null then h.rating1 else h.rating0 end as rating,
          coalesce(h.edit2_at, h.edit1_at) as edited_at
        from happened h`,
    },
    {
      step: "reviews",
      counts: "reviews",
      sql: `
        insert into reviews (id, seller_id, external_id, buyer_id, order_id, rating, text, posted_at, edited_at, removed_at, removed_by) overriding system value
        select id, seller_id, 'R' || lpad(id::text, 9, '0'), buyer_id, order_id, rating, bench.review_text(rating, rkey), posted_at, edited_at,
          removed_at, case when removed_at is not null then removed_by::review_removed_by end
        from bench.review_src`,
    },
    {
      step: "review rating changes",
      counts: "review_rating_changes",
      sql: `
        insert into review_rating_changes (seller_id, review_id, rating, text, occurred_at)
        select r.seller_id, r.id, v.rating, bench.review_text(v.rating, r.rkey), v.at
        from bench.review_src r
        cross join lateral (values (r.rating0, r.posted_at), (r.rating1, r.edit1_at), (r.rating2, r.edit2_at)) v(rating, at)
        where v.at is not null
        order by v.at, r.id`,
    },
    {
      step: "review replies",
      counts: "review_replies",
      sql: `
        insert into review_replies (seller_id, review_id, body, created_at)
        select seller_id, id, 'We are sorry to hear that. Please write to us so we can put it right.', replied_at
        from bench.review_src, lateral (select posted_at + ${hours("2 + 118 * bench.u(rkey, 70)")} as replied_at) x
        where rating <= 2 and bench.u(rkey, 71) < 0.35 and replied_at < ${end}
        order by replied_at, id`,
    },
    {
      step: "complaints",
      counts: "complaints",
      sql: `
        insert into complaints (id, seller_id, external_id, buyer_id, order_id, reason, text, filed_at) overriding system value
        select id, seller_id, 'C' || lpad(id::text, 9, '0'), buyer_id, order_id, reason, 'Please look into this order.', filed_at
        from (
          select row_number() over (order by c.filed_at, c.key) as id, c.*
          from (
            select o.key, o.seller_id, o.buyer_id, case when bench.u(o.key, 81) < 0.9 then o.id end as order_id,
              bench.pick(array['not delivered', 'not as described', 'cancelled after payment', 'no answer from the seller', 'damaged'], o.key, 82) as reason,
              o.placed_at + ${hours("48 + 432 * bench.u(o.key, 83)")} as filed_at
            from bench.order_src o join bench.seller_plan p using (seller_id)
            where bench.u(o.key, 80) < p.p_complaint + case when o.cs_at is not null then 0.2 else 0 end
          ) c
          where c.filed_at < ${end}
        ) numbered
        order by id`,
    },
    {
      // Conversations about a fifth of the orders. Buyer-started: a question, maybe a reminder
      // (before any reply), the seller's reply (or none), maybe a thanks. Seller-started: an
      // opening, maybe the buyer's answer, maybe the seller's reply to it.
      step: "thread timelines",
      sql: `
        create unlogged table bench.thread_src as
        with drawn as (
          select o.key as tkey, o.seller_id, o.buyer_id, p.p_unanswered, p.reply_speed,
            o.placed_at + ${hours("1 + 119 * bench.u(o.key, 91)")} as t0,
            bench.u(o.key, 92) < 0.15 as seller_started,
            case when bench.u(o.key, 94) ^ p.reply_speed < 0.55 then 0.1 + 5.9 * bench.u(o.key, 95)
              when bench.u(o.key, 94) ^ p.reply_speed < 0.8 then 6 + 24 * bench.u(o.key, 95)
              when bench.u(o.key, 94) ^ p.reply_speed < 0.95 then 30 + 42 * bench.u(o.key, 95)
              else 72 + 128 * bench.u(o.key, 95) end as reply_hours
          from bench.order_src o join bench.seller_plan p using (seller_id)
          where bench.u(o.key, 90) < 0.2
        ),
        planned as (
          select d.*,
            case when not d.seller_started and bench.u(d.tkey, 93) >= d.p_unanswered then d.t0 + ${hours("d.reply_hours")} end as reply_at,
            case when not d.seller_started and bench.u(d.tkey, 96) < 0.5 then d.t0 + ${hours("20 + 40 * bench.u(d.tkey, 97)")} end as reminder_at,
            case when d.seller_started and bench.u(d.tkey, 93) < 0.65 then d.t0 + ${hours("exp(ln(4) + 0.8 * bench.n(d.tkey, 98))")} end as answer_at
          from drawn d
          where d.t0 < ${end}
        ),
        happened as (
          select p.tkey, p.seller_id, p.buyer_id, p.seller_started, p.t0,
            -- buyer-started
            ${happened("case when p.reply_at is null or p.reminder_at < p.reply_at then p.reminder_at end")} as reminder_at,
            ${happened("p.reply_at")} as reply_at,
            ${happened(`case when bench.u(p.tkey, 99) < 0.45 then p.reply_at + interval '1 minute' * (10 + 1430 * bench.u(p.tkey, 100)) end`)} as thanks_at,
            -- seller-started
            ${happened("p.answer_at")} as answer_at,
            ${happened(`case when bench.u(p.tkey, 101) < 0.5 then p.answer_at + ${hours("p.reply_hours")} end`)} as answer_reply_at
          from planned p
        )
        select row_number() over (order by h.t0, h.tkey) as id, h.*,
          case when h.seller_started then 'seller' else 'buyer' end as started_by,
          case when h.seller_started then h.answer_at else h.t0 end as first_buyer_at,
          case when h.seller_started then h.answer_reply_at else h.reply_at end as first_reply_at
        from happened h`,
    },
    {
      step: "message threads",
      counts: "message_threads",
      sql: `
        insert into message_threads (id, seller_id, external_id, buyer_id, started_by, started_at, first_buyer_message_at, first_seller_reply_at) overriding system value
        select id, seller_id, 'T' || lpad(id::text, 9, '0'), buyer_id, started_by::message_sender, t0, first_buyer_at, first_reply_at
        from bench.thread_src`,
    },
    {
      step: "messages",
      counts: "messages",
      sql: `
        insert into messages (seller_id, thread_id, external_id, sender, text, sent_at)
        select seller_id, thread_id, 'M' || lpad((row_number() over (order by at, thread_id, n))::text, 9, '0'), sender::message_sender, text, at
        from (
          select t.seller_id, t.id as thread_id, v.n, v.sender, v.text, v.at
          from bench.thread_src t
          cross join lateral (values
            (1, case when t.seller_started then 'seller' else 'buyer' end,
              case when t.seller_started then 'Your order has shipped; the tracking number is in your account.' else 'Hello, is this still in stock and when can you send it?' end, t.t0),
            (2, 'buyer', 'Hello? I am still waiting for an answer.', t.reminder_at),
            (3, 'seller', 'Yes, it is in stock; we will send it today.', t.reply_at),
            (4, 'buyer', 'Thanks, ok.', t.thanks_at),
            (5, 'buyer', 'Thank you. Can you send it to a parcel locker instead?', t.answer_at),
            (6, 'seller', 'Of course, done.', t.answer_reply_at)
          ) v(n, sender, text, at)
          where v.at is not null
        ) m
        order by at, thread_id, n`,
    },
  ];
}

type Ddl = { drop: string; restore: string };

/**
 * The foreign keys and plain indexes of the loaded tables, dropped for the load and made again
 * after it (the same definitions, from the catalog): one index build beats 10M index inserts, and
 * re-adding a foreign key checks every row at once. Primary keys and unique constraints stay.
 */
async function loadRestorableDdl(tx: postgres.TransactionSql): Promise<{ indexes: Ddl[]; foreignKeys: Ddl[] }> {
  const tables = [...LOADED_TABLES];
  const indexes = await tx<Ddl[]>`
    select format('drop index %I.%I', i.schemaname, i.indexname) as drop, i.indexdef as restore
    from pg_indexes i
    where i.schemaname = 'public' and i.tablename = any(${tables})
      and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`;
  const foreignKeys = await tx<Ddl[]>`
    select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname) as drop,
      format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) as restore
    from pg_constraint c
    where c.contype = 'f' and c.conrelid::regclass::text = any(${tables})`;
  return { indexes: [...indexes], foreignKeys: [...foreignKeys] };
}

/**
 * Loads the whole portal in one transaction that first truncates the tables: with
 * wal_level=minimal (with-postgres.sh --bulk-load) PostgreSQL then writes no WAL for them.
 */
export async function generatePortal(sql: Sql, options: PortalOptions) {
  const steps: Record<string, number> = {};
  const rows: Record<string, number> = {};
  await sql.begin(async (tx) => {
    // JIT would spend seconds compiling the generator's long expressions, for nothing the benchmark measures.
    await tx
      .unsafe(
        `set local work_mem = '1GB'; set local maintenance_work_mem = '2GB'; set local synchronous_commit = off; set local jit = off`,
      )
      .simple();
    await tx.unsafe(`truncate ${LOADED_TABLES.join(", ")} restart identity cascade`);
    const ddl = await loadRestorableDdl(tx);
    for (const { drop } of [...ddl.foreignKeys, ...ddl.indexes]) await tx.unsafe(drop).simple();
    for (const statement of generatorStatements(options)) {
      const { result, ms } = await timed(() => tx.unsafe(statement.sql).simple());
      steps[statement.step] = seconds(ms);
      if (statement.counts) rows[statement.counts] = result.count;
      process.stderr.write(`  load: ${statement.step} ${seconds(ms)} s${statement.counts ? ` (${result.count} rows)` : ""}\n`);
    }
    const restore = await timed(async () => {
      for (const table of ["sellers", "orders", "reviews", "complaints", "message_threads"]) {
        await tx.unsafe(`select setval(pg_get_serial_sequence('${table}', 'id'), greatest((select max(id) from ${table}), 1))`);
      }
      for (const { restore: statement } of [...ddl.indexes, ...ddl.foreignKeys]) await tx.unsafe(statement).simple();
    });
    steps["indexes and foreign keys"] = seconds(restore.ms);
    process.stderr.write(`  load: indexes and foreign keys ${seconds(restore.ms)} s\n`);
    await tx.unsafe(`drop table bench.order_src, bench.review_src, bench.thread_src`);
  });
  const vacuum = await timed(() => sql.unsafe(`vacuum analyze ${LOADED_TABLES.join(", ")}, bench.seller_plan`).simple());
  steps["vacuum analyze"] = seconds(vacuum.ms);
  return { steps, rows };
}

/** What ingestion maintains, verified set-based: each figure counts rows that break the rule (all 0). */
export async function checkInvariants(sql: Sql): Promise<Record<string, number>> {
  const [result] = await sql<Record<string, string>[]>`
    select
      (select count(*) from orders o where (o.status = 'placed') <> (o.status_changed_at is null)) as "ordersPlacedWithHistory",
      (select count(*) from order_status_changes c join orders o on o.id = c.order_id
        where o.status_changed_at is null or c.occurred_at > o.status_changed_at or c.seller_id <> o.seller_id) as "statusChangesAfterOrderStatus",
      (select count(*) from orders o where o.status_changed_at is not null and not exists (
        select 1 from order_status_changes c where c.order_id = o.id and c.occurred_at = o.status_changed_at and c.status = o.status)) as "ordersStatusNotLatestChange",
      (select count(*) from reviews r where not exists (
        select 1 from review_rating_changes c where c.review_id = r.id and c.occurred_at = r.posted_at)) as "reviewsWithoutFirstRating",
      (select count(*) from review_rating_changes c join reviews r on r.id = c.review_id
        where c.occurred_at > coalesce(r.edited_at, r.posted_at) or c.occurred_at < r.posted_at) as "ratingChangesAfterReviewRating",
      (select count(*) from reviews r where not exists (
        select 1 from review_rating_changes c where c.review_id = r.id and c.occurred_at = coalesce(r.edited_at, r.posted_at)
          and c.rating = r.rating and c.text is not distinct from r.text)) as "reviewsRatingNotLatestChange",
      (select count(*) from reviews r join orders o on o.id = r.order_id where o.buyer_id <> r.buyer_id or o.seller_id <> r.seller_id) as "reviewsOfOthersOrders",
      (select count(*) from message_threads t where not exists (select 1 from messages m where m.thread_id = t.id)) as "threadsWithoutMessages",
      (select count(*) from message_threads t join (
        select m.thread_id, min(m.sent_at) as started_at, (array_agg(m.sender order by m.sent_at, m.id))[1] as started_by,
          min(m.sent_at) filter (where m.sender = 'buyer') as first_buyer_at,
          min(m.sent_at) filter (where m.sender = 'seller' and m.sent_at >= t2.first_buyer_message_at) as first_reply_at
        from messages m join message_threads t2 on t2.id = m.thread_id
        group by m.thread_id
      ) m on m.thread_id = t.id
      where (t.started_at, t.started_by, t.first_buyer_message_at, t.first_seller_reply_at)
        is distinct from (m.started_at, m.started_by, m.first_buyer_at, m.first_reply_at)) as "threadsNotMatchingMessages"`;
  return Object.fromEntries(Object.entries(result ?? {}).map(([name, value]) => [name, Number(value)]));
}
