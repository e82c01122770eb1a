"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { authorize } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";
import { markNotificationReadInput, type MarkNotificationReadInput } from "@/lib/notifications/notification-input";
import { parseInput } from "@/lib/validation";

const INBOX_PATH = "/seller/inbox";

/** Parse, authorize on the server (re-reading the user), then the lib function, scoped to the seller. */
export async function markNotificationReadAction(input: MarkNotificationReadInput): Promise<ActionResult<{ id: number }>> {
  return runAction("markNotificationRead", async () => {
    const { notificationId } = parseInput(markNotificationReadInput, input);
    const actor = await authorize("seller-portal:use");
    const { id } = await markNotificationRead({ actor, notificationId, now: currentTime() });
    revalidatePath(INBOX_PATH);
    return { id };
  });
}
