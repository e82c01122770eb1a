import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { outboxEvents } from "@/db/schema";
import type { WebhookConfig } from "@/lib/delivery/delivery-config";
import { retryDelayMs } from "@/lib/delivery/retry-delay";
import { signWebhookPayload, WEBHOOK_HEADERS } from "@/lib/delivery/webhook-signature";
import { logger } from "@/lib/logger";

export { verifyWebhookSignature } from "@/lib/delivery/webhook-signature";

/** Events claimed at a time; each batch is sent at once, one request per seller. */
const BATCH_SIZE = 10;
/** Events one run sends at most; the next run (a minute later) goes on. */
const DEFAULT_RUN_LIMIT = 200;
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * A claimed event is not due again before this, so a second run leaves it alone while the first
 * sends it; if the first run dies, the event is sent again after it (at least once).
 */
const CLAIM_LEASE_MS = 2 * 60_000;
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 6 * 3600_000;
/** How much of a refusing receiver's answer is kept in `last_error`. */
const ERROR_BODY_CHARS = 200;

export type OutboxDeliveryResult = { status: "not-configured" } | { status: "done"; delivered: number; failed: number };

type ClaimedEvent = {
  id: number;
  type: string;
  payload: unknown;
  createdAt: Date;
  attempts: number;
};

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/**
 * Sends due catalog events (`outbox_events`) to the webhook, oldest first, at least once. Each
 * event is one signed POST (README "Delivery"); a 2xx answer delivers it, anything else is
 * tried again later, backing off from 30 s to 6 h. A seller's events go out in the order they
 * were written: while a seller's older event is undelivered, its newer ones wait, so the catalog
 * never sees a reinstatement before its exclusion. Several runs at once (app instances, the
 * worker) share the work: rows are claimed with FOR UPDATE SKIP LOCKED and leased.
 * Without a webhook configured nothing is sent and the events stay pending.
 */
export async function deliverDueOutboxEvents(params: {
  now: Date;
  config: WebhookConfig | null;
  fetchImpl?: typeof fetch;
  limit?: number;
}): Promise<OutboxDeliveryResult> {
  if (!params.config) return { status: "not-configured" };
  const { config, now } = params;
  const fetchImpl = params.fetchImpl ?? fetch;
  const limit = params.limit ?? DEFAULT_RUN_LIMIT;
  let delivered = 0;
  let failed = 0;
  while (delivered + failed < limit) {
    const batch = await claimDueEvents(now, Math.min(BATCH_SIZE, limit - delivered - failed));
    if (batch.length === 0) break;
    await Promise.all(
      batch.map(async (event) => {
        const attempt = await postEvent(event, config, now, fetchImpl);
        await recordAttempt(event, attempt, now);
        if (attempt.ok) delivered++;
        else failed++;
      }),
    );
  }
  return { status: "done", delivered, failed };
}

/** The oldest undelivered event of each seller, when due, locked past rows another run holds, then leased. */
async function claimDueEvents(now: Date, count: number): Promise<ClaimedEvent[]> {
  const older = alias(outboxEvents, "older");
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: outboxEvents.id,
        type: outboxEvents.type,
        payload: outboxEvents.payload,
        createdAt: outboxEvents.createdAt,
        attempts: outboxEvents.attempts,
      })
      .from(outboxEvents)
      .where(
        and(
          isNull(outboxEvents.deliveredAt),
          lte(outboxEvents.nextAttemptAt, now),
          notExists(
            tx
              .select({ id: older.id })
              .from(older)
              .where(and(eq(older.sellerId, outboxEvents.sellerId), isNull(older.deliveredAt), lt(older.id, outboxEvents.id))),
          ),
        ),
      )
      .orderBy(asc(outboxEvents.nextAttemptAt), asc(outboxEvents.id))
      .limit(count)
      .for("update", { skipLocked: true });
    if (due.length > 0) {
      await tx
        .update(outboxEvents)
        .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
        .where(
          inArray(
            outboxEvents.id,
            due.map((event) => event.id),
          ),
        );
    }
    return due;
  });
}

/** The envelope of SPEC's API events, as lib/notifications/notification-kinds.ts describes it. */
function webhookBody(event: Pick<ClaimedEvent, "id" | "type" | "payload" | "createdAt">): string {
  return JSON.stringify({
    id: String(event.id),
    type: event.type,
    occurredAt: event.createdAt.toISOString(),
    data: event.payload,
  });
}

async function postEvent(event: ClaimedEvent, config: WebhookConfig, now: Date, fetchImpl: typeof fetch): Promise<Attempt> {
  const body = webhookBody(event);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const response = await fetchImpl(config.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "CatalogGuard-Webhook/1",
        [WEBHOOK_HEADERS.event]: event.type,
        [WEBHOOK_HEADERS.delivery]: String(event.id),
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhookPayload({ secret: config.secret, timestamp, body }),
      },
      body,
      // A redirect is not followed: the receiver is the configured URL, not wherever it points.
      redirect: "manual",
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel().catch(() => {});
      return { ok: true, status: response.status };
    }
    const text = await response.text().catch(() => "");
    const excerpt = text.replace(/\s+/g, " ").trim().slice(0, ERROR_BODY_CHARS);
    return { ok: false, status: response.status, error: `HTTP ${response.status}${excerpt ? `: ${excerpt}` : ""}` };
  } catch (error) {
    return { ok: false, status: null, error: describeNetworkError(error) };
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const detail = cause?.code ?? cause?.message;
  return (detail ? `${message} (${detail})` : message).slice(0, ERROR_BODY_CHARS);
}

async function recordAttempt(event: ClaimedEvent, attempt: Attempt, now: Date): Promise<void> {
  const attempts = event.attempts + 1;
  const stillPending = and(eq(outboxEvents.id, event.id), isNull(outboxEvents.deliveredAt));
  if (attempt.ok) {
    await db
      .update(outboxEvents)
      .set({ deliveredAt: now, attempts: sql`${outboxEvents.attempts} + 1`, lastStatus: attempt.status })
      .where(stillPending);
    return;
  }
  const nextAttemptAt = new Date(now.getTime() + retryDelayMs({ attempts, baseMs: RETRY_BASE_MS, capMs: RETRY_CAP_MS }));
  await db
    .update(outboxEvents)
    .set({ attempts: sql`${outboxEvents.attempts} + 1`, lastStatus: attempt.status, lastError: attempt.error, nextAttemptAt })
    .where(stillPending);
  logger.warn(
    { outboxEventId: event.id, type: event.type, attempts, nextAttemptAt, error: attempt.error },
    "catalog webhook delivery failed",
  );
}
