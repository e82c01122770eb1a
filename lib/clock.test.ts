import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { currentTime } from "./clock";

const DAY = 86_400_000;
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-clock-")), "offset");

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(file, { force: true });
});

test("a production build ignores the clock file, whatever the environment says", () => {
  vi.stubEnv("CG_TEST_CLOCK_BUILD", "0");
  vi.stubEnv("TEST_CLOCK_FILE", file);
  fs.writeFileSync(file, String(14 * DAY));
  expect(Math.abs(currentTime().getTime() - Date.now())).toBeLessThan(1000);
});

test("the end-to-end build moves by the file's offset, and runs on real time without one", () => {
  vi.stubEnv("CG_TEST_CLOCK_BUILD", "1");
  vi.stubEnv("TEST_CLOCK_FILE", file);
  expect(Math.abs(currentTime().getTime() - Date.now())).toBeLessThan(1000);
  fs.writeFileSync(file, String(14 * DAY));
  expect(Math.abs(currentTime().getTime() - (Date.now() + 14 * DAY))).toBeLessThan(1000);
  fs.writeFileSync(file, "not a number");
  expect(Math.abs(currentTime().getTime() - Date.now())).toBeLessThan(1000);
});
