import { z } from "zod";
import { EVENT_TYPES, MESSAGE_SENDERS, ORDER_STATUSES, REVIEW_REMOVED_BY } from "@/db/enums";

/**
 * The events marketplace systems send (SPEC.md, `POST /api/v1/events`), one zod schema each.
 * The API route, the CSV import and the OpenAPI document all use these, so they cannot disagree.
 * `data` objects are strict: a misspelt field is an error that names it, not silently dropped.
 */

export const MAX_EVENTS_PER_BATCH = 5000;
const MAX_ID_LENGTH = 200;
const MAX_TEXT_LENGTH = 20_000;

const marketplaceId = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(MAX_ID_LENGTH, `${what} must be at most ${MAX_ID_LENGTH} characters`);

const optionalText = z
  .string({ error: "text must be a string" })
  .max(MAX_TEXT_LENGTH, `text must be at most ${MAX_TEXT_LENGTH.toLocaleString("en")} characters`)
  .optional();

/** The orders table keeps amounts as numeric(14, 2): twelve digits before the point. */
const MAX_AMOUNT = 1e12;
/** No marketplace event predates this; earlier years (0000, 0001 …) are a sender's bug, and some are not dates PostgreSQL stores. */
export const EARLIEST_INSTANT = "2000-01-01T00:00:00Z";

/** ISO-8601 with an offset (`Z` or `+02:00`): an instant nobody has to guess the zone of. */
export const isoInstant = (what: string) =>
  z.iso
    .datetime({ offset: true, error: `${what} must be an ISO-8601 date-time with an offset, e.g. 2026-03-02T09:15:00+02:00` })
    // A value that is no date at all has its format named above; NaN compares false here.
    .refine((value) => !(new Date(value) < new Date(EARLIEST_INSTANT)), `${what} must not be before ${EARLIEST_INSTANT}`);

const sellerUpserted = z.strictObject({
  sellerId: marketplaceId("sellerId"),
  name: z
    .string({ error: "name must be a string" })
    .trim()
    .min(1, "name must not be empty")
    .max(300, "name must be at most 300 characters"),
  email: z.email("email must be an e-mail address").max(320).optional(),
});

const orderPlaced = z.strictObject({
  orderId: marketplaceId("orderId"),
  sellerId: marketplaceId("sellerId"),
  buyerId: marketplaceId("buyerId"),
  amount: z
    .number({ error: "amount must be a number" })
    .min(0, "amount must not be negative")
    .lt(MAX_AMOUNT, `amount must be less than ${MAX_AMOUNT.toLocaleString("en")}`)
    .optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "currency must be a three-letter ISO 4217 code such as UAH")
    .optional(),
});

/** `placed` is what order.placed sets; a status change moves an order on from there. */
const CHANGED_ORDER_STATUSES = ORDER_STATUSES.filter((status) => status !== "placed") as [
  Exclude<(typeof ORDER_STATUSES)[number], "placed">,
  ...Exclude<(typeof ORDER_STATUSES)[number], "placed">[],
];

const orderStatusChanged = z.strictObject({
  orderId: marketplaceId("orderId"),
  status: z.enum(CHANGED_ORDER_STATUSES, { error: `status must be one of ${CHANGED_ORDER_STATUSES.join(", ")}` }),
});

const rating = z
  .number({ error: "rating must be a number" })
  .int("rating must be a whole number from 1 to 5")
  .min(1, "rating must be a whole number from 1 to 5")
  .max(5, "rating must be a whole number from 1 to 5");

const reviewPosted = z.strictObject({
  reviewId: marketplaceId("reviewId"),
  sellerId: marketplaceId("sellerId"),
  buyerId: marketplaceId("buyerId"),
  orderId: marketplaceId("orderId").optional(),
  rating,
  text: optionalText,
});

const reviewUpdated = z.strictObject({
  reviewId: marketplaceId("reviewId"),
  rating,
  text: optionalText,
});

const reviewRemoved = z.strictObject({
  reviewId: marketplaceId("reviewId"),
  by: z.enum(REVIEW_REMOVED_BY, { error: `by must be one of ${REVIEW_REMOVED_BY.join(", ")}` }),
});

const complaintFiled = z.strictObject({
  complaintId: marketplaceId("complaintId"),
  sellerId: marketplaceId("sellerId"),
  buyerId: marketplaceId("buyerId"),
  orderId: marketplaceId("orderId").optional(),
  reason: z.string({ error: "reason must be a string" }).trim().min(1, "reason must not be empty").max(500),
  text: optionalText,
});

const messageSent = z.strictObject({
  messageId: marketplaceId("messageId"),
  threadId: marketplaceId("threadId"),
  sellerId: marketplaceId("sellerId"),
  buyerId: marketplaceId("buyerId"),
  from: z.enum(MESSAGE_SENDERS, { error: `from must be one of ${MESSAGE_SENDERS.join(", ")}` }),
  text: optionalText,
});

const refundIssued = z.strictObject({
  orderId: marketplaceId("orderId"),
  requestedAt: isoInstant("requestedAt"),
});

export const EVENT_DATA_SCHEMAS = {
  "seller.upserted": sellerUpserted,
  "order.placed": orderPlaced,
  "order.status_changed": orderStatusChanged,
  "review.posted": reviewPosted,
  "review.updated": reviewUpdated,
  "review.removed": reviewRemoved,
  "complaint.filed": complaintFiled,
  "message.sent": messageSent,
  "refund.issued": refundIssued,
} as const satisfies Record<(typeof EVENT_TYPES)[number], z.ZodType>;

export type EventDataByType = { [K in keyof typeof EVENT_DATA_SCHEMAS]: z.output<(typeof EVENT_DATA_SCHEMAS)[K]> };

const envelope = <T extends keyof typeof EVENT_DATA_SCHEMAS>(type: T) =>
  z.strictObject({
    id: marketplaceId("id"),
    type: z.literal(type),
    occurredAt: isoInstant("occurredAt"),
    data: EVENT_DATA_SCHEMAS[type],
  });

export const eventSchema = z.discriminatedUnion(
  "type",
  [
    envelope("seller.upserted"),
    envelope("order.placed"),
    envelope("order.status_changed"),
    envelope("review.posted"),
    envelope("review.updated"),
    envelope("review.removed"),
    envelope("complaint.filed"),
    envelope("message.sent"),
    envelope("refund.issued"),
  ],
  { error: `type must be one of ${EVENT_TYPES.join(", ")}` },
);

export type IncomingEvent = z.output<typeof eventSchema>;

export const eventBatchSchema = z.strictObject(
  {
    events: z
      .array(z.unknown(), { error: "events must be an array" })
      .min(1, "events must hold at least one event")
      .max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events a request`),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}: the body is { "events": [...] }`
        : 'the body must be a JSON object: { "events": [...] }',
  },
);

export const ingestResultSchema = z.object({
  accepted: z.number().int().describe("Events stored by this request"),
  duplicates: z.number().int().describe("Events whose id had been received before; not stored again"),
});
export type IngestResult = z.output<typeof ingestResultSchema>;
