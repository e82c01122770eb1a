import "server-only";
import fs from "node:fs";
import { logger } from "@/lib/logger";

/**
 * The server's clock for pages and actions; domain code takes `now` as a parameter.
 *
 * The end-to-end build is made with CATALOG_GUARD_TEST_CLOCK=1 (scripts/test.sh). next.config.js
 * turns that into the build-time constant `process.env.CG_TEST_CLOCK_BUILD`, so only such a build
 * reads an offset in milliseconds from the file TEST_CLOCK_FILE names, and a test can move the
 * server to day 14 of an exclusion. A production build has the constant "0": no setting at run
 * time can make it read the file.
 */
export function currentTime(): Date {
  if (process.env.CG_TEST_CLOCK_BUILD === "1") return new Date(Date.now() + readTestClockOffset());
  return new Date();
}

let hasWarned = false;

function readTestClockOffset(): number {
  const file = process.env.TEST_CLOCK_FILE;
  if (!hasWarned) {
    hasWarned = true;
    logger.warn({ file }, "this build has the test clock: never run it in production");
  }
  if (!file) return 0;
  try {
    const offset = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isFinite(offset) ? offset : 0;
  } catch {
    return 0;
  }
}
