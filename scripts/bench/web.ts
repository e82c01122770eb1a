/**
 * `npm run bench:web -- [--sellers 100000] [--cases 20000] [--duration 30] [--connections 20] [--rate N] [--warm-up 5] [--seed 1]
 *   [--seller-accounts 200] [--seller-cases 50] [--seller-period 5] [--audit-entries 1000000] [--keep] [--reuse]
 *   [--only moderator|seller|audit]`
 *
 * The moderators' workspace under load. Generates the benchmark portal (generate-portal.ts), runs
 * the evaluation of the latest week and its fake-review signals (the open-flag queue), adds
 * `--connections` moderator accounts and `--cases` cases (generate-cases.ts), starts the production
 * server (scripts/serve.mjs, as `npm start`: one process a core unless WEB_CONCURRENCY is set), signs
 * every moderator in through next-auth's credentials endpoint, and drives each page below with
 * autocannon, each connection with its own moderator's session, twice for `--duration` seconds
 * (after `--warm-up` uncounted seconds):
 *
 * - unpaced: `--connections` connections, each sending its next request as soon as it has its
 *   answer — the server's capacity, every connection always waiting. With `--rate N`, N requests a
 *   second in all instead (autocannon starts each second's requests together: a burst of N a second);
 * - at people's pace: `--connections` moderators, each loading a page once a second from a random
 *   moment of the first second (driveModerators).
 *
 * The pages:
 *
 * - the floor: /icon.svg, a static route of the same server (no session, no database);
 * - /moderator/flags, the open-flag queue (lib/cases/list-open-flags.ts);
 * - /moderator/cases, the case list as it opens: active cases by re-check date (lib/cases/list-cases.ts);
 * - /moderator/cases/<id>, the case page (lib/cases/get-case-for-moderator.ts), over cases with about
 *   ten reviews in scope, a submitted letter of three items with its reply, notes and a decision.
 *
 * Then the sellers' pages (seller-pages.ts): `--seller-accounts` sellers, each signed in as their own
 * seller, `--seller-cases` of them with an active case, each loading a page every `--seller-period`
 * seconds from a random moment of the first period: the standing page (lib/sellers/get-seller-standing.ts,
 * every seller), the case page and its reviews page (the sellers with a case, each their own case),
 * each page measured on its own for its p95 and its CPU per request.
 *
 * Then the admin's audit page (audit-pages.ts): `--audit-entries` more entries in the audit trail,
 * written through the chain's trigger, and `--connections` admins, each loading a page once a second
 * (as the moderators above), under each kind of filter: none (and a page deep in), by action, actor,
 * seller, case, time range, and combined — each measured on its own for its p95.
 *
 * Prints a table, then one JSON object: per target requests/s, latency p50/p95/p99, non-2xx
 * responses and errors, CPU seconds per request (client, server, PostgreSQL), and the load
 * average before each run; and each page's lib/ function timed alone (its database part).
 * Target: p95 ≤ 150 ms and no errors. Run through with-postgres.sh; to measure again on a database
 * kept with --keep (loading 100k sellers takes minutes):
 * `DATABASE_URL=<kept> npx tsx --conditions=react-server scripts/bench/web.ts --reuse`, with
 * `--only audit` (or moderator, seller) to measure one group of pages alone.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import autocannon from "autocannon";
import postgres from "postgres";
import { closeDatabase } from "@/db";
import { createRng } from "@/db/seed/random";
import type { UserActor } from "@/lib/auth/actor";
import { ARGON2_OPTIONS } from "@/lib/auth/password-policy";
import { getCaseForModerator } from "@/lib/cases/get-case-for-moderator";
import { listCases } from "@/lib/cases/list-cases";
import { listOpenFlags } from "@/lib/cases/list-open-flags";
import { env } from "@/lib/env";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { defaultAsOf } from "@/lib/quality/windows";
import { getSellerStanding } from "@/lib/sellers/get-seller-standing";
import { auditTargets, createAdmins, generateAuditEntries } from "./audit-pages";
import { countCaseRows, generateCases } from "./generate-cases";
import { generatePortal } from "./generate-portal";
import { describePostgres, openBenchDatabase, quantile, round, seconds, timed } from "./measure";
import { startNextServer, type BenchServer } from "./next-server";
import { childrenOf } from "../lib/processes";
import { findPostmaster, makeCpuProbe, type CpuSample } from "./process-cpu";
import {
  createSellerAccounts,
  driveSellerVisits,
  reuseSellerAccounts,
  SELLER_PAGES,
  visitsOf,
  type SellerAccount,
} from "./seller-pages";

const TARGET_P95_MS = 150;
/** The pause after a run that kept every connection waiting, before the next is measured. */
const SETTLE_MS = 3_000;
const SESSION_COOKIE = "next-auth.session-token";
const BENCH_ACTOR = { kind: "system", label: "bench:web" } as const;

