/**
 * The moderators' side of the benchmark portal, generated in SQL on top of generate-portal.ts's
 * sellers and reviews and an evaluation's metrics: moderator accounts, and cases with what a real
 * case accumulates (lib/cases/open-case.ts, reinstate-case.ts, extend-case.ts, answer-letter.ts,
 * add-case-note.ts): the reviews in scope and the seller's work on them, letters with items and
 * replies, notes, checklist snapshots and decisions, the seller's notifications, the catalog's
 * events (delivered) and an audit entry for every step, so the case page's timeline has data.
 *
 * The mix of `count` cases: 60% reinstated (the older ones; a quarter of them earlier cases of
 * sellers who have an active case again), 25% excluded (a few extended after their re-check) and
 * 15% due for re-check. One active case per seller at most, as the partial unique index wants.
 * Every random choice is `bench.u(key, salt)` (generate-portal.ts), so a seed gives the same cases.
 */
import type postgres from "postgres";
import { seconds, timed } from "./measure";

export type CaseOptions = {
  count: number;
  now: Date;
  evaluationId: number;
  moderators: readonly { id: string; email: string }[];
};
type Sql = postgres.Sql;

/** The tables this adds rows to, counted in the report. */
const CASE_TABLES = [
  "cases",
  "case_reviews",
  "case_review_steps",
  "letters",
  "letter_items",
  "letter_replies",
  "case_notes",
  "checklist_snapshots",
  "case_decisions",
  "notifications",
  "outbox_events",
  "audit_log",
] as const;

const ROOT_CAUSES_SQL = `array['not_in_stock', 'price_changed', 'no_reaction_to_order', 'slow_or_no_contact', 'delivery_cost',
  'description_or_photos_wrong', 'quality_of_goods', 'other']::root_cause[]`;

