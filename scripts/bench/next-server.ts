/**
 * The production server for the HTTP benchmarks: scripts/serve.mjs (the build in .next, one process
 * a core unless WEB_CONCURRENCY says otherwise — what `npm start` runs) on a free loopback port
 * against the benchmark's database, in its own process group, so stopping it stops the server and
 * its processes. NODE_ENV=production, LOG_LEVEL=warn; WEB_CONCURRENCY, DB_POOL_SIZE and
 * PORTAL_TIME_ZONE pass through from the environment (the defaults otherwise).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "../lib/processes";

/** Signs the benchmark's session tokens; a throw-away value, the database is thrown away too. */
const BENCH_NEXTAUTH_SECRET = "bench-secret-bench-secret-bench-secret-42";
const START_TIMEOUT_MS = 120_000;
const ROOT = path.resolve(__dirname, "../..");

export type BenchServer = { baseUrl: string; process: ChildProcess; stop: () => Promise<void> };

/** Starts the server and waits until `readyPath` answers (below 500). */
export async function startNextServer(databaseUrl: string, readyPath = "/api/v1/openapi.json"): Promise<BenchServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") reach every server process.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    process.execPath,
    [...nodeArgs, path.join(ROOT, "scripts/serve.mjs"), "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: baseUrl,
        NEXTAUTH_SECRET: BENCH_NEXTAUTH_SECRET,
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    const timeout = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timeout);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}${readyPath}`);
      await response.arrayBuffer();
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within ${START_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, process: child, stop };
}