type Options = {
  sellers: number;
  cases: number;
  duration: number;
  connections: number;
  /** Requests per second over all connections; null: each connection sends its next request as soon as it has an answer. */
  rate: number | null;
  warmUp: number;
  seed: number;
  keep: boolean;
  reuse: boolean;
  sellerAccounts: number;
  sellerCases: number;
  sellerPeriodSeconds: number;
  auditEntries: number;
  /** The group of pages measured; null: all of them. */
  only: PageGroup | null;
};
const PAGE_GROUPS = ["moderator", "seller", "audit"] as const;
type PageGroup = (typeof PAGE_GROUPS)[number];
type Sql = postgres.Sql;
type Target = { name: string; paths: string[]; expect: string };

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      sellers: { type: "string", default: "100000" },
      cases: { type: "string", default: "20000" },
      duration: { type: "string", default: "30" },
      connections: { type: "string", default: "20" },
      rate: { type: "string" },
      "warm-up": { type: "string", default: "5" },
      seed: { type: "string", default: "1" },
      "seller-accounts": { type: "string", default: "200" },
      "seller-cases": { type: "string", default: "50" },
      "seller-period": { type: "string", default: "5" },
      "audit-entries": { type: "string", default: "1000000" },
      keep: { type: "boolean", default: false },
      reuse: { type: "boolean", default: false },
      only: { type: "string" },
    },
    strict: true,
  });
  const whole = (name: string, value: string, min: number, max: number) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < min || number > max)
      throw new Error(`--${name} must be a whole number ${min}…${max}, not "${value}"`);
    return number;
  };
  const sellers = whole("sellers", values.sellers, 1000, 10_000_000);
  const sellerAccounts = whole("seller-accounts", values["seller-accounts"], 1, 10_000);
  const only = values.only ?? null;
  if (only !== null && !(PAGE_GROUPS as readonly string[]).includes(only))
    throw new Error(`--only must be one of ${PAGE_GROUPS.join(", ")}, not "${only}"`);
  return {
    sellers,
    cases: whole("cases", values.cases, 100, Math.floor(sellers / 2)),
    duration: whole("duration", values.duration, 1, 3600),
    connections: whole("connections", values.connections, 1, 200),
    rate: values.rate === undefined ? null : whole("rate", values.rate, 1, 100_000),
    warmUp: whole("warm-up", values["warm-up"], 0, 600),
    seed: whole("seed", values.seed, 0, 1_000_000),
    keep: values.keep,
    reuse: values.reuse,
    sellerAccounts,
    sellerCases: whole("seller-cases", values["seller-cases"], 0, sellerAccounts),
    sellerPeriodSeconds: whole("seller-period", values["seller-period"], 1, 600),
    auditEntries: whole("audit-entries", values["audit-entries"], 0, 100_000_000),
    only: only as PageGroup | null,
  };
}

// ---------------------------------------------------------------- moderators and their sessions

/** `count` moderator accounts sharing one password, hashed once (Argon2id is slow on purpose). */
async function createModerators(sql: Sql, count: number, password: string) {
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  return sql<{ id: string; email: string }[]>`
    insert into users (email, name, password_hash, role)
    select 'moderator' || lpad(i::text, 2, '0') || '@bench.example', 'Bench moderator ' || i, ${passwordHash}, 'moderator'
    from generate_series(1, ${count}::int) i
    order by i
    returning id, email`;
}

/** Cookie pairs (`name=value`) from a response's Set-Cookie headers. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

/** Signs in as e2e/fixtures.ts does: the CSRF token, the credentials callback, the session cookie. */
async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  await response.arrayBuffer();
  const session = cookiesOf(response).find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!session) throw new Error(`sign-in of ${email} gave no session cookie (HTTP ${response.status})`);
  const check = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: session } })).json()) as {
    user?: { email?: string };
  };
  if (check.user?.email !== email) throw new Error(`the session of ${email} is not recognised`);
  return session;
}

