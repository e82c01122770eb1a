/**
 * The production server's supervision (scripts/serve.mjs), on its own port beside the suite's
 * server: a dead process is replaced while the other goes on serving, the replacement serves, and
 * SIGTERM stops them all. It follows the primary's log lines, so it never acts on a process that is
 * still starting.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { childrenOf, freePort } from "../scripts/lib/processes";

/** The status of a GET, or null if there is no answer within `timeoutMs`. */
async function answers(url: string, timeoutMs = 5_000): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

test("[SERVER] two processes: a killed one is replaced while the other serves, the replacement serves, and SIGTERM stops all", async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  // A static route: whether a process answers, not how fast a cold one renders a page.
  const url = `http://127.0.0.1:${port}/icon.svg`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: path.resolve(__dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      LOG_LEVEL: "info",
      WEB_CONCURRENCY: "2",
    },
  });
  let log = "";
  server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const logged = (message: string) => log.split("\n").filter((line) => line.includes(`"msg":"${message}"`)).length;
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => logged("serving"), { timeout: 60_000 }).toBe(1); // both processes listen
    const first = childrenOf(server.pid!);
    expect(first).toHaveLength(2);
    await expect.poll(() => answers(url), { timeout: 30_000 }).toBe(200);

    process.kill(first[0]!, "SIGKILL");
    // Once the primary has seen the death it hands connections to the other process only (one handed
    // to the dead process in the moment before would be lost). The replacement starts a second later
    // at the soonest and takes longer still to serve: the other process answers alone meanwhile.
    await expect.poll(() => logged("a server process died: starting another"), { timeout: 30_000, intervals: [20] }).toBe(1);
    expect(await answers(url)).toBe(200);
    expect(logged("a replacement server process is serving")).toBe(0);
    await expect.poll(() => logged("a replacement server process is serving"), { timeout: 60_000 }).toBe(1);
    const replacement = childrenOf(server.pid!).filter((pid) => !first.includes(pid));
    expect(replacement).toHaveLength(1);

    // Now neither of the first two is left: what answers is a replacement.
    process.kill(first[1]!, "SIGKILL");
    await expect.poll(() => answers(url), { timeout: 30_000 }).toBe(200);

    const running = childrenOf(server.pid!);
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of running) expect(fs.existsSync(`/proc/${pid}`), `server process ${pid} is gone`).toBe(false);
    expect(await answers(url)).toBeNull();
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
  }
});
