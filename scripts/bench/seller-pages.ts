/**
 * The sellers' side of `npm run bench:web`: seller accounts on the benchmark portal (each signed in
 * as their own seller, some of them with an active case from generate-cases.ts), and a driver that
 * has each seller load a page every few seconds, as people do on a phone — the standing page, their
 * case page and its reviews page, the paths taken from SELLER_PATHS so they follow the app.
 */
import { hash } from "@node-rs/argon2";
import type postgres from "postgres";
import { createRng } from "@/db/seed/random";
import { ARGON2_OPTIONS } from "@/lib/auth/password-policy";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

type Sql = postgres.Sql;

/** A signed-in seller's account; `caseId`: the seller's active case, if any. */
export type SellerAccount = { id: string; email: string; sellerId: number; caseId: number | null };

/** What one paced run measured, in the shape web.ts summarizes. */
export type PacedSamples = { latencies: number[]; bytes: number; non2xx: number; errors: number; timeouts: number };

const SELLER_EMAIL_DOMAIN = "@seller.bench.example";

/**
 * `count` seller accounts, `withCases` of them for sellers with an active case (the lowest case ids,
 * so a seed gives the same ones) and the rest for evaluated sellers without one, in a fixed order of
 * the portal. One password for all, hashed once.
 */
export async function createSellerAccounts(
  sql: Sql,
  params: { count: number; withCases: number; evaluationId: number; password: string },
): Promise<SellerAccount[]> {
  const passwordHash = await hash(params.password, ARGON2_OPTIONS);
  const rows = await sql<{ id: string; email: string; seller_id: string; case_id: string | null }[]>`
    with with_cases as (
      select c.seller_id, c.id as case_id from cases c where c.status <> 'REINSTATED' order by c.id limit ${params.withCases}
    ), without_cases as (
      select es.seller_id, null::bigint as case_id from evaluation_sellers es
      where es.evaluation_id = ${params.evaluationId}
        and not exists (select 1 from cases c where c.seller_id = es.seller_id and c.status <> 'REINSTATED')
      order by md5(es.seller_id::text) limit (${params.count}::int - (select count(*)::int from with_cases))
    ), chosen as (
      select seller_id, case_id, row_number() over (order by case_id nulls last, seller_id) as n
      from (select * from with_cases union all select * from without_cases) s
    ), inserted as (
      insert into users (email, name, password_hash, role, seller_id)
      select 'seller' || lpad(n::text, 3, '0') || ${SELLER_EMAIL_DOMAIN}, 'Bench seller ' || n, ${passwordHash}, 'seller', seller_id
      from chosen order by n
      returning id, email, seller_id
    )
    select i.id, i.email, i.seller_id, c.case_id from inserted i join chosen c using (seller_id) order by i.email`;
  return rows.map(toAccount);
}

/** `--reuse`: the seller accounts made before, with a new password, and their active cases now. */
export async function reuseSellerAccounts(sql: Sql, params: { count: number; password: string }): Promise<SellerAccount[]> {
  const passwordHash = await hash(params.password, ARGON2_OPTIONS);
  const rows = await sql<{ id: string; email: string; seller_id: string; case_id: string | null }[]>`
    with updated as (
      update users set password_hash = ${passwordHash}
      where id in (select id from users where role = 'seller' and email like ${`%${SELLER_EMAIL_DOMAIN}`} order by email limit ${params.count})
      returning id, email, seller_id
    )
    select u.id, u.email, u.seller_id, c.id as case_id
    from updated u left join cases c on c.seller_id = u.seller_id and c.status <> 'REINSTATED'
    order by u.email`;
  if (rows.length < params.count)
    throw new Error(`--reuse: ${rows.length} bench sellers in the database, ${params.count} wanted`);
  return rows.map(toAccount);
}

function toAccount(row: { id: string; email: string; seller_id: string; case_id: string | null }): SellerAccount {
  return {
    id: row.id,
    email: row.email,
    sellerId: Number(row.seller_id),
    caseId: row.case_id === null ? null : Number(row.case_id),
  };
}

/** The seller pages, each with the sellers who can open it and the path each of them opens. */
export const SELLER_PAGES = [
  { name: "/seller (standing)", expect: 'id="summary-heading"', pathOf: () => SELLER_PATHS.standing },
  { name: "/seller/cases/<id>", expect: "<h1", pathOf: (caseId: number) => SELLER_PATHS.case(caseId) },
  { name: "/seller/cases/<id>/reviews", expect: "<h1", pathOf: (caseId: number) => SELLER_PATHS.reviews(caseId) },
] as const;

/** One visit: the seller's session cookie and the path they open. */
export type Visit = { cookie: string; path: string };

/** The visits of a page: every seller for the standing page, only sellers with a case for the case pages. */
export function visitsOf(
  page: (typeof SELLER_PAGES)[number],
  accounts: readonly SellerAccount[],
  cookies: readonly string[],
): Visit[] {
  return accounts.flatMap((account, i) => {
    if (page === SELLER_PAGES[0]) return [{ cookie: cookies[i]!, path: page.pathOf() }];
    return account.caseId === null ? [] : [{ cookie: cookies[i]!, path: page.pathOf(account.caseId) }];
  });
}

/**
 * People's pace for sellers: each visit's seller loads their page every `periodMs`, from a random
 * moment of the first period (seeded), for `durationSeconds`. Latency is from sending the request
 * to the end of the answer's body; a request still open at the end is waited for.
 */
export async function driveSellerVisits(
  baseUrl: string,
  visits: readonly Visit[],
  params: { periodMs: number; durationSeconds: number; seed: number },
): Promise<PacedSamples> {
  const samples: PacedSamples = { latencies: [], bytes: 0, non2xx: 0, errors: 0, timeouts: 0 };
  const random = createRng(params.seed);
  const endAt = performance.now() + params.durationSeconds * 1000;
  const load = async (visit: Visit) => {
    const started = performance.now();
    try {
      const response = await fetch(`${baseUrl}${visit.path}`, {
        headers: { cookie: visit.cookie, accept: "text/html" },
        redirect: "manual",
        signal: AbortSignal.timeout(30_000),
      });
      const body = await response.arrayBuffer();
      samples.latencies.push(performance.now() - started);
      samples.bytes += body.byteLength;
      if (response.status < 200 || response.status > 299) samples.non2xx += 1;
    } catch (error) {
      if (error instanceof DOMException && error.name === "TimeoutError") samples.timeouts += 1;
      else samples.errors += 1;
    }
  };
  await Promise.all(
    visits.map(async (visit) => {
      const pending: Promise<void>[] = [];
      let next = performance.now() + random() * params.periodMs;
      while (next < endAt) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
        pending.push(load(visit));
        next += params.periodMs;
      }
      await Promise.all(pending);
    }),
  );
  samples.latencies.sort((a, b) => a - b);
  return samples;
}