function caseStatements(options: CaseOptions): { step: string; sql: string }[] {
  const { count } = options;
  const now = `'${options.now.toISOString()}'::timestamptz`;
  const days = (expression: string) => `make_interval(secs => 86400 * (${expression}))`;
  const moderatorIds = `array[${options.moderators.map((moderator) => `'${moderator.id}'`).join(", ")}]::uuid[]`;
  const moderator = (key: string, salt: number) =>
    `(${moderatorIds})[1 + floor(bench.u(${key}, ${salt}) * ${options.moderators.length})::int]`;
  const active = Math.round(count * 0.4);
  const due = Math.round(count * 0.15);
  const repeats = Math.round(count * 0.15);
  const sellersWithCases = count - repeats;
  return [
    {
      // Sellers without an open flag (a seller with an active case is not flagged), those with at
      // least two negative reviews in the year first, in a seeded random order.
      step: "case sellers",
      sql: `
        create unlogged table bench.case_sellers as
        with negatives as (
          select r.seller_id, count(*) as n from reviews r
          where r.posted_at > ${now} - interval '365 days' and r.removed_at is null and r.rating <= 2
          group by r.seller_id
        )
        select s.id as seller_id, s.external_id, row_number() over (order by coalesce(n.n, 0) >= 2 desc, bench.u(s.id, 500)) as rank
        from sellers s left join negatives n on n.seller_id = s.id
        where not exists (select 1 from flags f where f.seller_id = s.id and f.status = 'open');
        delete from bench.case_sellers where rank > ${sellersWithCases};
        alter table bench.case_sellers add primary key (rank);`,
    },
    {
      // Case k: the first 40% active (15% due, the rest excluded, an eighth of those extended), then
      // reinstated ones, then earlier (reinstated) cases of the first sellers.
      step: "case plan",
      sql: `
        create unlogged table bench.case_plan as
        with numbered as (
          select k, case when k <= ${sellersWithCases} then k else k - ${sellersWithCases} end as seller_rank,
            case when k <= ${due} then 'due' when k <= ${active} and bench.u(k, 501) < 0.125 then 'extended' when k <= ${active} then 'excluded'
              when k <= ${sellersWithCases} then 'reinstated' else 'earlier' end as kind
          from generate_series(1, ${count}) k
        ),
        dated as (
          select n.k, n.kind, s.seller_id, s.external_id,
            ${now} - case n.kind when 'excluded' then ${days("13.9 * bench.u(n.k, 502)")} when 'extended' then ${days("15 + 30 * bench.u(n.k, 502)")}
              when 'due' then ${days("14 + 16 * bench.u(n.k, 502)")} when 'reinstated' then ${days("20 + 320 * bench.u(n.k, 502)")}
              else ${days("90 + 270 * bench.u(n.k, 502)")} end as excluded_at
          from numbered n join bench.case_sellers s on s.rank = n.seller_rank
        )
        select d.*,
          case d.kind when 'due' then 'DUE_FOR_RECHECK' when 'excluded' then 'EXCLUDED' when 'extended' then 'EXCLUDED' else 'REINSTATED' end as status,
          case when d.kind = 'extended' then ${now} + ${days("1 + 20 * bench.u(d.k, 503)")} else d.excluded_at + interval '14 days' end as recheck_at,
          d.excluded_at + interval '14 days' + ${days("bench.u(d.k, 504)")} as decided_at,
          case when d.kind in ('reinstated', 'earlier') then d.excluded_at + interval '14 days' + ${days("bench.u(d.k, 504)")} end as reinstated_at,
          case when d.kind in ('reinstated', 'earlier', 'extended') then 2 else 1 end as version,
          ${moderator("d.k", 505)} as opened_by,
          case when d.kind in ('excluded', 'due') and bench.u(d.k, 506) < 0.2 then null else ${moderator("d.k", 507)} end as assigned_to,
          case when bench.u(d.k, 508) < 0.25 then 'Many unanswered negative reviews about missing parcels; buyers complain in messages too.' end as open_reason,
          case d.kind when 'reinstated' then 0.9 when 'earlier' then 0.9 when 'due' then 0.7 when 'extended' then 0.6 else 0.3 + 0.04 * extract(epoch from ${now} - d.excluded_at) / 86400 end as diligence
        from dated d;`,
    },
    {
      // The evidence as open-case.ts freezes it: a LOW_YEAR reason, the seller's and the portal's metrics.
      step: "cases",
      sql: `
        with e as (select id, as_of, policy_version from evaluations where id = ${options.evaluationId}),
        portal as (select json_object_agg(p."window", p."values")::jsonb as portal from portal_metrics p where p.evaluation_id = ${options.evaluationId}),
        metrics as (
          select m.seller_id, json_object_agg(m."window", to_jsonb(m) - 'evaluation_id' - 'seller_id' - 'window')::jsonb as metrics
          from seller_metrics m where m.evaluation_id = ${options.evaluationId} and m.seller_id in (select seller_id from bench.case_sellers)
          group by m.seller_id
        )
        insert into cases (seller_id, status, open_reason, opened_by, excluded_at, recheck_at, evidence, assigned_to, reinstated_at, version,
          policy_version, created_at, updated_at)
        select p.seller_id, p.status::case_status, p.open_reason, p.opened_by, p.excluded_at, p.recheck_at,
          jsonb_build_object('evaluationId', e.id, 'asOf', e.as_of, 'policyVersion', e.policy_version, 'openReason', p.open_reason,
            'metrics', m.metrics, 'portal', portal.portal,
            'reasons', jsonb_build_array(jsonb_build_object('code', 'LOW_YEAR', 'metric', 'negativeReviewRate', 'window', 'year',
              'value', coalesce((m.metrics #>> '{year,negative_review_rate}')::float8, 0), 'intervalLow', null, 'intervalHigh', null,
              'portalValue', coalesce((portal.portal #>> '{year,negativeReviewRate}')::float8, 0),
              'rule', 'lower end of the 95% Wilson interval above max(2 × portal, portal + 0.03)',
              'threshold', greatest(2 * coalesce((portal.portal #>> '{year,negativeReviewRate}')::float8, 0),
                coalesce((portal.portal #>> '{year,negativeReviewRate}')::float8, 0) + 0.03)))),
          p.assigned_to, p.reinstated_at, p.version, e.policy_version, p.excluded_at,
          coalesce(p.reinstated_at, case when p.kind = 'extended' then p.decided_at end, p.excluded_at)
        from bench.case_plan p cross join e cross join portal left join metrics m on m.seller_id = p.seller_id
        order by p.excluded_at, p.k;
        alter table bench.case_plan add column case_id bigint;
        update bench.case_plan p set case_id = c.id
        from cases c where c.seller_id = p.seller_id and c.excluded_at = p.excluded_at;`,
    },
    {
      // Every open negative review of the year before the exclusion, as open-case.ts scopes them;
      // the seller has named causes and resolved most of them by the re-check.
      step: "case reviews",
      sql: `
        insert into case_reviews (case_id, review_id, seller_id, root_cause, root_cause_note, resolution, resolved_at, updated_at)
        select p.case_id, r.id, r.seller_id,
          case when bench.u(r.id, 510) < p.diligence then (${ROOT_CAUSES_SQL})[1 + floor(8 * bench.u(r.id, 511))::int] end,
          case when bench.u(r.id, 510) < p.diligence and bench.u(r.id, 512) < 0.4 then 'The courier lost several parcels that week; we changed courier.' end,
          case when bench.u(r.id, 513) < p.diligence * 0.9 then
            case when bench.u(r.id, 514) < 0.6 then 'resolved_with_buyer' else 'answered_publicly' end::review_resolution end,
          case when bench.u(r.id, 513) < p.diligence * 0.9 then least(p.excluded_at + ${days("1 + 12 * bench.u(r.id, 515)")}, ${now} - interval '1 hour') end,
          least(p.excluded_at + ${days("1 + 12 * bench.u(r.id, 515)")}, ${now} - interval '1 hour')
        from bench.case_plan p
        join reviews r on r.seller_id = p.seller_id and r.posted_at > p.excluded_at - interval '365 days' and r.posted_at <= p.excluded_at
        where r.removed_at is null and r.rating <= 2
          and not exists (select 1 from review_replies rr where rr.review_id = r.id)
        order by p.case_id, r.id;`,
    },
    {
      step: "case review steps",
      sql: `
        insert into case_review_steps (case_id, review_id, seller_id, step, note, created_at)
        select cr.case_id, cr.review_id, cr.seller_id, v.step::resolution_step, v.note, v.at
        from case_reviews cr
        join bench.case_plan p on p.case_id = cr.case_id
        cross join lateral (values
          ('contacted_buyer', 'Wrote to the buyer and offered a replacement.', greatest(p.excluded_at, cr.resolved_at - interval '1 day')),
          (case when cr.resolution = 'answered_publicly' then 'public_reply' when bench.u(cr.review_id, 516) < 0.3 then 'review_edited' end,
            null, cr.resolved_at)
        ) v(step, note, at)
        where cr.resolution is not null and v.step is not null
        order by v.at;`,
    },
    {
      // A letter for about half the cases (most reinstated ones); a draft while the seller is still writing it.
      // Written as drafts with their items, then submitted: a submitted letter's items cannot change (migration 0008).
      step: "letters",
      sql: `
        insert into letters (case_id, seller_id, version, status, created_at, updated_at, submitted_at)
        select p.case_id, p.seller_id, 1, 'draft'::letter_status,
          p.excluded_at + interval '1 day' * bench.u(p.k, 521), least(s.at, ${now}), case when s.at <= ${now} then s.at end
        from bench.case_plan p, lateral (select p.excluded_at + ${days("2 + 8 * bench.u(p.k, 522)")} as at) s
        where bench.u(p.k, 520) < case p.kind when 'reinstated' then 0.7 when 'earlier' then 0.7 when 'due' then 0.6 when 'extended' then 0.6 else 0.2 end
        order by p.case_id;`,
    },
    {
      step: "letter items",
      sql: `
        insert into letter_items (letter_id, seller_id, position, root_cause, problem, solution)
        select l.id, l.seller_id, i, (${ROOT_CAUSES_SQL})[1 + floor(8 * bench.u(l.id * 10 + i, 523))::int],
          'Orders were accepted for goods that were out of stock, and buyers waited for days without an answer.',
          'Stock is now synchronised with the warehouse every hour, and every message is answered within one business day.'
        from letters l, generate_series(1, case when bench.u(l.id, 524) < 0.6 then 3 when bench.u(l.id, 524) < 0.8 then 2 else 4 end) i
        order by l.id, i;`,
    },
    {
      step: "submitted letters",
      sql: `update letters set status = 'submitted' where submitted_at is not null;`,
    },
    {
      step: "letter replies",
      sql: `
        insert into letter_replies (letter_id, case_id, seller_id, moderator_id, verdict, message, created_at)
        select l.id, l.case_id, l.seller_id, coalesce(p.assigned_to, ${moderator("l.id", 526)}),
          case when p.kind in ('reinstated', 'earlier') or bench.u(l.id, 527) < 0.6 then 'accepted' else 'changes_requested' end::letter_verdict,
          'Thank you: the causes are named and the changes are concrete.', r.at
        from letters l
        join bench.case_plan p on p.case_id = l.case_id,
        lateral (select least(l.submitted_at + ${days("0.5 + 4.5 * bench.u(l.id, 528)")}, coalesce(p.reinstated_at, ${now} - interval '1 hour')) as at) r
        where l.status = 'submitted' and r.at > l.submitted_at
          and bench.u(l.id, 525) < case p.kind when 'reinstated' then 1 when 'earlier' then 1 when 'due' then 0.6 when 'extended' then 0.8 else 0.4 end
        order by r.at;`,
    },
    {
      step: "case notes",
      sql: `
        insert into case_notes (case_id, seller_id, author_id, body, created_at)
        select p.case_id, p.seller_id, ${moderator("p.k * 10 + n", 531)}, 'Called the seller: they are replacing the courier and restocking.',
          least(p.excluded_at + ${days("(n + bench.u(p.k * 10 + n, 532)) * 3")}, ${now} - interval '1 hour')
        from bench.case_plan p, generate_series(1, 1 + floor(3 * bench.u(p.k, 533))::int) n
        where bench.u(p.k, 530) < 0.35
        order by 5;`,
    },
    {
      // A decision for every reinstated and extended case, each with the checklist it was made on.
      step: "checklist snapshots and decisions",
      sql: `
        insert into checklist_snapshots (case_id, seller_id, computed_at, items, all_passed)
        select p.case_id, p.seller_id, p.decided_at,
          (select jsonb_agg(jsonb_build_object('key', item, 'isPassed', p.kind <> 'extended' or item <> 'negative_reviews_resolved', 'evidence', '{}'::jsonb))
             from unnest(array['negative_reviews_resolved', 'new_positive_reviews', 'no_suspected_fake_reviews', 'letter_received', 'no_new_negative_feedback']) item),
          p.kind <> 'extended'
        from bench.case_plan p where p.kind in ('reinstated', 'earlier', 'extended')
        order by p.decided_at;
        insert into case_decisions (case_id, seller_id, kind, decided_by, decided_at, case_version, checklist_snapshot_id, overrides, extend_reasons,
          new_recheck_at, message_to_seller)
        select p.case_id, p.seller_id, case when p.kind = 'extended' then 'extend' else 'reinstate' end::decision_kind,
          coalesce(p.assigned_to, p.opened_by), p.decided_at, 1, s.id,
          case when p.kind <> 'extended' and bench.u(p.k, 540) < 0.2
            then '[{"item": "new_positive_reviews", "reason": "Few orders while excluded; the letter and the resolved reviews convince."}]'::jsonb end,
          case when p.kind = 'extended' then array['negative_reviews_unresolved', 'letter_missing_or_not_constructive'] end,
          case when p.kind = 'extended' then p.recheck_at end,
          case when p.kind = 'extended' then 'Please resolve the remaining negative reviews and send the letter again.' end
        from bench.case_plan p join checklist_snapshots s on s.case_id = p.case_id
        where p.kind in ('reinstated', 'earlier', 'extended')
        order by p.decided_at;`,
    },
    {
      step: "notifications",
      sql: `
        insert into notifications (seller_id, case_id, kind, payload, created_at, read_at, email_status)
        select n.seller_id, n.case_id, n.payload ->> 'kind', n.payload, n.at, case when bench.u(n.case_id * 10 + n.nth, 550) < 0.8 then n.at + interval '3 hours' end,
          'skipped'::email_status
        from (
          select p.seller_id, p.case_id, 1 as nth, p.excluded_at as at,
            jsonb_build_object('kind', 'case_opened', 'caseId', p.case_id, 'excludedAt', p.excluded_at, 'recheckAt', p.excluded_at + interval '14 days',
              'reasons', '[]'::jsonb, 'openReason', p.open_reason, 'reviewsInScope', 0, 'steps', '[]'::jsonb) as payload
          from bench.case_plan p
          union all
          select p.seller_id, p.case_id, 2, p.decided_at,
            case when p.kind = 'extended'
              then jsonb_build_object('kind', 'case_extended', 'caseId', p.case_id, 'reasons', '["negative_reviews_unresolved"]'::jsonb, 'recheckAt', p.recheck_at,
                'message', 'Please resolve the remaining negative reviews.')
              else jsonb_build_object('kind', 'case_reinstated', 'caseId', p.case_id, 'reinstatedAt', p.reinstated_at) end
          from bench.case_plan p where p.kind in ('reinstated', 'earlier', 'extended')
          union all
          select r.seller_id, r.case_id, 3, r.created_at,
            jsonb_build_object('kind', 'letter_answered', 'caseId', r.case_id, 'letterId', r.letter_id, 'letterVersion', 1, 'verdict', r.verdict, 'message', r.message)
          from letter_replies r
        ) n
        order by n.at;`,
    },
    {
      step: "outbox events",
      sql: `
        insert into outbox_events (seller_id, type, payload, created_at, attempts, next_attempt_at, delivered_at, last_status)
        select e.seller_id, e.type::outbox_event_type, e.payload, e.at, 1, e.at, e.at + interval '2 seconds', 200
        from (
          select p.seller_id, 'seller.excluded' as type, p.excluded_at as at,
            jsonb_build_object('sellerId', p.external_id, 'caseId', p.case_id, 'excludedSince', p.excluded_at, 'recheckOn', p.excluded_at + interval '14 days') as payload
          from bench.case_plan p
          union all
          select p.seller_id, 'seller.excluded', p.decided_at,
            jsonb_build_object('sellerId', p.external_id, 'caseId', p.case_id, 'excludedSince', p.excluded_at, 'recheckOn', p.recheck_at)
          from bench.case_plan p where p.kind = 'extended'
          union all
          select p.seller_id, 'seller.reinstated', p.reinstated_at,
            jsonb_build_object('sellerId', p.external_id, 'caseId', p.case_id, 'reinstatedAt', p.reinstated_at)
          from bench.case_plan p where p.reinstated_at is not null
        ) e
        order by e.at;`,
    },
    {
      // One statement: the chain trigger (migration 0001) links the rows in the order given.
      step: "audit log",
      sql: `
        with moderators as (select id, email from users where role = 'moderator'),
        entries as (
          select p.excluded_at as at, p.opened_by as actor, 'case.opened' as action, 'case' as entity_type, p.case_id::text as entity_id, p.seller_id,
            null::jsonb as before,
            jsonb_build_object('status', 'EXCLUDED', 'version', 1, 'excludedAt', p.excluded_at, 'recheckAt', p.excluded_at + interval '14 days',
              'reinstatedAt', null, 'assignedTo', p.opened_by, 'flagId', null,
              'reviewsInScope', (select count(*) from case_reviews cr where cr.case_id = p.case_id), 'minimumDays', 14, 'repeat', p.kind = 'earlier') as after,
            p.open_reason as reason
          from bench.case_plan p
          union all
          select p.recheck_at, null, 'case.due_for_recheck', 'case', p.case_id::text, p.seller_id, '{"status": "EXCLUDED"}'::jsonb,
            jsonb_build_object('status', 'DUE_FOR_RECHECK', 'recheckAt', p.recheck_at), null
          from bench.case_plan p where p.kind = 'due'
          union all
          select d.decided_at, d.decided_by, case when d.kind = 'extend' then 'case.extended' else 'case.reinstated' end, 'case', d.case_id::text, d.seller_id,
            jsonb_build_object('status', 'DUE_FOR_RECHECK', 'version', 1),
            jsonb_build_object('status', case when d.kind = 'extend' then 'EXCLUDED' else 'REINSTATED' end, 'version', 2, 'decisionId', d.id),
            coalesce(d.message_to_seller, 'all checklist items passed')
          from case_decisions d
          union all
          select r.created_at, r.moderator_id, 'letter.' || r.verdict::text, 'letter', r.letter_id::text, r.seller_id,
            jsonb_build_object('caseId', r.case_id, 'version', 1, 'answered', false), jsonb_build_object('caseId', r.case_id, 'version', 1, 'verdict', r.verdict),
            r.message
          from letter_replies r
          union all
          select n.created_at, n.author_id, 'case.note_added', 'case', n.case_id::text, n.seller_id, null, jsonb_build_object('noteId', n.id), null
          from case_notes n
        )
        insert into audit_log (occurred_at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id, seller_id, before, after, reason)
        select e.at, e.actor, case when e.actor is null then 'system' else 'moderator' end, coalesce(m.email, 'scheduler'), e.action, e.entity_type,
          e.entity_id, e.seller_id, e.before, e.after, e.reason
        from entries e left join moderators m on m.id = e.actor
        order by e.at, e.action, e.entity_id;`,
    },
  ];
}

