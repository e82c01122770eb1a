/**
 * The production web server: the build in .next, served by WEB_CONCURRENCY Node.js processes that
 * share one port (node:cluster), under a primary process that looks after them.
 *
 *   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]     (npm start: migrations first, then this)
 *
 * Why not `next start`: it is one process, and React's server rendering keeps that one process's
 * core busy (15–25 ms of CPU a page, README "The moderators' pages"), so a second core sat idle
 * while moderators queued. Each process here is Next's documented custom server (`next()` +
 * `getRequestHandler()`), so every route, server action, `after()` and header behaves as under
 * `next start`.
 *
 * - WEB_CONCURRENCY: how many processes. Default: one a core with DATABASE_URL (PostgreSQL; the
 *   cores of a container's CPU limit, where cgroup v2 tells it); one without it, since the embedded
 *   database (PGlite) belongs to a single process — asking for more without DATABASE_URL is refused.
 *   Each process has its own pool of DB_POOL_SIZE connections.
 * - PORT / -p (default 3000); -H HOSTNAME (default all interfaces). Settings may also come from the
 *   .env files, read as `next start` reads them. NODE_ENV is always production. The environment is
 *   validated (lib/env.ts) before the first process starts.
 * - Each process gets a larger young generation (--max-semi-space-size=64): a page's short-lived
 *   objects then die young instead of being copied and promoted while twenty requests are in flight
 *   (measured: 5–8% less CPU a page under load). NODE_OPTIONS still wins if it sets its own.
 * - A process that dies is replaced (runPrimary). SIGTERM / SIGINT: stop taking connections, let the
 *   requests in flight finish (at most 10 s), then exit.
 */
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import pino from "pino";

const SHUTDOWN_GRACE_MS = 10_000;
const RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 60_000;
const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";
const ENV_MODULE = fileURLToPath(new URL("../lib/env.ts", import.meta.url));

// As `next start`: a production build, and the .env files read before any setting is.
process.env.NODE_ENV = "production";
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });

const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { app: "catalog-guard", component: "web-server" } });

function readSettings() {
  const { values } = parseArgs({
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
    strict: true,
  });
  const portText = values.port ?? process.env.PORT ?? "3000";
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`the port must be a whole number 0…65535, not "${portText}"`);

  const hasPostgres = Boolean(process.env.DATABASE_URL);
  const concurrencyText = process.env.WEB_CONCURRENCY;
  let processes = hasPostgres ? availableCores() : 1;
  if (concurrencyText !== undefined && concurrencyText !== "") {
    processes = Number(concurrencyText);
    if (!Number.isInteger(processes) || processes < 1 || processes > 64)
      throw new Error(`WEB_CONCURRENCY must be a whole number 1…64, not "${concurrencyText}"`);
    if (processes > 1 && !hasPostgres) {
      throw new Error(
        `WEB_CONCURRENCY is ${processes}, but without DATABASE_URL the app uses the embedded database, which one process owns: set DATABASE_URL or WEB_CONCURRENCY=1`,
      );
    }
  }
  // Only -H, as `next start`: a HOSTNAME variable is often the machine's own name (exported by some
  // shells, set by containers), which would bind the server to that one address.
  return { port, hostname: values.hostname, processes };
}

/**
 * The environment, validated by lib/env.ts (the one validation) before any server process starts: a
 * missing or malformed variable stops the server with one line naming it, instead of a server whose
 * every page fails (NEXTAUTH_SECRET). It runs in a short-lived process, node with tsx's loader as the
 * worker runs, so tsx's compiler service does not stay on beside the servers.
 */
function requireEnvironment() {
  const check = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), "--eval", `require(${JSON.stringify(ENV_MODULE)}).requireEnvFor("web-server")`],
    { stdio: "inherit" },
  );
  if (check.status !== 0) process.exit(check.status ?? 1);
}

/** The cores this process may use: the machine's, or fewer under a cgroup v2 CPU limit (a container's). */
function availableCores() {
  const cores = os.availableParallelism();
  try {
    const [quota, period] = fs.readFileSync("/sys/fs/cgroup/cpu.max", "utf8").trim().split(" ");
    const limit = Math.ceil(Number(quota) / Number(period));
    return Number.isFinite(limit) && limit >= 1 ? Math.min(cores, limit) : cores;
  } catch {
    return cores; // no cgroup v2 limit to read
  }
}

