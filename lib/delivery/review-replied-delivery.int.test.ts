/**
 * The seller's public reply reaches the marketplace as a `review.replied` event, through the same
 * signed outbox and webhook as the catalog's events.
 */
import { eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "@/db";
import { caseReviews, outboxEvents, reviews } from "@/db/schema";
import { nameRootCause } from "@/lib/cases/name-root-cause";
import { openCaseFromFlag } from "@/lib/cases/open-case";
import { recordReviewOutcome } from "@/lib/cases/record-review-outcome";
import { deliverDueOutboxEvents, verifyWebhookSignature } from "@/lib/delivery/deliver-outbox";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { startWebhookReceiver, type WebhookReceiver } from "@/scripts/test-support/webhook-receiver";

const SECRET = "test-webhook-secret-0123456789abcdef";
const T0 = new Date("2026-11-02T09:30:00Z");
const REPLIED_AT = new Date("2026-11-04T12:00:00Z");
const REPLY = "Thank you for telling us. The parcel was late; we changed couriers and now call every buyer the same day.";

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver?.close();
});

test("[CATALOG] a seller's public reply arrives as a signed review.replied event with the marketplace's ids", async () => {
  const moderator = (await createTestUser("moderator")).actor;
  const flagged = await createFlaggedSeller({ now: T0, negativeReviews: 1 });
  const opened = await openCaseFromFlag({ actor: moderator, input: { flagId: flagged.flag.id }, now: T0 });
  const seller = (await createTestUser("seller", { sellerExternalId: flagged.externalId })).actor;
  const [inScope] = await db.select().from(caseReviews).where(eq(caseReviews.caseId, opened.case.id));
  const [review] = await db.select().from(reviews).where(eq(reviews.id, inScope!.reviewId));
  // Only the reply is waiting: the exclusion's own event is out of the way.
  await db.update(outboxEvents).set({ deliveredAt: T0 }).where(isNull(outboxEvents.deliveredAt));

  const input = { caseId: opened.case.id, reviewId: review!.id };
  await nameRootCause({ actor: seller, input: { ...input, rootCause: "slow_or_no_contact" }, now: REPLIED_AT });
  await recordReviewOutcome({ actor: seller, input: { ...input, outcome: "answered_publicly", text: REPLY }, now: REPLIED_AT });

  const sentAt = new Date(REPLIED_AT.getTime() + 5000);
  expect(await deliverDueOutboxEvents({ now: sentAt, config: { url: receiver.url, secret: SECRET } })).toEqual({
    status: "done",
    delivered: 1,
    failed: 0,
  });
  expect(receiver.received).toHaveLength(1);
  const [request] = receiver.received;
  const body = JSON.parse(request!.body) as { id: string };
  expect(body).toEqual({
    id: expect.any(String),
    type: "review.replied",
    occurredAt: REPLIED_AT.toISOString(),
    data: { reviewId: review!.externalId, sellerId: flagged.externalId, text: REPLY, repliedAt: REPLIED_AT.toISOString() },
  });
  expect(request!.headers).toMatchObject({
    "x-catalog-guard-event": "review.replied",
    "x-catalog-guard-delivery": body.id,
    "x-catalog-guard-signature": expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
  });
  const signed = {
    body: request!.body,
    timestamp: request!.headers["x-catalog-guard-timestamp"] as string,
    signature: request!.headers["x-catalog-guard-signature"] as string,
    now: sentAt,
  };
  expect(verifyWebhookSignature({ secret: SECRET, ...signed })).toBe(true);
  expect(verifyWebhookSignature({ secret: `${SECRET}-wrong`, ...signed })).toBe(false);
  const [event] = await db
    .select()
    .from(outboxEvents)
    .where(eq(outboxEvents.id, Number(body.id)));
  expect(event).toMatchObject({ deliveredAt: sentAt, attempts: 1, lastStatus: 200 });
});
