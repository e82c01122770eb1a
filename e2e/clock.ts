import fs from "node:fs";
import path from "node:path";
import { test } from "@playwright/test";

/**
 * The server's test clock (lib/clock.ts): the end-to-end build reads an offset in milliseconds from
 * this file on every request. Only the specs of the one-at-a-time project (e2e/playwright.config.ts)
 * may move it, serially, resetting it afterwards.
 */
export const SERVER_CLOCK_PROJECT = "server clock, one spec at a time";

export const CLOCK_FILE = path.resolve(__dirname, "../.test-output/e2e-clock-offset");

export function moveServerClock(offsetMs: number): void {
  const { project, file } = test.info();
  if (project.name !== SERVER_CLOCK_PROJECT)
    throw new Error(`${path.basename(file)} moves the server clock: list it in SERVER_CLOCK_SPECS (e2e/playwright.config.ts)`);
  fs.mkdirSync(path.dirname(CLOCK_FILE), { recursive: true });
  fs.writeFileSync(CLOCK_FILE, String(offsetMs));
}

export function resetServerClock(): void {
  fs.rmSync(CLOCK_FILE, { force: true });
}
