import "server-only";
import { currentTime } from "@/lib/clock";
import { deliverDueOutboxEvents } from "@/lib/delivery/deliver-outbox";
import { emailConfigFromEnv, webhookConfigFromEnv } from "@/lib/delivery/delivery-config";
import { sendPendingNotificationEmails } from "@/lib/delivery/send-notification-emails";
import { logger } from "@/lib/logger";

export type DeliveryRunResult = {
  outbox: Awaited<ReturnType<typeof deliverDueOutboxEvents>>;
  email: Awaited<ReturnType<typeof sendPendingNotificationEmails>>;
};

/**
 * One delivery pass: due catalog events to the webhook, pending notifications by e-mail. Both
 * run even if the other fails. For the minute job and for `kickDelivery`.
 */
export async function runDeliveryPass(now: Date): Promise<DeliveryRunResult> {
  const [outbox, email] = await Promise.allSettled([
    deliverDueOutboxEvents({ now, config: webhookConfigFromEnv() }),
    sendPendingNotificationEmails({ now, config: emailConfigFromEnv() }),
  ]);
  if (outbox.status === "fulfilled" && email.status === "fulfilled") return { outbox: outbox.value, email: email.value };
  const failures = [outbox, email].flatMap((step) => (step.status === "rejected" ? [step.reason as unknown] : []));
  throw failures.length === 1 ? failures[0] : new AggregateError(failures, "both delivery steps failed");
}

let running: Promise<void> | null = null;
let isWanted = false;

/**
 * Delivers what a committed change just wrote, now instead of at the worker's next minute. Call it
 * after the transaction commits, after the response:
 *
 *     await afterResponse("delivery", kickDelivery);
 *
 * Never throws: a failure is logged, and the rows stay pending for the next pass (the worker's
 * minute job, or the next kick). Without the worker — on the embedded PGlite database — this is
 * how anything is delivered at all. Kicks that arrive while a pass runs in this process make one
 * more pass after it, not one each.
 */
export async function kickDelivery(): Promise<void> {
  isWanted = true;
  if (running) return running;
  running = (async () => {
    try {
      while (isWanted) {
        isWanted = false;
        try {
          const result = await runDeliveryPass(currentTime());
          logger.debug({ result }, "delivery pass done");
        } catch (error) {
          logger.error({ err: error }, "delivery pass failed");
        }
      }
    } finally {
      running = null;
    }
  })();
  return running;
}
