/** The seed's command line: `--now <ISO>`, `--seed <n>`, `--sellers <n>`, `--accounts-only`, `--history`, `--cases`, `--allow-production`. */
import { parseArgs } from "node:util";
import { DAY_MS } from "./time";
import type { SeedOptions } from "./types";

const DEFAULT_SEED = 42;
const DEFAULT_SELLERS = 300;
const MIN_SELLERS = 20;

/** Today 00:00 UTC: re-running the seed on the same day gives the same data. */
function getStartOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

function parseWholeNumber(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min)
    throw new Error(`${flag} must be a whole number of at least ${min}, got "${value}"`);
  return number;
}

function parseNow(value: string | undefined, clock: Date): Date {
  if (value === undefined) return getStartOfUtcDay(clock);
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO-8601 date or instant, got "${value}"`);
  return now;
}

export type SeedCommandOptions = SeedOptions & {
  /** Only print the demo sign-ins (the demo command shows them again after the build). */
  accountsOnly: boolean;
  /** The past weeks' evaluations and the demo seller's worked case (before this week's evaluation: db/seed/demo-history.ts). */
  history: boolean;
  /** Open the demo's exclusion cases (after the evaluation: db/seed/demo-cases.ts). */
  cases: boolean;
  /** Seed even with NODE_ENV=production (the demo accounts' passwords are public). */
  allowProduction: boolean;
};

export function parseSeedOptions(argv: string[], clock: Date): SeedCommandOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      now: { type: "string" },
      seed: { type: "string" },
      sellers: { type: "string" },
      "accounts-only": { type: "boolean", default: false },
      history: { type: "boolean", default: false },
      cases: { type: "boolean", default: false },
      "allow-production": { type: "boolean", default: false },
    },
    strict: true,
  });
  return {
    now: parseNow(values.now, clock),
    seed: parseWholeNumber("--seed", values.seed, DEFAULT_SEED, 0),
    sellers: parseWholeNumber("--sellers", values.sellers, DEFAULT_SELLERS, MIN_SELLERS),
    accountsOnly: values["accounts-only"] ?? false,
    history: values.history ?? false,
    cases: values.cases ?? false,
    allowProduction: values["allow-production"] ?? false,
  };
}
