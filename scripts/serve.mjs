/**
 * The production web server: the build in .next, served by WEB_CONCURRENCY Node.js processes that
 * share one port (node:cluster).
 *
 *   node scripts/serve.mjs [-p PORT] [-H HOSTNAME]     (npm start: migrations first, then this)
 *
 * Why not `next start`: it is one process, and React's server rendering keeps that one process's
 * core busy (10–30 ms of CPU a page, README "Performance"), so a second core sat idle while
 * moderators queued. Each process here is Next's documented custom server (`next()` +
 * `getRequestHandler()`), so every route, server action, `after()` and header behaves as under
 * `next start`.
 *
 * - WEB_CONCURRENCY: how many processes. Default: one a core with DATABASE_URL (PostgreSQL); one
 *   without it, since the embedded database (PGlite) belongs to a single process — asking for more
 *   without DATABASE_URL is refused. Each process has its own pool of DB_POOL_SIZE connections.
 * - PORT / -p (default 3000); -H HOSTNAME (default all interfaces). Settings may also come from the
 *   .env files, read as `next start` reads them. NODE_ENV is always production.
 * - Each process gets a larger young generation (--max-semi-space-size=64): a page's short-lived
 *   objects then die young instead of being copied and promoted while twenty requests are in flight
 *   (measured: 5–8% less CPU a page under load). NODE_OPTIONS still wins if it sets its own.
 * - A process that dies is replaced after a second; one that dies before it ever served stops the
 *   whole server (a broken build or configuration must not restart forever).
 * - SIGTERM / SIGINT: stop accepting, let requests in flight finish (at most 10 s), then exit.
 */
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";
import pino from "pino";

const SHUTDOWN_GRACE_MS = 10_000;
const RESTART_DELAY_MS = 1_000;
const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";

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
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`the port must be a whole number 0…65535, not "${portText}"`);

  const hasPostgres = Boolean(process.env.DATABASE_URL);
  const concurrencyText = process.env.WEB_CONCURRENCY;
  let processes = hasPostgres ? os.availableParallelism() : 1;
  if (concurrencyText !== undefined && concurrencyText !== "") {
    processes = Number(concurrencyText);
    if (!Number.isInteger(processes) || processes < 1 || processes > 64) throw new Error(`WEB_CONCURRENCY must be a whole number 1…64, not "${concurrencyText}"`);
    if (processes > 1 && !hasPostgres) {
      throw new Error(`WEB_CONCURRENCY is ${processes}, but without DATABASE_URL the app uses the embedded database, which one process owns: set DATABASE_URL or WEB_CONCURRENCY=1`);
    }
  }
  // Only -H, as `next start`: a HOSTNAME variable is often the machine's own name (exported by some
  // shells, set by containers), which would bind the server to that one address.
  return { port, hostname: values.hostname, processes };
}

/** One server process: Next's request handler on a node:http server. */
async function serve({ port, hostname }) {
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer((request, response) => handle(request, response));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, resolve);
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS);
    timer.unref();
    server.close(() => process.exit(0));
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // The primary disconnects its workers when it stops.
  if (cluster.isWorker) cluster.worker.on("disconnect", stop);
  return server;
}

function runPrimary(settings) {
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...(youngGenerationIsSet() ? [] : [YOUNG_GENERATION_FLAG])] });
  const running = new Set();
  const served = new Set();
  let stopping = false;
  const fork = () => running.add(cluster.fork().id);
  cluster.on("listening", (worker) => {
    served.add(worker.id);
    if (served.size === settings.processes) {
      logger.info({ port: settings.port, hostname: settings.hostname ?? "(all interfaces)", processes: settings.processes }, "serving");
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    running.delete(worker.id);
    if (stopping) {
      if (running.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!served.has(worker.id)) {
      logger.fatal({ code, signal }, "a server process exited before it served: stopping");
      process.exitCode = 1;
      stop();
      return;
    }
    logger.error({ pid: worker.process.pid, code, signal }, "a server process died: starting another");
    setTimeout(() => stopping || fork(), RESTART_DELAY_MS);
  });

  /** Each process finishes its requests in flight and exits; the last one out ends this one. */
  const stop = () => {
    if (stopping) return;
    stopping = true;
    logger.info("stopping: finishing the requests in flight");
    const timer = setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(process.exitCode ?? 0);
    }, SHUTDOWN_GRACE_MS + 1_000);
    timer.unref();
    if (running.size === 0) process.exit(process.exitCode ?? 0);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.disconnect();
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
    await serve(JSON.parse(process.env.CATALOG_GUARD_SERVE_SETTINGS));
    return;
  }
  const settings = readSettings();
  if (settings.processes === 1) {
    await serve(settings);
    logger.info({ port: settings.port, hostname: settings.hostname ?? "(all interfaces)", processes: 1 }, "serving");
    return;
  }
  process.env.CATALOG_GUARD_SERVE_SETTINGS = JSON.stringify(settings);
  runPrimary(settings);
}

main().catch((error) => {
  logger.fatal({ err: error }, "the web server could not start");
  process.exit(1);
});
