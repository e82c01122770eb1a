import "server-only";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { afterResponse } from "@/lib/after-response";
import type { UserActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { authorize } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { kickDelivery } from "@/lib/delivery/kick-delivery";

/**
 * The frame of every moderation server action: authorize on the server (the lib function checks
 * again), read the clock, run, refresh the pages that show the change, and deliver what the
 * transaction queued for the seller and the catalog once the response is out.
 */
export async function runCaseAction<T>(
  name: string,
  permission: Permission,
  body: (actor: UserActor, now: Date) => Promise<T>,
  paths: (result: T) => string[],
): Promise<ActionResult<T>> {
  return runAction(name, async () => {
    const actor = await authorize(permission);
    const result = await body(actor, currentTime());
    for (const path of ["/moderator", ...paths(result)]) revalidatePath(path);
    await afterResponse("delivery", kickDelivery);
    return result;
  });
}