// ---------------------------------------------------------------- the targets

/**
 * Cases like the "realistic" one — about ten reviews in scope, a submitted letter of three
 * items with its reply, notes and a decision — the closest first (on a small portal the nearest there are).
 */
async function pickCasePages(sql: Sql, count: number) {
  const rows = await sql<{ id: string; reviews: number; notes: number; letter_items: number; status: string }[]>`
    select c.id, cr.n as reviews, cn.n as notes, li.n as letter_items, c.status
    from cases c
    cross join lateral (select count(*)::int as n from case_reviews where case_id = c.id) cr
    cross join lateral (select count(*)::int as n from case_notes where case_id = c.id) cn
    cross join lateral (
      select count(*)::int as n from letters l join letter_replies r on r.letter_id = l.id join letter_items i on i.letter_id = l.id
      where l.case_id = c.id and l.status = 'submitted'
    ) li
    where li.n > 0 and exists (select 1 from case_decisions d where d.case_id = c.id)
    order by abs(cr.n - 10) + abs(li.n - 3) + case when cn.n = 0 then 2 else 0 end, c.id desc
    limit ${count}`;
  if (rows.length === 0) throw new Error("no case with a decision and an answered letter: too few cases (--cases)");
  return rows.map((row) => ({
    caseId: Number(row.id),
    reviewsInScope: row.reviews,
    notes: row.notes,
    letterItems: row.letter_items,
    status: row.status,
  }));
}

/** Every path answers 200 with the page it should be (not the sign-in page) before it is timed. */
async function checkTargets(baseUrl: string, cookie: string, targets: Target[]) {
  for (const target of targets) {
    for (const path of target.paths) {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
      const body = await response.text();
      if (response.status !== 200 || !body.includes(target.expect)) {
        throw new Error(`${path} answered ${response.status} without "${target.expect}": ${body.slice(0, 300)}`);
      }
    }
  }
}

/**
 * The pages' lib/ functions called in this process, one at a time, on the same database: how much
 * of a page's time is its queries (median of `calls` calls after as many uncounted ones).
 */
async function timeQueries(
  moderator: { id: string; email: string },
  caseIds: number[],
  sellers: readonly SellerAccount[],
  calls: number,
) {
  const actor: UserActor = { kind: "user", userId: moderator.id, role: "moderator", sellerId: null, label: moderator.email };
  const sellerActor = (i: number): UserActor => {
    const seller = sellers[i % sellers.length]!;
    return { kind: "user", userId: seller.id, role: "seller", sellerId: seller.sellerId, label: seller.email };
  };
  const work: Record<string, (i: number) => Promise<unknown>> = {
    listOpenFlags: () => listOpenFlags({ actor, filters: {} }),
    listCases: () => listCases({ actor, filters: {}, now: new Date() }),
    getCaseForModerator: (i) => getCaseForModerator({ actor, caseId: caseIds[i % caseIds.length]!, now: new Date() }),
    getSellerStanding: (i) => getSellerStanding({ actor: sellerActor(i), now: new Date() }),
  };
  const medians: Record<string, number> = {};
  for (const [name, call] of Object.entries(work)) {
    for (let i = 0; i < calls; i++) await call(i);
    const times: number[] = [];
    for (let i = 0; i < calls; i++) times.push((await timed(() => call(i))).ms);
    medians[name] = round(
      quantile(
        times.sort((a, b) => a - b),
        0.5,
      ),
    );
  }
  return medians;
}

type RunResult = {
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerResponse: number;
};

type Samples = { latencies: number[]; bytes: number; non2xx: number; errors: number; timeouts: number };

/** One autocannon instance; `requestsFor(n)` gives its n-th connection's requests. */
function cannon(
  baseUrl: string,
  settings: { connections: number; overallRate?: number; connectionRate?: number },
  durationSeconds: number,
  requestsFor: (n: number) => autocannon.Request[],
): Promise<Samples> {
  const samples: Samples = { latencies: [], bytes: 0, non2xx: 0, errors: 0, timeouts: 0 };
  let nextClient = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        ...settings,
        duration: durationSeconds,
        timeout: 30,
        setupClient: (client) => client.setRequests(requestsFor(nextClient++)),
      },
      (error, result) => {
        if (error) return reject(error);
        Object.assign(samples, { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts });
        resolve(samples);
      },
    );
    instance.on("response", (_client, _status, responseBytes, responseTime) => {
      samples.latencies.push(responseTime);
      samples.bytes += responseBytes;
    });
  });
}

