import "server-only";
import type { Executor } from "@/db";
import type { Case } from "@/db/schema";
import { getPolicyInForce, getPolicyVersion } from "@/lib/quality/get-current-policy";

/**
 * The months a decision on this case can be contested: the policy the case was opened under, or the
 * policy in force for a case opened before cases recorded their version.
 */
export async function appealPeriodMonths(executor: Executor, theCase: Pick<Case, "policyVersion">): Promise<number> {
  const params =
    theCase.policyVersion == null
      ? await getPolicyInForce(executor)
      : (await getPolicyVersion(executor, theCase.policyVersion)).params;
  return params.appeals.periodMonths;
}
