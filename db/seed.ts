/**
 * `npm run db:seed [-- --now <ISO>] [--seed <n>] [--sellers <n>]` — fills an empty database with a
 * believable marketplace portal: 13 months of orders, reviews, complaints, messages and refunds,
 * with a few planted bad and recently worsened sellers, and the demo accounts
 * (db/seed/demo-accounts.ts). Deterministic: the same seed and now give the same data.
 * On a database that already has sellers it only completes missing demo accounts and prints the
 * sign-ins again; `--accounts-only` just prints them; `--history` runs the past weeks' evaluations and
 * opens the demo seller's case with the seller's work on it (before this week's evaluation);
 * `--cases` opens today's case from a flag (after it). The demo accounts have published passwords,
 * so with NODE_ENV=production it refuses unless given `--allow-production`.
 */
import { closeDatabase, db } from "@/db";
import { addDays } from "@/lib/cases/case-machine";
import { DEMO_ACCOUNTS, createDemoAccounts, findDemoAccountEmails, formatDemoSignIns } from "./seed/demo-accounts";
import { seedDemoCases } from "./seed/demo-cases";
import { seedDemoHistory } from "./seed/demo-history";
import { DEMO_HISTORY_WEEKS } from "./seed/demo-story";
import { generatePortal } from "./seed/generate";
import { parseSeedOptions } from "./seed/options";
import { countSeededRows, hasSellers, writePortal } from "./seed/write";

function formatSeconds(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1)} s`;
}

async function seed(): Promise<void> {
  const options = parseSeedOptions(process.argv.slice(2), new Date());
  if (options.accountsOnly) {
    console.log(await formatDemoSignIns(db));
    return;
  }
  if (options.history) {
    for (const line of (await seedDemoHistory(db, new Date())).lines) console.log(`  ${line}`);
    return;
  }
  if (options.cases) {
    for (const line of await seedDemoCases(db, new Date())) console.log(`  ${line}`);
    return;
  }
  if (process.env.NODE_ENV === "production" && !options.allowProduction) {
    throw new Error(
      "refusing to seed with NODE_ENV=production: the demo accounts have published passwords (--allow-production to insist)",
    );
  }
  if (await hasSellers(db)) {
    console.log("database already seeded");
    if ((await findDemoAccountEmails(db)).size < DEMO_ACCOUNTS.length) {
      console.log("creating the missing demo accounts");
      await createDemoAccounts(db, generatePortal(options), options.now);
    }
    console.log(await formatDemoSignIns(db));
    return;
  }
  const startedAt = performance.now();
  console.log(`seeding ${options.sellers} sellers, seed ${options.seed}, now ${options.now.toISOString()}`);
  const data = generatePortal(options);
  console.log(`generated in ${formatSeconds(startedAt)}`);
  await writePortal(db, data);
  // The team's accounts predate the history the demo replays (db/seed/demo-history.ts), so the
  // audit trail begins with them, in time order.
  await createDemoAccounts(db, data, addDays(options.now, -7 * (DEMO_HISTORY_WEEKS + 1)));
  for (const { table, rows } of await countSeededRows(db)) console.log(`  ${table.padEnd(22)} ${String(rows).padStart(7)}`);
  console.log(`seeded in ${formatSeconds(startedAt)}`);
  console.log(await formatDemoSignIns(db));
}

seed()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error("db:seed failed:", error);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
