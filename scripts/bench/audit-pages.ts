/**
 * The admin's audit page in `npm run bench:web`: `--audit-entries` entries added to the benchmark
 * portal's audit trail (lib/audit), admin accounts to read them, and the page's paths under each
 * kind of filter, every filter value one that has entries (a filter that matches nothing is the
 * cheap case). The entries go through the chain's trigger (migration 0001) in one INSERT … SELECT,
 * so seq, prev_hash and hash are what the app would have written and `npm run audit:verify` passes
 * on them: no shortcut that leaves a trail the verifier would call broken.
 */
import { hash } from "@node-rs/argon2";
import type postgres from "postgres";
import { ARGON2_OPTIONS } from "@/lib/auth/password-policy";
import { timed, seconds } from "./measure";

type Sql = postgres.Sql;

const AUDIT_PATH = "/admin/audit";

/** The actions of the generated entries, the common ones repeated (a trail is mostly notes, flags and imports). */
const ACTIONS = [
  "case.note_added",
  "case.note_added",
  "flag.raised",
  "flag.raised",
  "flag.raised",
  "events.imported",
  "case.opened",
  "case.assigned",
  "case.extended",
  "case.reinstated",
  "letter.submitted",
  "letter.accepted",
  "review-signal.confirmed",
  "user.role_changed",
  "auth.sign_in",
];

/**
 * `count` entries spread over the year before `now`, in seq order oldest first: a moderator, the
 * system or an admin acting; the case actions and letters on one of the generated cases (its
 * caseId in `after`, and its seller), the rest on a seller of the portal or on nothing.
 */
export async function generateAuditEntries(sql: Sql, params: { count: number; now: Date }) {
  const generated = await timed(async () => {
    await sql.unsafe(`
      with moderators as (select array_agg(id order by email) as ids, array_agg(email order by email) as emails from users where role = 'moderator'),
           the_cases as (select array_agg(id order by id) as ids, array_agg(seller_id order by id) as sellers from cases),
           the_sellers as (select min(id) as low, max(id) as high from sellers),
           actions as (select array['${ACTIONS.join("', '")}'] as names)
      insert into audit_log (occurred_at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id, seller_id, before, after, reason)
      select '${params.now.toISOString()}'::timestamptz - make_interval(secs => (${params.count} - i) * (31536000.0 / ${params.count})),
             case when kind < 85 then m.ids[1 + i % cardinality(m.ids)] end,
             case when kind < 85 then 'moderator' else 'system' end,
             case when kind < 85 then m.emails[1 + i % cardinality(m.emails)] else 'bench:web' end,
             a.action,
             case when a.is_case then 'case' when a.action like 'flag.%' then 'flag' else split_part(a.action, '.', 1) end,
             case when a.is_case then c.ids[1 + pick % cardinality(c.ids)]::text else (i % 100000)::text end,
             case when a.is_case then c.sellers[1 + pick % cardinality(c.ids)]
                  when kind % 3 = 0 then null
                  else s.low + pick % (s.high - s.low + 1) end,
             case when a.is_case and kind % 2 = 0 then jsonb_build_object('caseId', c.ids[1 + pick % cardinality(c.ids)], 'status', 'EXCLUDED') end,
             case when a.is_case then jsonb_build_object('caseId', c.ids[1 + pick % cardinality(c.ids)], 'status', 'EXTENDED', 'note', 'bench entry ' || i)
                  else jsonb_build_object('n', i) end,
             case when kind % 4 = 0 then 'Benchmark entry ' || i end
      from generate_series(1, ${params.count}) i
      cross join moderators m cross join the_cases c cross join the_sellers s cross join actions
      cross join lateral (select (i * 2654435761::bigint) % 1000003 as pick, (i * 40503::bigint) % 100 as kind) r
      cross join lateral (
        select actions.names[1 + (i * 7919::bigint) % cardinality(actions.names)] as action
      ) x
      cross join lateral (select x.action, x.action like 'case.%' or x.action like 'letter.%' as is_case) a`);
    await sql.unsafe("analyze audit_log");
  });
  const [total] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log`;
  return { entries: total!.n, seconds: seconds(generated.ms) };
}

/** `count` admin accounts sharing the benchmark's password (created, or given it again with --reuse). */
export async function createAdmins(sql: Sql, count: number, password: string) {
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  return sql<{ id: string; email: string }[]>`
    insert into users (email, name, password_hash, role)
    select 'admin' || lpad(i::text, 2, '0') || '@bench.example', 'Bench admin ' || i, ${passwordHash}, 'admin'
    from generate_series(1, ${count}::int) i
    on conflict (email) do update set password_hash = excluded.password_hash
    returning id, email`;
}

const local = (date: Date) => date.toISOString().slice(0, 10);
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * The audit page under each kind of filter, several values each (each an actor, seller or case
 * with entries), read from the generated trail. Targets in web.ts's shape.
 */
export async function auditTargets(sql: Sql, now: Date): Promise<{ name: string; paths: string[]; expect: string }[]> {
  const href = (query: Record<string, string | number>) =>
    `${AUDIT_PATH}?${new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString()}`;
  const busiestActors = await sql<{ email: string }[]>`
    select u.email from users u where u.role = 'moderator' and u.email like '%@bench.example' order by u.email limit 5`;
  const sellers = await sql<{ external_id: string }[]>`
    select s.external_id from sellers s where s.id in (select seller_id from cases order by id limit 5)`;
  const cases = await sql<{ id: string }[]>`select id from cases order by id limit 5`;
  const [deep] = await sql<{ seq: string }[]>`select (max(seq) / 2)::bigint as seq from audit_log`;
  const expect = 'id="verification-heading"';
  return [
    { name: "/admin/audit (no filter; a page deep in)", paths: [AUDIT_PATH, href({ before: deep!.seq })], expect },
    {
      name: "/admin/audit by action",
      paths: ["case.extended", "flag.raised", "user.role_changed"].map((action) => href({ action })),
      expect,
    },
    { name: "/admin/audit by actor", paths: busiestActors.map((actor) => href({ actor: actor.email })), expect },
    { name: "/admin/audit by seller", paths: sellers.map((seller) => href({ seller: seller.external_id })), expect },
    { name: "/admin/audit by case", paths: cases.map((row) => href({ caseId: row.id })), expect },
    {
      name: "/admin/audit by time range",
      paths: [
        href({ from: local(daysBefore(now, 100)), to: local(daysBefore(now, 94)) }),
        href({ from: local(daysBefore(now, 200)), to: local(daysBefore(now, 200)) }),
        href({ from: local(daysBefore(now, 30)) }),
      ],
      expect,
    },
    {
      name: "/admin/audit combined",
      paths: [
        href({ action: "case.note_added", seller: sellers[0]!.external_id }),
        href({ role: "moderator", action: "flag.raised", from: local(daysBefore(now, 60)), to: local(daysBefore(now, 30)) }),
        href({ actor: busiestActors[0]!.email, action: "case.extended" }),
        href({ caseId: cases[0]!.id, action: "case.note_added", from: local(daysBefore(now, 365)) }),
      ],
      expect,
    },
  ];
}
