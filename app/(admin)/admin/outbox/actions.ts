"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { afterResponse } from "@/lib/after-response";
import { authorize } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { kickDelivery } from "@/lib/delivery/kick-delivery";
import { retryOutboxEventInput, type RetryOutboxEventInput } from "@/lib/delivery/outbox-input";
import { retryOutboxEvent } from "@/lib/delivery/retry-outbox-event";
import { parseInput } from "@/lib/validation";

const OUTBOX_PATH = "/admin/outbox";

/** Parse, authorize on the server (re-reading the user), the lib function (audited); then deliver after the response. */
export async function retryOutboxEventAction(input: RetryOutboxEventInput): Promise<ActionResult<{ id: number }>> {
  return runAction("retryOutboxEvent", async () => {
    const { eventId } = parseInput(retryOutboxEventInput, input);
    const actor = await authorize("outbox:retry");
    const { id } = await retryOutboxEvent({ actor, eventId, now: currentTime() });
    await afterResponse("delivery", kickDelivery);
    revalidatePath(OUTBOX_PATH);
    return { id };
  });
}
