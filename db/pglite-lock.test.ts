import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { claimDataDirectory } from "./pglite-lock";

const tempDataDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cg-lock-")), "pglite");

describe("the embedded database's one-process lock", () => {
  test("a directory held by another running process is refused, with the holder named", () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.pid`, String(process.ppid));
    expect(() => claimDataDirectory(dataDir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  test("a file left by a process that has ended is taken over, and released again", () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(`${dataDir}.pid`, "2147483646");
    const release = claimDataDirectory(dataDir);
    expect(fs.readFileSync(`${dataDir}.pid`, "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dataDir}.pid`)).toBe(false);
  });

  test("claiming a free directory twice in one process is fine", () => {
    const dataDir = tempDataDir();
    const release = claimDataDirectory(dataDir);
    expect(() => claimDataDirectory(dataDir)).not.toThrow();
    release();
  });
});
