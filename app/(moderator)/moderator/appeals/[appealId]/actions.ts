"use server";

import { defineAction } from "@/lib/actions/define-action";
import { decideAppealInput } from "@/lib/appeals/appeal-input";
import { decideAppeal } from "@/lib/appeals/decide-appeal";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/**
 * Upholds or overturns an appeal. The lib function refuses the moderator who made the contested
 * decision, and tells the loser of two moderators deciding at once who decided.
 */
export const decideAppealAction = defineAction({
  name: "decideAppeal",
  input: decideAppealInput,
  permission: "cases:decide",
  run: async (params) => {
    const decided = await decideAppeal(params);
    return { appealId: decided.appeal.id, caseId: decided.case.id, status: decided.appeal.status };
  },
  revalidate: (decided) => [
    "/moderator",
    "/moderator/appeals",
    `/moderator/appeals/${decided.appealId}`,
    `/moderator/cases/${decided.caseId}`,
    "/moderator/cases",
    SELLER_PATHS.appeal(decided.caseId),
    SELLER_PATHS.case(decided.caseId),
  ],
  deliversAfterResponse: true,
});
