"use server";

import { getFormatter, getTranslations } from "next-intl/server";
import { defineAction } from "@/lib/actions/define-action";
import {
  activatePolicyDraftInput,
  createPolicyDraftInput,
  policyDraftInput,
  savePolicyDraftInput,
} from "@/lib/policy/policy-input";
import { activatePolicyDraft, createPolicyDraft, discardPolicyDraft, savePolicyDraft } from "@/lib/policy/manage-policy";
import { previewPolicyDraft, type PreviewSeller } from "@/lib/policy/preview-policy";
import { describeFlagReason, type FlagReasonTranslator } from "@/lib/sellers/flag-reason-details";

const revalidatePolicy = () => ["/admin/policy"];

export const createPolicyDraftAction = defineAction({
  name: "createPolicyDraft",
  input: createPolicyDraftInput,
  permission: "policy:edit",
  run: ({ actor, now }) => createPolicyDraft({ actor, now }),
  revalidate: revalidatePolicy,
});

export const savePolicyDraftAction = defineAction({
  name: "savePolicyDraft",
  input: savePolicyDraftInput,
  permission: "policy:edit",
  run: ({ actor, input, now }) => savePolicyDraft({ actor, input, now }),
  revalidate: revalidatePolicy,
});

export const discardPolicyDraftAction = defineAction({
  name: "discardPolicyDraft",
  input: policyDraftInput,
  permission: "policy:edit",
  run: ({ actor, input, now }) => discardPolicyDraft({ actor, input, now }),
  revalidate: revalidatePolicy,
});

export const activatePolicyDraftAction = defineAction({
  name: "activatePolicyDraft",
  input: activatePolicyDraftInput,
  permission: "policy:edit",
  run: ({ actor, input, now }) => activatePolicyDraft({ actor, input, now }),
  revalidate: revalidatePolicy,
});

export type WordedPreviewSeller = { sellerId: number; sellerName: string; reasons: string[] };

/** The preview with each seller's reasons already in the admin's words (describeFlagReason). */
export const previewPolicyDraftAction = defineAction({
  name: "previewPolicyDraft",
  input: policyDraftInput,
  permission: "policy:edit",
  run: async ({ actor, input }) => {
    const [preview, t, format] = await Promise.all([
      previewPolicyDraft({ actor, version: input.version }),
      getTranslations(),
      getFormatter(),
    ]);
    const words = (seller: PreviewSeller): WordedPreviewSeller => ({
      sellerId: seller.sellerId,
      sellerName: seller.sellerName,
      reasons: seller.reasons.map((reason) =>
        describeFlagReason(reason, { t: t as unknown as FlagReasonTranslator, format, audience: "moderator" }),
      ),
    });
    return {
      draftVersion: preview.draftVersion,
      fingerprint: preview.fingerprint,
      activeVersion: preview.activeVersion,
      asOf: preview.asOf.toISOString(),
      flagged: preview.flagged,
      newly: preview.newly.map(words),
      noLonger: preview.noLonger.map(words),
    };
  },
});
