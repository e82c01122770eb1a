/**
 * `npm run bench:ingest -- [--events 500000] [--concurrency 2] [--seed 1] [--keep]`
 *
 * Starts the production server (scripts/serve.mjs, the build in .next) against a fresh database, makes
 * an API key, and pushes events through `POST /api/v1/events` in 5,000-event batches from
 * `--concurrency` clients: sellers first, then orders, status changes, reviews (and a few edits),
 * messages, complaints and refunds — each kind only after the kinds it refers to are in, since
 * an event may refer only to what exists already. Then sends every batch again (all duplicates).
 * Prints one JSON object. Run through scripts/bench/with-postgres.sh (`npm run bench:ingest`).
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db";
import { createRng } from "@/db/seed/random";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { describePostgres, openBenchDatabase, quantile, round } from "./measure";
import { startNextServer, type BenchServer } from "./next-server";
import { findPostmaster, makeCpuProbe, type CpuProbe } from "./process-cpu";

const BATCH_SIZE = 5000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Events per order, on average, with the mix below: the order, ~1.95 status changes, 0.3 reviews … */
const EVENTS_PER_ORDER = 3.85;
const ORDERS_PER_SELLER = 100;

type Options = { events: number; concurrency: number; seed: number; keep: boolean };
type Event = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
type Phase = { name: string; events: Event[] };

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: "string", default: "500000" },
      concurrency: { type: "string", default: "2" },
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
    },
    strict: true,
  });
  const events = Number(values.events);
  const concurrency = Number(values.concurrency);
  const seed = Number(values.seed);
  if (!Number.isInteger(events) || events < 100) throw new Error(`--events must be a whole number ≥ 100, not "${values.events}"`);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error("--concurrency must be 1…64");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  return { events, concurrency, seed, keep: values.keep };
}

// ---------------------------------------------------------------- the events

/** About `total` events of a marketplace's usual mix, grouped by kind in the order they may be sent. */
function generateEvents(total: number, seed: number, now: number): Phase[] {
  const random = createRng(seed);
  const between = (low: number, high: number) => low + (high - low) * random();
  const iso = (ms: number) => new Date(Math.min(ms, now - 60_000)).toISOString();
  const orderCount = Math.floor(total / EVENTS_PER_ORDER);
  const sellerCount = Math.max(1, Math.round(orderCount / ORDERS_PER_SELLER));
  const buyerCount = Math.max(10, Math.round(orderCount / 3));
  const sellerOf = () => `S${Math.floor(sellerCount * random() ** 2) + 1}`;
  const buyerOf = () => `B${Math.floor(buyerCount * random()) + 1}`;
  const phase = (name: string): Phase => ({ name, events: [] });
  const sellers = phase("sellers");
  const orders = phase("orders");
  const statuses = phase("status changes");
  const reviews = phase("reviews");
  const reviewEdits = phase("review edits");
  const messages = phase("messages");
  const complaints = phase("complaints");
  const refunds = phase("refunds");

  for (let i = 1; i <= sellerCount; i++) {
    sellers.events.push({
      id: `bench-seller-${i}`,
      type: "seller.upserted",
      occurredAt: iso(now - 200 * DAY_MS),
      data: { sellerId: `S${i}`, name: `Bench shop ${i}`, email: `shop${i}@bench.example` },
    });
  }
  let reviewNumber = 0;
  let threadNumber = 0;
  let messageNumber = 0;
  for (let i = 1; i <= orderCount; i++) {
    const orderId = `O${i}`;
    const sellerId = sellerOf();
    const buyerId = buyerOf();
    const placedAt = now - between(2 * HOUR_MS, 90 * DAY_MS);
    const at = (offset: number) => iso(placedAt + offset);
    orders.events.push({
      id: `bench-order-${i}`,
      type: "order.placed",
      occurredAt: at(0),
      data: { orderId, sellerId, buyerId, amount: Math.round(between(5, 500) * 100) / 100, currency: "UAH" },
    });
    const fate = random();
    const change = (n: number, status: string, offset: number) =>
      statuses.events.push({
        id: `bench-status-${i}-${n}`,
        type: "order.status_changed",
        occurredAt: at(offset),
        data: { orderId, status },
      });
    const shippedAfter = between(4, 72) * HOUR_MS;
    const deliveredAfter = shippedAfter + between(24, 144) * HOUR_MS;
    if (fate < 0.02) change(1, "cancelled_by_seller", between(2, 72) * HOUR_MS);
    else if (fate < 0.035) change(1, "cancelled_by_buyer", between(1, 48) * HOUR_MS);
    else {
      change(1, "shipped", shippedAfter);
      change(2, "delivered", deliveredAfter);
    }
    if (random() < 0.3) {
      const reviewId = `R${++reviewNumber}`;
      const negative = random() < 0.08;
      const postedAfter = deliveredAfter + between(1, 240) * HOUR_MS;
      reviews.events.push({
        id: `bench-review-${reviewNumber}`,
        type: "review.posted",
        occurredAt: at(postedAfter),
        data: {
          reviewId,
          sellerId,
          buyerId,
          orderId,
          rating: negative ? 1 : 5,
          text: negative ? "Never arrived." : "Fast delivery, thank you!",
        },
      });
      if (random() < 0.03) {
        reviewEdits.events.push({
          id: `bench-review-edit-${reviewNumber}`,
          type: "review.updated",
          occurredAt: at(postedAfter + between(1, 10) * DAY_MS),
          data: { reviewId, rating: negative ? 4 : 2 },
        });
      }
    }
    if (random() < 0.2) {
      const threadId = `T${++threadNumber}`;
      const count = 1 + Math.floor(random() * 4);
      let sentAt = between(1, 100) * HOUR_MS;
      for (let m = 0; m < count; m++) {
        messages.events.push({
          id: `bench-message-${++messageNumber}`,
          type: "message.sent",
          occurredAt: at(sentAt),
          data: {
            messageId: `M${messageNumber}`,
            threadId,
            sellerId,
            buyerId,
            from: m % 2 === 0 ? "buyer" : "seller",
            text: "Is it in stock?",
          },
        });
        sentAt += between(0.2, 30) * HOUR_MS;
      }
    }
    if (random() < 0.02) {
      complaints.events.push({
        id: `bench-complaint-${i}`,
        type: "complaint.filed",
        occurredAt: at(between(48, 400) * HOUR_MS),
        data: { complaintId: `C${i}`, sellerId, buyerId, orderId, reason: "not delivered" },
      });
    }
    if (random() < 0.03) {
      const requestedAfter = between(24, 200) * HOUR_MS;
      refunds.events.push({
        id: `bench-refund-${i}`,
        type: "refund.issued",
        occurredAt: at(requestedAfter + between(1, 48) * HOUR_MS),
        data: { orderId, requestedAt: at(requestedAfter) },
      });
    }
  }
  return [sellers, orders, statuses, reviews, reviewEdits, messages, complaints, refunds].filter((p) => p.events.length > 0);
}

