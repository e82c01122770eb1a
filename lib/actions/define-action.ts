import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import { afterResponse } from "@/lib/after-response";
import type { UserActor } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { authorize, getActor } from "@/lib/auth/session";
import { currentTime } from "@/lib/clock";
import { kickDelivery } from "@/lib/delivery/kick-delivery";
import { parseInput } from "@/lib/validation";

/** For the few actions open to everyone, signed in or not (the language switch): the actor may be null. */
export const ANYONE = "anyone";

type ActionDefinition<S extends z.ZodType, A, T> = {
  /** Names the action in the log when it fails unexpectedly. */
  name: string;
  /** The input's zod schema, the one the form's resolver uses. */
  input: S;
  /**
   * Who may call it; the signed-in user is re-read from the database for every call. The lib
   * function checks again, and a seller's lib function scopes every read and write by
   * `actor.sellerId`, so another seller's id is not found.
   */
  permission: [A] extends [UserActor] ? Permission : typeof ANYONE;
  /** Calls the lib function with the parsed input and `now` from the one clock; returns what the form gets. */
  run: (params: { actor: A; input: z.output<S>; now: Date }) => Promise<T>;
  /** The pages that show the change, refreshed before the answer goes out. */
  revalidate?: (data: T, input: z.output<S>) => string[];
  /** The transaction queued catalog events or seller notifications: deliver them once the answer is out. */
  deliversAfterResponse?: boolean;
};

export type ServerAction<I, T> = (input: I) => Promise<ActionResult<T>>;

/**
 * The one way to write a server action. In a "use server" file:
 *
 *     export const markNotificationReadAction = defineAction({
 *       name: "markNotificationRead",
 *       input: markNotificationReadInput,
 *       permission: "seller-portal:use",
 *       run: ({ actor, input, now }) => markNotificationRead({ actor, notificationId: input.notificationId, now }),
 *       revalidate: () => ["/seller/inbox"],
 *     });
 *
 * Each call: parse the input (invalid → the fields' errors) → authorize (the user re-read from
 * the database) → run with `now` from currentTime() → revalidate → kick delivery after the
 * response; whatever is thrown becomes an ActionResult (runAction).
 */
export function defineAction<S extends z.ZodType, T>(definition: ActionDefinition<S, UserActor, T>): ServerAction<z.input<S>, T>;
export function defineAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, UserActor | null, T>,
): ServerAction<z.input<S>, T>;
export function defineAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, UserActor | null, T> | ActionDefinition<S, UserActor, T>,
): ServerAction<z.input<S>, T> {
  return async (rawInput) =>
    runAction(definition.name, async () => {
      const input = parseInput(definition.input, rawInput);
      const actor = definition.permission === ANYONE ? await getActor() : await authorize(definition.permission as Permission);
      const run = definition.run as ActionDefinition<S, UserActor | null, T>["run"];
      const data = await run({ actor, input, now: currentTime() });
      for (const path of definition.revalidate?.(data, input) ?? []) revalidatePath(path);
      if (definition.deliversAfterResponse) await afterResponse("delivery", kickDelivery);
      return data;
    });
}
