import { z } from "zod";

/** Which catalog events the admin list shows: failing ones are pending with at least one failed try. */
export const OUTBOX_FILTERS = ["all", "pending", "failing", "delivered"] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];

export function isOutboxFilter(value: unknown): value is OutboxFilter {
  return typeof value === "string" && (OUTBOX_FILTERS as readonly string[]).includes(value);
}

/** One schema per input, shared by the admin's button and the server, which validates again. */
export const retryOutboxEventInput = z.object({
  eventId: z.number({ message: "Unknown event" }).int("Unknown event").positive("Unknown event"),
});
export type RetryOutboxEventInput = z.input<typeof retryOutboxEventInput>;
