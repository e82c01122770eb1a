import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CLOCK_FILE, SERVER_CLOCK_PROJECT } from "./clock";

/**
 * End-to-end tests against the production build (`next build` first), in Debian's Chromium.
 * scripts/test.sh prepares E2E_DATABASE_URL (a migrated PostgreSQL database) and the build.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test`.");

/** The specs that call moveServerClock (e2e/clock.ts refuses the call from any other spec). */
const SERVER_CLOCK_SPECS = ["**/case-lifecycle.spec.ts", "**/case-forms.spec.ts", "**/seller-journey.spec.ts"];

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  // Once per run (each worker loads this file again: a reset here would undo a clock move under a running spec).
  globalSetup: path.resolve(__dirname, "global-setup.ts"),
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: path.resolve(__dirname, "../.test-output/playwright.json") }]],
  projects: [
    { name: "parallel", testIgnore: SERVER_CLOCK_SPECS },
    // The specs that move the server's one clock run one at a time, beside the others: two of
    // them at once would each move the clock under the other's feet.
    { name: SERVER_CLOCK_PROJECT, testMatch: SERVER_CLOCK_SPECS, workers: 1 },
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    // The production server (scripts/serve.mjs) with two processes, as on a 2-core machine. Each
    // browser connection goes to one of them, so the suite's sessions, forms and clock moves are
    // served by both.
    command: `node scripts/serve.mjs -p ${port} -H 127.0.0.1`,
    cwd: path.resolve(__dirname, ".."),
    url: `${baseURL}/sign-in`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      LOG_LEVEL: "warn",
      WEB_CONCURRENCY: "2",
      // Read only by a build made with CATALOG_GUARD_TEST_CLOCK=1 (scripts/test.sh).
      TEST_CLOCK_FILE: CLOCK_FILE,
    },
  },
});
