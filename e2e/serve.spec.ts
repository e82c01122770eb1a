/**
 * The production server's supervision (scripts/serve.mjs), on its own port beside the suite's
 * server: a dead process is replaced while the other goes on serving, and SIGTERM stops them all.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The pids whose parent is `parent`, from /proc. */
function childrenOf(parent: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

async function answers(url: string): Promise<number | null> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

test("[SERVER] two processes: a killed one is replaced while the other serves, and SIGTERM stops both", async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/sign-in`;
  const server = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: path.resolve(__dirname, ".."),
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
      LOG_LEVEL: "warn",
      WEB_CONCURRENCY: "2",
    },
  });
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    await expect.poll(() => answers(url), { timeout: 60_000 }).toBe(200);
    const workers = childrenOf(server.pid!);
    expect(workers).toHaveLength(2);

    process.kill(workers[0]!, "SIGKILL");
    // The other process answers meanwhile: a replacement waits a second, then needs seconds to start.
    await expect.poll(() => answers(url), { timeout: 2_000 }).toBe(200);
    await expect
      .poll(() => childrenOf(server.pid!).filter((pid) => !workers.includes(pid)).length, { timeout: 60_000 })
      .toBe(1);
    expect(childrenOf(server.pid!)).toContain(workers[1]);
    await expect.poll(() => answers(url), { timeout: 60_000 }).toBe(200);

    const replaced = childrenOf(server.pid!);
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of replaced) expect(fs.existsSync(`/proc/${pid}`), `server process ${pid} is gone`).toBe(false);
    expect(await answers(url)).toBeNull();
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
  }
});
