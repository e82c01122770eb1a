import fs from "node:fs";
import path from "node:path";

/**
 * The server's test clock (lib/clock.ts): the end-to-end build reads an offset in milliseconds from
 * this file on every request. Only specs that run serially and reset it afterwards may move it.
 */
export const CLOCK_FILE = path.resolve(__dirname, "../.test-output/e2e-clock-offset");

export function moveServerClock(offsetMs: number): void {
  fs.mkdirSync(path.dirname(CLOCK_FILE), { recursive: true });
  fs.writeFileSync(CLOCK_FILE, String(offsetMs));
}

export function resetServerClock(): void {
  fs.rmSync(CLOCK_FILE, { force: true });
}