/** Loads the cases in one transaction, then refreshes the statistics and visibility maps. */
export async function generateCases(sql: Sql, options: CaseOptions) {
  const steps: Record<string, number> = {};
  await sql.begin(async (tx) => {
    await tx.unsafe(`set local work_mem = '256MB'; set local jit = off`).simple();
    for (const statement of caseStatements(options)) {
      const { ms } = await timed(() => tx.unsafe(statement.sql).simple());
      steps[statement.step] = seconds(ms);
      process.stderr.write(`  cases: ${statement.step} ${seconds(ms)} s\n`);
    }
    await tx.unsafe(`drop table bench.case_sellers, bench.case_plan`);
  });
  const vacuum = await timed(() => sql.unsafe(`vacuum analyze ${CASE_TABLES.join(", ")}, users`).simple());
  steps["vacuum analyze"] = seconds(vacuum.ms);
  return { steps, rows: await countCaseRows(sql) };
}

/** Rows in each of CASE_TABLES. */
export async function countCaseRows(sql: Sql): Promise<Record<string, number>> {
  const counts = await sql.unsafe<{ name: string; rows: string }[]>(
    CASE_TABLES.map((table) => `select '${table}' as name, count(*) as rows from ${table}`).join(" union all "),
  );
  return Object.fromEntries(counts.map((row) => [row.name, Number(row.rows)]));
}