/**
 * A server process: Next's request handler on a node:http server. SIGTERM (from the primary, or
 * to the whole group) stops it taking connections and lets the requests in flight finish; one that
 * is still starting just exits. It also stops if the primary is gone.
 */
async function serveInWorker({ port, hostname }) {
  let server = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (!server) process.exit(0);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("disconnect", stop);

  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  if (stopping) process.exit(0);
  // The socket's address, under a name a client cannot set (any such header is replaced): the
  // client address of the sign-in limits and the audit trail (lib/auth/client-address.ts).
  process.env.CATALOG_GUARD_PEER_HEADER = "1";
  server = http.createServer((request, response) => {
    request.headers["x-catalog-guard-peer-address"] = request.socket.remoteAddress ?? "";
    return handle(request, response);
  });
  server.listen(port, hostname);
}

/**
 * The primary: starts the processes, replaces one that dies (sooner or later: each replacement that
 * dies before it serves doubles the wait, up to a minute), and stops them all on SIGTERM / SIGINT.
 * If one of the first processes dies before the whole set serves, the build or the settings are
 * broken: the server stops with exit code 1 instead of restarting forever.
 */
function runPrimary(settings) {
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...(youngGenerationIsSet() ? [] : [YOUNG_GENERATION_FLAG])] });
  /** Worker id → the worker, and whether it has served; cluster.workers forgets a worker once it is told to stop. */
  const workers = new Map();
  let hasStarted = false;
  let stopping = false;
  let failedReplacements = 0;
  const fork = () => {
    const worker = cluster.fork();
    workers.set(worker.id, { worker, hasServed: false });
    // Handing a connection to a process that has just died fails with EPIPE; unheard, that error
    // would end this process too. Its "exit" comes next and replaces it.
    worker.on("error", (error) => logger.warn({ pid: worker.process.pid, err: error }, "could not reach a server process"));
  };

  cluster.on("listening", (worker, address) => {
    const entry = workers.get(worker.id);
    if (!entry) return;
    entry.hasServed = true;
    if (hasStarted) {
      failedReplacements = 0;
      logger.info({ pid: worker.process.pid }, "a replacement server process is serving");
    } else if (workers.size === settings.processes && [...workers.values()].every((other) => other.hasServed)) {
      hasStarted = true;
      logger.info(
        { port: address.port, hostname: settings.hostname ?? "(all interfaces)", processes: settings.processes },
        "serving",
      );
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    const entry = workers.get(worker.id);
    workers.delete(worker.id);
    if (stopping) {
      if (workers.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!hasStarted) {
      logger.fatal({ pid: worker.process.pid, code, signal }, "a server process exited before the server started: stopping");
      process.exitCode = 1;
      stop();
      return;
    }
    if (!entry?.hasServed) failedReplacements += 1;
    const delay = Math.min(RESTART_DELAY_MS * 2 ** failedReplacements, MAX_RESTART_DELAY_MS);
    logger.error({ pid: worker.process.pid, code, signal, restartInMs: delay }, "a server process died: starting another");
    setTimeout(() => stopping || fork(), delay);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping: finishing the requests in flight");
    if (workers.size === 0) process.exit(process.exitCode ?? 0);
    for (const { worker } of workers.values()) worker.process.kill("SIGTERM");
    setTimeout(() => {
      for (const { worker } of workers.values()) worker.process.kill("SIGKILL");
      process.exit(process.exitCode ?? 0);
    }, SHUTDOWN_GRACE_MS + 1_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  for (let i = 0; i < settings.processes; i++) fork();
}

function youngGenerationIsSet() {
  return [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--max-semi-space-size"));
}

async function main() {
  if (cluster.isWorker) {
    await serveInWorker(JSON.parse(process.env.CATALOG_GUARD_SERVE_SETTINGS));
    return;
  }
  const settings = readSettings();
  requireEnvironment();
  process.env.CATALOG_GUARD_SERVE_SETTINGS = JSON.stringify(settings);
  runPrimary(settings);
}

main().catch((error) => {
  logger.fatal({ err: error }, "the web server could not start");
  process.exit(1);
});
