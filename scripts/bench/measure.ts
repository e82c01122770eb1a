/** Small helpers the benchmarks share: timing, rounding, quantiles, the PostgreSQL they ran on. */
import postgres from "postgres";

/**
 * The benchmark's one connection, in UTC, to the database `npm run <script>` made for it
 * (with-postgres.sh sets DATABASE_URL), and that URL for a server the benchmark starts.
 */
export function openBenchDatabase(script: string): { url: string; sql: postgres.Sql } {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`DATABASE_URL is not set: run this through \`npm run ${script}\`.`);
  return { url, sql: postgres(url, { max: 1, onnotice: () => {}, connection: { TimeZone: "UTC" } }) };
}

/** The benchmark portal's command-line options (generate-portal.ts): how many sellers, the seed, the evaluation's asOf. */
export const PORTAL_OPTIONS = {
  sellers: { type: "string", default: "100000" },
  seed: { type: "string", default: "1" },
  "as-of": { type: "string", default: "2026-11-23T00:00:00+02:00" },
} as const;

/** Those options checked, each error naming its option. */
export function readPortalOptions(values: { sellers: string; seed: string; "as-of": string }) {
  const sellers = Number(values.sellers);
  const seed = Number(values.seed);
  const asOf = new Date(values["as-of"]);
  if (!Number.isInteger(sellers) || sellers < 10)
    throw new Error(`--sellers must be a whole number ≥ 10, not "${values.sellers}"`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error(`--seed must be a whole number 0…1,000,000`);
  if (Number.isNaN(asOf.getTime())) throw new Error(`--as-of "${values["as-of"]}" is not an ISO-8601 date-time`);
  return { sellers, seed, asOf };
}

/** Milliseconds as seconds with two decimals. */
export const seconds = (ms: number) => Math.round(ms / 10) / 100;

/** Two decimals. */
export const round = (value: number) => Math.round(value * 100) / 100;

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/** The nearest-rank quantile of ascending values (0 for none). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The server's version and the named settings, for a benchmark's report. */
export async function describePostgres(sql: postgres.Sql, settingNames: readonly string[]) {
  const [version] = await sql<{ version: string }[]>`select version()`;
  const settings = await sql<{ name: string; setting: string }[]>`
    select name, current_setting(name) as setting from pg_settings where name = any(${settingNames as string[]}) order by name`;
  return {
    version: version?.version,
    ...Object.fromEntries(settings.map((row) => [row.name, row.setting])),
    serverStartedWith: process.env.BENCH_PG_SETTINGS ?? "(unknown)",
  };
}
