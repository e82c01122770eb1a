import { z } from "zod";
import { fieldMessage } from "@/lib/field-messages";
import { policyParamsSchema } from "@/lib/quality/policy";

/**
 * The policy editor's inputs, one schema each, shared by the admin's forms and the server, which
 * validates again (lib/policy/manage-policy.ts). Each message is a catalog key.
 */
export const ACTIVATION_REASON_MAX_LENGTH = 2000;

const draftVersion = z
  .number({ message: fieldMessage("reloadPage") })
  .int(fieldMessage("reloadPage"))
  .positive(fieldMessage("reloadPage"));

export const createPolicyDraftInput = z.object({});

export const savePolicyDraftInput = z.object({ version: draftVersion, params: policyParamsSchema });
export type SavePolicyDraftInput = z.input<typeof savePolicyDraftInput>;

export const policyDraftInput = z.object({ version: draftVersion });

export const activatePolicyDraftInput = z.object({
  version: draftVersion,
  /** The draft as the preview the admin saw computed it (PolicyPreview.fingerprint). */
  previewedFingerprint: z
    .string({ message: fieldMessage("policyPreviewFirst") })
    .min(1, fieldMessage("policyPreviewFirst"))
    .max(200),
  reason: z
    .string({ message: fieldMessage("policyActivationReason") })
    .trim()
    .min(10, fieldMessage("policyActivationReason"))
    .max(ACTIVATION_REASON_MAX_LENGTH, fieldMessage("tooLong")),
});
export type ActivatePolicyDraftInput = z.input<typeof activatePolicyDraftInput>;
