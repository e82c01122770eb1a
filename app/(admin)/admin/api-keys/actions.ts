"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createApiKeyInput, revokeApiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

const revalidateApiKeys = () => ["/admin/api-keys"];

/** The secret travels to the admin's browser this once, to be shown and copied; it is never stored. */
export const createApiKeyAction = defineAction({
  name: "createApiKey",
  input: createApiKeyInput,
  permission: "api-keys:manage",
  run: ({ actor, input, now }) => createApiKey({ actor, name: input.name, now }),
  revalidate: revalidateApiKeys,
});

export const revokeApiKeyAction = defineAction({
  name: "revokeApiKey",
  input: revokeApiKeyInput,
  permission: "api-keys:manage",
  run: ({ actor, input, now }) => revokeApiKey({ actor, apiKeyId: input.apiKeyId, reason: input.reason, now }),
  revalidate: revalidateApiKeys,
});