// ---------------------------------------------------------------- sending

type BatchResult = { status: number; ms: number; accepted: number; duplicates: number; error?: string };

async function sendBatch(baseUrl: string, key: string, body: string): Promise<BatchResult> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body,
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) return { status: response.status, ms, accepted: 0, duplicates: 0, error: text.slice(0, 500) };
    const answer = JSON.parse(text) as { accepted: number; duplicates: number };
    return { status: 200, ms, accepted: answer.accepted, duplicates: answer.duplicates };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, accepted: 0, duplicates: 0, error: String(error) };
  }
}

/** Every phase's batches from `concurrency` clients; a phase starts when the one before has finished. */
async function sendAll(
  baseUrl: string,
  key: string,
  phases: { name: string; bodies: string[]; events: number }[],
  concurrency: number,
  cpu: CpuProbe,
) {
  const results: BatchResult[] = [];
  const byPhase: Record<string, { events: number; batches: number; seconds: number; eventsPerSecond: number }> = {};
  const cpuBefore = cpu();
  const started = performance.now();
  for (const phase of phases) {
    const phaseStarted = performance.now();
    let next = 0;
    const client = async () => {
      while (next < phase.bodies.length) {
        const body = phase.bodies[next++]!;
        results.push(await sendBatch(baseUrl, key, body));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const seconds = (performance.now() - phaseStarted) / 1000;
    byPhase[phase.name] = {
      events: phase.events,
      batches: phase.bodies.length,
      seconds: round(seconds),
      eventsPerSecond: Math.round(phase.events / seconds),
    };
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = cpu();
  const events = phases.reduce((sum, phase) => sum + phase.events, 0);
  const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
  const failures = results.filter((result) => result.status !== 200);
  const spent = (before: number | null, after: number | null) =>
    before === null || after === null ? null : round(after - before);
  const used = [
    spent(cpuBefore.client, cpuAfter.client),
    spent(cpuBefore.server, cpuAfter.server),
    spent(cpuBefore.postgres, cpuAfter.postgres),
  ];
  return {
    events,
    batches: results.length,
    seconds: round(seconds),
    eventsPerSecond: Math.round(events / seconds),
    batchLatencyMs: {
      p50: Math.round(quantile(latencies, 0.5)),
      p95: Math.round(quantile(latencies, 0.95)),
      max: Math.round(latencies.at(-1) ?? 0),
    },
    accepted: results.reduce((sum, result) => sum + result.accepted, 0),
    duplicates: results.reduce((sum, result) => sum + result.duplicates, 0),
    errors: failures.length,
    firstErrors: failures.slice(0, 3).map((failure) => ({ status: failure.status, body: failure.error })),
    byPhase,
    cpuSeconds: {
      benchClient: spent(cpuBefore.client, cpuAfter.client),
      nextServer: spent(cpuBefore.server, cpuAfter.server),
      postgres: spent(cpuBefore.postgres, cpuAfter.postgres),
      available: round(seconds * os.cpus().length),
    },
    // Throughput per CPU-second spent by client, server and PostgreSQL together: what 2 idle cores could at most do is twice this.
    eventsPerCpuSecond: used.every((value) => value !== null)
      ? Math.round(events / used.reduce((sum, value) => sum! + value!, 0)!)
      : null,
    loadAverage1m: round(os.loadavg()[0]!),
  };
}

async function main() {
  const options = parseOptions();
  const { url: databaseUrl, sql } = openBenchDatabase("bench:ingest");
  let server: BenchServer | null = null;
  try {
    const now = Date.now();
    const phases = generateEvents(options.events, options.seed, now).map((phase) => {
      const bodies: string[] = [];
      for (let start = 0; start < phase.events.length; start += BATCH_SIZE) {
        bodies.push(JSON.stringify({ events: phase.events.slice(start, start + BATCH_SIZE) }));
      }
      return { name: phase.name, bodies, events: phase.events.length };
    });
    const bodyBytes = phases.reduce((sum, phase) => sum + phase.bodies.reduce((s, body) => s + Buffer.byteLength(body), 0), 0);

    process.stderr.write("==> the production server (scripts/serve.mjs)\n");
    server = await startNextServer(databaseUrl);
    const { secret } = await createApiKey({ actor: SYSTEM_ACTOR, name: "bench:ingest", now: new Date() });
    const cpu = makeCpuProbe(server.process.pid!, await findPostmaster(sql));

    // One small batch first, so the first timed request does not pay for the route's compilation.
    await sendBatch(
      server.baseUrl,
      secret,
      JSON.stringify({
        events: [
          {
            id: "bench-warm-up",
            type: "seller.upserted",
            occurredAt: new Date(now - DAY_MS).toISOString(),
            data: { sellerId: "S-warm-up", name: "Warm-up shop" },
          },
        ],
      }),
    );

    process.stderr.write(`==> sending ${phases.reduce((sum, p) => sum + p.events, 0)} events, ${options.concurrency} clients\n`);
    const first = await sendAll(server.baseUrl, secret, phases, options.concurrency, cpu);
    process.stderr.write(`==> ${first.eventsPerSecond} events/s; sending everything again (all duplicates)\n`);
    const again = await sendAll(server.baseUrl, secret, phases, options.concurrency, cpu);

    const [rows] = await sql<Record<string, string>[]>`
      select (select count(*) from ingested_events) as ingested_events, (select count(*) from sellers) as sellers,
        (select count(*) from orders) as orders, (select count(*) from order_status_changes) as order_status_changes,
        (select count(*) from reviews) as reviews, (select count(*) from review_rating_changes) as review_rating_changes,
        (select count(*) from message_threads) as message_threads, (select count(*) from messages) as messages,
        (select count(*) from complaints) as complaints, (select count(*) from refunds) as refunds`;
    console.log(
      JSON.stringify(
        {
          events: first.events,
          batchSize: BATCH_SIZE,
          concurrency: options.concurrency,
          requestBytes: bodyBytes,
          batches: first.batches,
          seconds: first.seconds,
          eventsPerSecond: first.eventsPerSecond,
          target: { eventsPerSecond: 20_000, met: first.eventsPerSecond >= 20_000 && first.errors === 0 },
          batchLatencyMs: first.batchLatencyMs,
          accepted: first.accepted,
          duplicates: first.duplicates,
          errors: first.errors,
          firstErrors: first.firstErrors,
          byPhase: first.byPhase,
          cpuSeconds: first.cpuSeconds,
          eventsPerCpuSecond: first.eventsPerCpuSecond,
          loadAverage1m: first.loadAverage1m,
          resent: {
            note: "the same batches again: every event a duplicate",
            seconds: again.seconds,
            eventsPerSecond: again.eventsPerSecond,
            batchLatencyMs: again.batchLatencyMs,
            accepted: again.accepted,
            duplicates: again.duplicates,
            errors: again.errors,
            firstErrors: again.firstErrors,
            cpuSeconds: again.cpuSeconds,
            eventsPerCpuSecond: again.eventsPerCpuSecond,
          },
          rows: Object.fromEntries(Object.entries(rows ?? {}).map(([name, value]) => [name, Number(value)])),
          machine: `client, the server's processes and PostgreSQL share the machine's ${os.cpus().length} cores (and with anything else running: see loadAverage1m)`,
          postgres: await describePostgres(sql, [
            "shared_buffers",
            "work_mem",
            "fsync",
            "synchronous_commit",
            "wal_level",
            "max_connections",
          ]),
        },
        null,
        2,
      ),
    );
  } finally {
    await server?.stop();
    await sql.end({ timeout: 5 });
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
