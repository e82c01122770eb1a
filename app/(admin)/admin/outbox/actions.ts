"use server";

import { defineAction } from "@/lib/actions/define-action";
import { retryOutboxEventInput } from "@/lib/delivery/outbox-input";
import { retryOutboxEvent } from "@/lib/delivery/retry-outbox-event";

/** The event is due again at once (audited); the delivery after the response sends it. */
export const retryOutboxEventAction = defineAction({
  name: "retryOutboxEvent",
  input: retryOutboxEventInput,
  permission: "outbox:retry",
  run: async ({ actor, input, now }) => {
    const { id } = await retryOutboxEvent({ actor, eventId: input.eventId, now });
    return { id };
  },
  revalidate: () => ["/admin/outbox"],
  deliversAfterResponse: true,
});
