"use server";

import { defineAction } from "@/lib/actions/define-action";
import { submitAppealInput } from "@/lib/appeals/appeal-input";
import { submitAppeal } from "@/lib/appeals/submit-appeal";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/**
 * The seller contests a decision. The lib function reaches the case through the seller's own cases
 * only, so another seller's case or decision is not found and nothing is written.
 */
export const submitAppealAction = defineAction({
  name: "submitAppeal",
  input: submitAppealInput,
  permission: "seller-portal:use",
  run: async ({ actor, input, now }) => {
    const appeal = await submitAppeal({ actor, input, now });
    return { appealId: appeal.id, submittedAt: appeal.submittedAt.toISOString() };
  },
  revalidate: (_appeal, input) => [SELLER_PATHS.appeal(input.caseId), SELLER_PATHS.case(input.caseId), "/moderator/appeals"],
});
