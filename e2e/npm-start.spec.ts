/**
 * `npm start` as an operator or a process manager runs it: it migrates, serves, and a SIGTERM sent
 * to npm alone (what `docker stop` or a supervisor sends to the process it started) stops the
 * server too, instead of leaving it running without its parent.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, isRunning, processTree } from "../scripts/lib/processes";

test("[OPERATOR] npm start serves, and a SIGTERM to npm stops every server process", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  const npm = spawn("npm", ["start"], {
    cwd: path.resolve(__dirname, ".."),
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      PORT: String(port),
      LOG_LEVEL: "info",
      WEB_CONCURRENCY: "1",
    },
  });
  let log = "";
  npm.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  npm.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => npm.once("exit", (code) => resolve(code)));
  let processes: number[] = [];
  try {
    await expect.poll(() => log.includes('"msg":"serving"'), { timeout: 90_000 }).toBe(true);
    expect(log).toContain("migrations applied (postgres)");
    const response = await fetch(`http://127.0.0.1:${port}/icon.svg`);
    expect(response.status).toBe(200);
    processes = processTree(npm.pid!);
    expect(processes.length).toBeGreaterThanOrEqual(3); // npm, the primary, a server process

    npm.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect.poll(() => processes.filter(isRunning), { timeout: 15_000 }).toEqual([]);
  } finally {
    for (const pid of new Set([...processes, ...processTree(npm.pid!)])) if (isRunning(pid)) process.kill(pid, "SIGKILL");
  }
});
