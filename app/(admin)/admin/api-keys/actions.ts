"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { runAction, type ActionResult } from "@/lib/actions/action-result";
import {
  createApiKeyInput,
  revokeApiKeyInput,
  type CreateApiKeyInput,
  type RevokeApiKeyInput,
} from "@/lib/api-keys/api-key-input";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys/create-api-key";
import type { PublicApiKey } from "@/lib/api-keys/public-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import type { UserActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/session";
import { parseInput } from "@/lib/validation";

const API_KEYS_PATH = "/admin/api-keys";

/** Parse, authorize on the server (re-reading the user), then the lib function, which checks again. */
async function runApiKeyAdmin<S extends z.ZodType, T>(
  name: string,
  schema: S,
  rawInput: unknown,
  body: (input: z.output<S>, actor: UserActor, now: Date) => Promise<T>,
): Promise<ActionResult<T>> {
  return runAction(name, async () => {
    const input = parseInput(schema, rawInput);
    const actor = await authorize("api-keys:manage");
    const result = await body(input, actor, new Date());
    revalidatePath(API_KEYS_PATH);
    return result;
  });
}

/** The secret travels to the admin's browser this once, to be shown and copied; it is never stored. */
export async function createApiKeyAction(input: CreateApiKeyInput): Promise<ActionResult<CreatedApiKey>> {
  return runApiKeyAdmin("createApiKey", createApiKeyInput, input, ({ name }, actor, now) => createApiKey({ actor, name, now }));
}

export async function revokeApiKeyAction(input: RevokeApiKeyInput): Promise<ActionResult<PublicApiKey>> {
  return runApiKeyAdmin("revokeApiKey", revokeApiKeyInput, input, ({ apiKeyId, reason }, actor, now) =>
    revokeApiKey({ actor, apiKeyId, reason, now }),
  );
}