function summarize(parts: Samples[], durationSeconds: number): RunResult {
  const latencies = parts.flatMap((part) => part.latencies).sort((a, b) => a - b);
  const requests = latencies.length;
  const sum = (key: "bytes" | "non2xx" | "errors" | "timeouts") => parts.reduce((total, part) => total + part[key], 0);
  return {
    requests,
    requestsPerSecond: round(requests / durationSeconds),
    latencyMs: {
      p50: round(quantile(latencies, 0.5)),
      p95: round(quantile(latencies, 0.95)),
      p99: round(quantile(latencies, 0.99)),
      max: round(latencies.at(-1) ?? 0),
    },
    non2xx: sum("non2xx"),
    errors: sum("errors"),
    timeouts: sum("timeouts"),
    bytesPerResponse: requests === 0 ? 0 : Math.round(sum("bytes") / requests),
  };
}

/** Moderator n's requests: their own session, the paths from their own offset. */
function requestsOf(n: number, paths: string[], cookies: string[]): autocannon.Request[] {
  const cookie = cookies[n % cookies.length]!;
  return paths.map((_, i) => ({ method: "GET", path: paths[(i + n) % paths.length]!, headers: { cookie, accept: "text/html" } }));
}

/** Unpaced (or `--rate` in all): one autocannon run, each connection its own moderator. */
async function drive(
  baseUrl: string,
  paths: string[],
  cookies: string[],
  options: Pick<Options, "connections" | "rate">,
  durationSeconds: number,
): Promise<RunResult> {
  const settings = { connections: options.connections, ...(options.rate === null ? {} : { overallRate: options.rate }) };
  return summarize([await cannon(baseUrl, settings, durationSeconds, (n) => requestsOf(n, paths, cookies))], durationSeconds);
}

/**
 * People's pace: each of `moderators` loads a page once a second — faster than anyone reads a queue
 * or a case — from a random moment of the first second (seeded), so their requests interleave as
 * people's do instead of arriving as one burst. One autocannon instance a moderator: autocannon
 * paces by whole requests a second, and an instance's connections tick together.
 */
async function driveModerators(
  baseUrl: string,
  paths: string[],
  cookies: string[],
  moderators: number,
  durationSeconds: number,
  seed: number,
): Promise<RunResult> {
  const random = createRng(seed);
  const parts = await Promise.all(
    Array.from({ length: moderators }, async (_, n) => {
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 1000)));
      return cannon(baseUrl, { connections: 1, connectionRate: 1 }, durationSeconds, () => requestsOf(n, paths, cookies));
    }),
  );
  return summarize(parts, durationSeconds);
}

function meetsTarget(run: RunResult): boolean {
  return run.latencyMs.p95 <= TARGET_P95_MS && run.non2xx === 0 && run.errors === 0;
}

/** CPU milliseconds per request of each side: steadier than latency on a shared machine. */
function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number) {
  const per = (from: number | null, to: number | null) =>
    from === null || to === null || requests === 0 ? null : round(((to - from) * 1000) / requests);
  return {
    client: per(before.client, after.client),
    server: per(before.server, after.server),
    postgres: per(before.postgres, after.postgres),
  };
}

// ---------------------------------------------------------------- the report

