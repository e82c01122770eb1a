import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import { db } from "@/db";
import { cases, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { invalid } from "@/lib/errors";
import { fieldIssue, parseInput } from "@/lib/validation";
import { assignCaseInput } from "./case-input";
import { assertCaseAction, lockCase } from "./case-records";

/**
 * Who holds the case: a moderator takes it (assigns themself), hands it to a colleague, or releases
 * it. Not a decision, so it does not change the case's version: nobody's open form goes stale.
 */
export async function assignCase(params: { actor: UserActor; input: z.input<typeof assignCaseInput>; now: Date }) {
  assertCan(params.actor, "cases:decide");
  const input = parseInput(assignCaseInput, params.input);
  const { actor, now } = params;
  return db.transaction(async (tx) => {
    const theCase = await lockCase(tx, input.caseId);
    assertCaseAction(theCase, "assign", now);
    if (input.assigneeId) {
      const [assignee] = await tx
        .select({ role: users.role })
        .from(users)
        .where(and(eq(users.id, input.assigneeId), isNull(users.disabledAt)));
      if (!assignee || !can(assignee.role, "cases:decide")) {
        throw invalid("Only an active moderator or admin can hold a case", [fieldIssue("assigneeId", { key: "reloadPage" })]);
      }
    }
    if (theCase.assignedTo === input.assigneeId) return theCase;
    const [updated] = await tx
      .update(cases)
      .set({ assignedTo: input.assigneeId, updatedAt: now })
      .where(eq(cases.id, theCase.id))
      .returning();
    await recordAudit(tx, {
      actor,
      action: input.assigneeId ? "case.assigned" : "case.released",
      entityType: "case",
      entityId: theCase.id,
      sellerId: theCase.sellerId,
      before: { assignedTo: theCase.assignedTo },
      after: { assignedTo: input.assigneeId },
      at: now,
    });
    return updated!;
  });
}
