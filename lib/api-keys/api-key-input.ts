import { z } from "zod";

/** One schema per input, shared by the admin forms and the server, which validates again. */
export const API_KEY_NAME_MAX_LENGTH = 100;
export const REVOKE_REASON_MAX_LENGTH = 1000;

export const createApiKeyInput = z.object({
  name: z
    .string({ message: "Enter a name for the key" })
    .trim()
    .min(1, "Enter a name for the key")
    .max(API_KEY_NAME_MAX_LENGTH, `The name is too long (${API_KEY_NAME_MAX_LENGTH} characters at most)`),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({
  apiKeyId: z.number({ message: "Unknown API key" }).int("Unknown API key").positive("Unknown API key"),
  reason: z
    .string({ message: "Say why the key is revoked" })
    .trim()
    .min(3, "Say why the key is revoked (at least 3 characters)")
    .max(REVOKE_REASON_MAX_LENGTH, `The reason is too long (${REVOKE_REASON_MAX_LENGTH} characters at most)`),
});
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;
