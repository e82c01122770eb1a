import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { appeals, caseDecisions, cases, sellers, users } from "@/db/schema";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { CaseEvidence } from "@/lib/cases/open-case";
import { notFound } from "@/lib/errors";

export type AppealForModerator = Awaited<ReturnType<typeof getAppealForModerator>>;

/**
 * One appeal for the deciding moderator: the seller's reason and evidence, the contested decision
 * (the exclusion's frozen reasons, or the extension's reasons, date and message) and who made it,
 * and whether `actor` may decide it (not the one who made the contested decision). One query.
 */
export async function getAppealForModerator(params: { actor: UserActor; appealId: number }) {
  assertCan(params.actor, "cases:decide");
  const opener = alias(users, "opener");
  const extender = alias(users, "extender");
  const decider = alias(users, "decider");
  const [row] = await db
    .select({
      appeal: appeals,
      theCase: {
        id: cases.id,
        status: cases.status,
        excludedAt: cases.excludedAt,
        recheckAt: cases.recheckAt,
        reinstatedAt: cases.reinstatedAt,
        openReason: cases.openReason,
        openedBy: cases.openedBy,
        evidence: cases.evidence,
      },
      seller: { name: sellers.name, externalId: sellers.externalId },
      openerEmail: opener.email,
      extension: {
        decidedBy: caseDecisions.decidedBy,
        decidedAt: caseDecisions.decidedAt,
        reasons: caseDecisions.extendReasons,
        newRecheckAt: caseDecisions.newRecheckAt,
        message: caseDecisions.messageToSeller,
      },
      extenderEmail: extender.email,
      deciderEmail: decider.email,
    })
    .from(appeals)
    .innerJoin(cases, eq(cases.id, appeals.caseId))
    .innerJoin(sellers, eq(sellers.id, appeals.sellerId))
    .innerJoin(opener, eq(opener.id, cases.openedBy))
    .leftJoin(caseDecisions, eq(caseDecisions.id, appeals.decisionId))
    .leftJoin(extender, eq(extender.id, caseDecisions.decidedBy))
    .leftJoin(decider, eq(decider.id, appeals.decidedBy))
    .where(eq(appeals.id, params.appealId));
  if (!row) throw notFound(`Appeal ${params.appealId}`);
  const { appeal, theCase } = row;
  const isExtension = appeal.decisionId != null && row.extension != null;
  const contested = isExtension
    ? {
        subject: "extension" as const,
        decidedAt: row.extension!.decidedAt,
        decidedBy: row.extenderEmail ?? "",
        decidedById: row.extension!.decidedBy,
        reasons: row.extension!.reasons ?? [],
        newRecheckAt: row.extension!.newRecheckAt,
        message: row.extension!.message,
      }
    : {
        subject: "exclusion" as const,
        decidedAt: theCase.excludedAt,
        decidedBy: row.openerEmail,
        decidedById: theCase.openedBy,
        flagReasons: (theCase.evidence as CaseEvidence).reasons ?? [],
        openReason: theCase.openReason,
      };
  return {
    appealId: appeal.id,
    status: appeal.status,
    reason: appeal.reason,
    evidence: appeal.evidence,
    submittedAt: appeal.submittedAt,
    decidedAt: appeal.decidedAt,
    decidedBy: row.deciderEmail,
    decisionReason: appeal.decisionReason,
    case: { id: theCase.id, status: theCase.status, excludedAt: theCase.excludedAt, reinstatedAt: theCase.reinstatedAt },
    seller: row.seller,
    contested,
    /** The server refuses the contested decision's maker anyway; the page says so instead of offering the form. */
    isOwnDecision: contested.decidedById === params.actor.userId,
  };
}