function printTable(results: { target: string; pace: string; run: RunResult }[]) {
  const header = ["target", "pace", "req/s", "p50 ms", "p95 ms", "p99 ms", "non-2xx", "errors"];
  const rows = results.map(({ target, pace, run }) => [
    target,
    pace,
    run.requestsPerSecond.toFixed(1),
    run.latencyMs.p50.toFixed(1),
    run.latencyMs.p95.toFixed(1),
    run.latencyMs.p99.toFixed(1),
    String(run.non2xx),
    String(run.errors),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log([line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n"));
}

/** The portal, its evaluation (the open flags), the moderators and the cases; then a checkpoint. */
async function loadData(sql: Sql, options: Options, password: string) {
  const now = new Date();
  const asOf = defaultAsOf(now, env.PORTAL_TIME_ZONE);
  process.stderr.write(`==> generating ${options.sellers} sellers (seed ${options.seed}, asOf ${asOf.toISOString()})\n`);
  const portal = await timed(() => generatePortal(sql, { sellers: options.sellers, seed: options.seed, asOf }));

  process.stderr.write("==> evaluation and fake-review signals (the open-flag queue)\n");
  const evaluation = await timed(async () => {
    const summary = await runEvaluation({ actor: BENCH_ACTOR, asOf, now: new Date() });
    await computeReviewSignals({ actor: BENCH_ACTOR, evaluationId: summary.evaluationId, now: new Date() });
    return summary;
  });

  process.stderr.write(`==> ${options.connections} moderators and ${options.cases} cases\n`);
  const moderators = await createModerators(sql, options.connections, password);
  const cases = await timed(() =>
    generateCases(sql, { count: options.cases, now, evaluationId: evaluation.result.evaluationId, moderators }),
  );
  process.stderr.write(`==> ${options.sellerAccounts} seller accounts, ${options.sellerCases} of them with an active case\n`);
  const sellers = await createSellerAccounts(sql, {
    count: options.sellerAccounts,
    withCases: options.sellerCases,
    evaluationId: evaluation.result.evaluationId,
    password,
  });
  process.stderr.write(`==> ${options.auditEntries} audit entries, through the chain's trigger\n`);
  const audit = options.auditEntries > 0 ? await generateAuditEntries(sql, { count: options.auditEntries, now }) : null;
  await sql.unsafe("checkpoint");
  return {
    asOf,
    moderators,
    sellers,
    portalRows: portal.result.rows,
    caseRows: cases.result.rows,
    loadSeconds: {
      portal: seconds(portal.ms),
      evaluationAndSignals: seconds(evaluation.ms),
      cases: seconds(cases.ms),
      casesBySteps: cases.result.steps,
      auditEntries: audit?.seconds ?? null,
    },
  };
}

/** `--reuse`: a database loaded before (kept with --keep); the moderators get a new password. */
async function reuseData(sql: Sql, options: Options, password: string) {
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  const moderators = await sql<{ id: string; email: string }[]>`
    update users set password_hash = ${passwordHash}
    where id in (select id from users where role = 'moderator' and email like '%@bench.example' order by email limit ${options.connections})
    returning id, email`;
  if (moderators.length < options.connections)
    throw new Error(`--reuse: ${moderators.length} bench moderators in the database, ${options.connections} wanted`);
  const [evaluation] = await sql<
    { as_of: Date }[]
  >`select as_of from evaluations where status = 'completed' order by as_of desc limit 1`;
  return {
    asOf: evaluation?.as_of ?? null,
    moderators: [...moderators].sort((a, b) => a.email.localeCompare(b.email)),
    sellers: await reuseSellerAccounts(sql, { count: options.sellerAccounts, password }),
    portalRows: null,
    caseRows: await countCaseRows(sql),
    loadSeconds: null,
  };
}

async function main() {
  const options = parseOptions();
  const { url: databaseUrl, sql } = openBenchDatabase("bench:web");
  let server: BenchServer | null = null;
  try {
    const password = `bench-${crypto.randomUUID()}`;
    const data = options.reuse ? await reuseData(sql, options, password) : await loadData(sql, options, password);
    const { moderators, sellers } = data;
    const [openFlags] = await sql<{ n: number }[]>`select count(*)::int as n from flags where status = 'open'`;
    const [activeCases] = await sql<{ n: number }[]>`select count(*)::int as n from cases where status <> 'REINSTATED'`;
    const casePages = await pickCasePages(sql, options.connections);

    process.stderr.write("==> the production server (scripts/serve.mjs)\n");
    server = await startNextServer(databaseUrl, "/icon.svg");
    const cookies: string[] = [];
    for (const moderator of moderators) cookies.push(await signIn(server.baseUrl, moderator.email, password));
    const targets: Target[] = [
      { name: "floor: /icon.svg", paths: ["/icon.svg"], expect: "<svg" },
      { name: "/moderator/flags", paths: ["/moderator/flags"], expect: "/moderator/flags/" },
      { name: "/moderator/cases", paths: ["/moderator/cases"], expect: "/moderator/cases/" },
      {
        name: "/moderator/cases/<id>",
        paths: casePages.map((page) => `/moderator/cases/${page.caseId}`),
        expect: "case-summary-heading",
      },
    ];
    await checkTargets(server.baseUrl, cookies[0]!, targets);
    process.stderr.write(`==> signing in ${sellers.length} sellers\n`);
    const sellerCookies: string[] = [];
    for (const seller of sellers) sellerCookies.push(await signIn(server.baseUrl, seller.email, password));
    process.stderr.write(`==> signing in ${options.connections} admins for the audit page\n`);
    const admins = await createAdmins(sql, options.connections, password);
    const adminCookies: string[] = [];
    for (const admin of admins) adminCookies.push(await signIn(server.baseUrl, admin.email, password));
    const [auditEntries] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log`;
    const auditPages = await auditTargets(sql, new Date());
    await checkTargets(server.baseUrl, adminCookies[0]!, auditPages);
    const sellerPages = SELLER_PAGES.map((page) => ({ page, visits: visitsOf(page, sellers, sellerCookies) }));
    for (const { page, visits } of sellerPages) {
      // Each seller's own page answers 200 before it is timed (the first of them, as for the moderators).
      const first = visits[0];
      if (!first) throw new Error(`${page.name}: no seller to open it (--seller-cases 0?)`);
      await checkTargets(server.baseUrl, first.cookie, [{ name: page.name, paths: [first.path], expect: page.expect }]);
    }
    const queryMsMedian = await timeQueries(
      moderators[0]!,
      casePages.map((page) => page.caseId),
      sellers,
      50,
    );

    const cpu = makeCpuProbe(server.process.pid!, await findPostmaster(sql));
    // The server processes under the primary, as serve.mjs chose them (WEB_CONCURRENCY or the cores).
    const serverProcesses = childrenOf(server.process.pid!).length;
    type Measured = { loadAverage1mBefore: number; run: RunResult; cpuMsPerRequest: ReturnType<typeof cpuPerRequest> };
    const measure = async (label: string, work: () => Promise<RunResult>): Promise<Measured> => {
      const loadAverage1mBefore = round(os.loadavg()[0]!);
      process.stderr.write(`==> ${label} (load average ${loadAverage1mBefore})\n`);
      const cpuBefore = cpu();
      const run = await work();
      return { loadAverage1mBefore, run, cpuMsPerRequest: cpuPerRequest(cpuBefore, cpu(), run.requests) };
    };
    const results: ({ target: string; paths: number; atPeoplesPace: Measured } & Measured)[] = [];
    const measures = (group: PageGroup) => options.only === null || options.only === group;
    for (const target of measures("moderator") ? targets : []) {
      if (options.warmUp > 0) {
        process.stderr.write(`==> ${target.name}: warm-up ${options.warmUp} s\n`);
        await drive(server.baseUrl, target.paths, cookies, options, options.warmUp);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }
      const pace = options.rate === null ? "unpaced" : `${options.rate} requests/s in all`;
      const connections = `${options.connections} connection${options.connections === 1 ? "" : "s"}`;
      const saturated = await measure(`${target.name}: ${options.duration} s, ${connections}, ${pace}`, () =>
        drive(server!.baseUrl, target.paths, cookies, options, options.duration),
      );
      // An unpaced run ends with a line of requests still being answered: let it drain first.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const atPeoplesPace = await measure(
        `${target.name}: ${options.duration} s, ${options.connections} moderators at a page a second each`,
        () => driveModerators(server!.baseUrl, target.paths, cookies, options.connections, options.duration, options.seed),
      );
      results.push({ target: target.name, paths: target.paths.length, ...saturated, atPeoplesPace });
    }

    const sellerResults: ({ target: string; sellers: number } & Measured)[] = [];
    const sellerPace = `a page every ${options.sellerPeriodSeconds} s each`;
    for (const [i, { page, visits }] of measures("seller") ? sellerPages.entries() : []) {
      const drive = () =>
        driveSellerVisits(server!.baseUrl, visits, {
          periodMs: options.sellerPeriodSeconds * 1000,
          durationSeconds: options.duration,
          seed: options.seed + i,
        });
      const measured = await measure(`${page.name}: ${options.duration} s, ${visits.length} sellers at ${sellerPace}`, async () =>
        summarize([await drive()], options.duration),
      );
      sellerResults.push({ target: page.name, sellers: visits.length, ...measured });
    }

    const auditResults: ({ target: string; paths: string[] } & Measured)[] = [];
    for (const [i, target] of measures("audit") ? auditPages.entries() : []) {
      if (options.warmUp > 0) {
        await driveModerators(server.baseUrl, target.paths, adminCookies, options.connections, options.warmUp, options.seed + i);
      }
      const measured = await measure(
        `${target.name}: ${options.duration} s, ${options.connections} admins at a page a second each`,
        () =>
          driveModerators(server!.baseUrl, target.paths, adminCookies, options.connections, options.duration, options.seed + i),
      );
      auditResults.push({ target: target.name, paths: target.paths, ...measured });
    }

    printTable([
      ...results.flatMap(({ target, run, atPeoplesPace }) => [
        { target, pace: options.rate === null ? "unpaced" : `${options.rate}/s in all`, run },
        { target: "", pace: "1 page/s each", run: atPeoplesPace.run },
      ]),
      ...sellerResults.map(({ target, sellers: count, run }) => ({
        target,
        pace: `${count} sellers, 1 page/${options.sellerPeriodSeconds} s`,
        run,
      })),
      ...auditResults.map(({ target, run }) => ({ target, pace: `${options.connections} admins, 1 page/s each`, run })),
    ]);
    for (const { target, cpuMsPerRequest } of sellerResults) {
      console.log(
        `CPU per page ${target}: server ${cpuMsPerRequest.server ?? "?"} ms, PostgreSQL ${cpuMsPerRequest.postgres ?? "?"} ms, client ${cpuMsPerRequest.client ?? "?"} ms`,
      );
    }
    console.log(
      `queries alone (median): listOpenFlags ${queryMsMedian.listOpenFlags} ms, listCases ${queryMsMedian.listCases} ms, ` +
        `getCaseForModerator ${queryMsMedian.getCaseForModerator} ms, getSellerStanding ${queryMsMedian.getSellerStanding} ms; DB_POOL_SIZE ${process.env.DB_POOL_SIZE ?? "10 (default)"}`,
    );
    const pages = results.slice(1);
    console.log(
      JSON.stringify(
        {
          sellers: options.reuse ? "(reused database)" : options.sellers,
          seed: options.reuse ? "(reused database)" : options.seed,
          asOf: data.asOf?.toISOString() ?? null,
          connections: options.connections,
          ratePerSecond: options.rate ?? "unpaced: each connection sends its next request when the last is answered",
          atPeoplesPace: `${options.connections} moderators, each loading a page once a second from a random moment of the first second`,
          durationSeconds: options.duration,
          warmUpSeconds: options.warmUp,
          targets: results,
          sellerPages: sellerResults,
          auditPages: auditResults,
          auditEntries: auditEntries?.n,
          sellerPace: `${sellers.length} sellers (${sellers.filter((seller) => seller.caseId !== null).length} with an active case), ${sellerPace}`,
          queryMsMedian,
          queryMsNote:
            "each page's lib/ function called alone in the benchmark's process (its queries and their decoding, no rendering): the database's part of a page",
          target: {
            p95Ms: TARGET_P95_MS,
            // null: not measured (--only).
            metUnpaced: measures("moderator") ? pages.every(({ run }) => meetsTarget(run)) : null,
            metAtPeoplesPace: measures("moderator") ? pages.every(({ atPeoplesPace }) => meetsTarget(atPeoplesPace.run)) : null,
            metBySellerPages: measures("seller") ? sellerResults.every(({ run }) => meetsTarget(run)) : null,
            metByAuditPages: measures("audit") ? auditResults.every(({ run }) => meetsTarget(run)) : null,
          },
          casePages,
          data: {
            openFlags: openFlags?.n,
            activeCases: activeCases?.n,
            portalRows: data.portalRows,
            caseRows: data.caseRows,
          },
          loadSeconds: data.loadSeconds,
          server: {
            build: "scripts/serve.mjs (the production build in .next, as npm start)",
            processes: serverProcesses,
            nodeEnv: "production",
            dbPoolSize: Number(process.env.DB_POOL_SIZE ?? 10),
            logLevel: "warn",
          },
          machine: {
            cpus: os.cpus().length,
            note: "autocannon, the server's processes and PostgreSQL share these cores (and with anything else running: see loadAverage1mBefore)",
          },
          postgres: await describePostgres(sql, [
            "shared_buffers",
            "work_mem",
            "effective_cache_size",
            "max_connections",
            "jit",
            "random_page_cost",
          ]),
        },
        null,
        2,
      ),
    );
  } finally {
    await server?.stop();
    await sql.end({ timeout: 5 });
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
