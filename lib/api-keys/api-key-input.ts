import { z } from "zod";
import { fieldMessage } from "@/lib/field-messages";

/**
 * One schema per input, shared by the admin forms and the server, which validates again. Each
 * message is a catalog key (lib/field-messages.ts).
 */
export const API_KEY_NAME_MAX_LENGTH = 100;
export const REVOKE_REASON_MAX_LENGTH = 1000;

export const createApiKeyInput = z.object({
  name: z
    .string({ message: fieldMessage("keyNameRequired") })
    .trim()
    .min(1, fieldMessage("keyNameRequired"))
    .max(API_KEY_NAME_MAX_LENGTH, fieldMessage("tooLong")),
});
export type CreateApiKeyInput = z.input<typeof createApiKeyInput>;

export const revokeApiKeyInput = z.object({
  apiKeyId: z
    .number({ message: fieldMessage("reloadPage") })
    .int(fieldMessage("reloadPage"))
    .positive(fieldMessage("reloadPage")),
  reason: z
    .string({ message: fieldMessage("revokeReasonTooShort") })
    .trim()
    .min(3, fieldMessage("revokeReasonTooShort"))
    .max(REVOKE_REASON_MAX_LENGTH, fieldMessage("tooLong")),
});
export type RevokeApiKeyInput = z.input<typeof revokeApiKeyInput>;
