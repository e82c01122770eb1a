import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import type { AppealStatus, AppealSubject } from "@/db/enums";
import { appeals, caseDecisions } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { findOwnCase } from "@/lib/cases/seller-case-access";
import { appealDeadline } from "./appeal-period";
import { appealPeriodMonths } from "./appeal-policy";

/** An appeal as its seller reads it: never the deciding moderator's name. */
export type SellerAppealView = {
  appealId: number;
  status: AppealStatus;
  reason: string;
  evidence: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
  decisionReason: string | null;
};

/** A decision the seller may contest, with its deadline and the appeal already made, if any. */
export type ContestableDecision = {
  subject: AppealSubject;
  /** The extension's case_decisions row; null for the exclusion. */
  decisionId: number | null;
  decidedAt: Date;
  /** Extensions only: the reasons, the new re-check date and the moderator's message. */
  extension: { reasons: string[]; newRecheckAt: Date | null; message: string | null } | null;
  deadline: Date;
  isWithinPeriod: boolean;
  appeal: SellerAppealView | null;
};

export type AppealsForSeller = {
  caseId: number;
  isClosed: boolean;
  periodMonths: number;
  /** The exclusion first, then each extension in the order it was made. */
  decisions: ContestableDecision[];
};

/** A decision's anchor on the appeal page (#exclusion, #decision-12), for links to it. */
export const appealAnchor = (decisionId: number | null) => (decisionId == null ? "exclusion" : `decision-${decisionId}`);

/**
 * The seller's own case's contestable decisions (the exclusion and each extension), each with its
 * deadline and its appeal. Another seller's case is not found. Three queries whatever the case holds.
 */
export async function getAppealsForSeller(params: { actor: UserActor; caseId: number; now: Date }): Promise<AppealsForSeller> {
  const theCase = await findOwnCase(db, params.actor, params.caseId);
  const [periodMonths, extensions, made] = await Promise.all([
    appealPeriodMonths(db, theCase),
    db
      .select()
      .from(caseDecisions)
      .where(and(eq(caseDecisions.caseId, theCase.id), eq(caseDecisions.kind, "extend")))
      .orderBy(asc(caseDecisions.caseVersion)),
    db.select().from(appeals).where(eq(appeals.caseId, theCase.id)),
  ]);
  const appealOf = (decisionId: number | null) => {
    const found = made.find((appeal) => appeal.decisionId === decisionId);
    return found
      ? {
          appealId: found.id,
          status: found.status,
          reason: found.reason,
          evidence: found.evidence,
          submittedAt: found.submittedAt,
          decidedAt: found.decidedAt,
          decisionReason: found.decisionReason,
        }
      : null;
  };
  const contestable = (subject: AppealSubject, decisionId: number | null, decidedAt: Date) => {
    const deadline = appealDeadline(decidedAt, periodMonths);
    return { subject, decisionId, decidedAt, deadline, isWithinPeriod: params.now <= deadline, appeal: appealOf(decisionId) };
  };
  return {
    caseId: theCase.id,
    isClosed: theCase.status === "REINSTATED",
    periodMonths,
    decisions: [
      { ...contestable("exclusion", null, theCase.excludedAt), extension: null },
      ...extensions.map((decision) => ({
        ...contestable("extension", decision.id, decision.decidedAt),
        extension: {
          reasons: decision.extendReasons ?? [],
          newRecheckAt: decision.newRecheckAt,
          message: decision.messageToSeller,
        },
      })),
    ],
  };
}
