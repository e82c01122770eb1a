import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { CaseStatus } from "@/db/enums";
import type { UserActor } from "@/lib/auth/actor";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import { addDays, effectiveCaseStatus, MINIMUM_EXCLUSION_DAYS } from "./case-machine";
import type { Checklist, ChecklistItemKey } from "./checklist";
import { getCaseChecklist } from "./get-case-checklist";
import type { CaseEvidence } from "./open-case";
import { findOwnCase, ownSellerId } from "./seller-case-access";
import { checklistGaps, stepProgress, type ChecklistGap, type SellerStepProgress } from "./seller-case-progress";

export type { ChecklistGap, SellerStepProgress } from "./seller-case-progress";

const DAY_MS = 86_400_000;

/** The days left to the re-check date, or "due" once it has come: the moderator decides next. */
export type Countdown = { kind: "days_left"; days: number } | { kind: "due" };

/** A decision as the seller is told it: never the moderator's name, notes or override reasons. */
export type SellerDecisionView = { id: number } & (
  | { kind: "extend"; at: Date; reasons: string[]; newRecheckAt: Date | null; message: string | null }
  | { kind: "reinstate"; at: Date }
);

export type SellerLetterState = {
  /** When the unsent draft was last saved, if there is one. */
  draftSavedAt: Date | null;
  /** The newest submitted version with the moderator's verdict (null while waiting). */
  latest: {
    version: number;
    submittedAt: Date;
    verdict: "accepted" | "changes_requested" | null;
    answerDueAt: Date;
  } | null;
};

export type CaseForSeller = {
  caseId: number;
  status: CaseStatus;
  isClosed: boolean;
  excludedAt: Date;
  recheckAt: Date;
  reinstatedAt: Date | null;
  /** The re-check date, or the end of the minimum exclusion if that is later: no decision comes earlier. */
  earliestReinstatementAt: Date;
  countdown: Countdown;
  /** The frozen reasons (empty for a case opened by hand) and the moderator's words to the seller, if any. */
  reasons: CaseEvidence["reasons"];
  openReason: string | null;
  steps: SellerStepProgress[];
  letter: SellerLetterState;
  /** The same five items the moderator sees (a closed case: the ones its reinstatement was decided on). */
  checklist: Checklist;
  checklistSource: { kind: "computed" | "decision"; at: Date };
  /** For each item that has not passed, what is still missing; empty for a passed item. */
  missing: Record<ChecklistItemKey, ChecklistGap[]>;
  /** Newest first. */
  decisions: SellerDecisionView[];
};

export type SellerCaseSummary = {
  caseId: number;
  status: CaseStatus;
  excludedAt: Date;
  recheckAt: Date;
  reinstatedAt: Date | null;
};

type ProgressRow = { in_scope: number; opened: number; causes_named: number; buyers_contacted: number };
type LetterRow = {
  version: number;
  status: "draft" | "submitted";
  submitted_at: string | Date | null;
  updated_at: string | Date;
  verdict: "accepted" | "changes_requested" | null;
};
type DecisionRow = {
  id: string | number;
  kind: "reinstate" | "extend";
  decided_at: string | Date;
  extend_reasons: string[] | null;
  new_recheck_at: string | Date | null;
  message_to_seller: string | null;
};
type CaseListRow = {
  id: string | number;
  status: CaseStatus;
  excluded_at: string | Date;
  recheck_at: string | Date;
  reinstated_at: string | Date | null;
};

const maybeDate = (value: string | Date | null) => (value ? new Date(value) : null);

/**
 * The seller's own exclusion case (lib/cases/seller-case-access.ts: another seller's is not found),
 * in a fixed number of queries: where it stands and the countdown, why (the frozen reasons), the
 * seller's progress through SPEC's steps, the re-check checklist exactly as the moderator's case
 * page has it (getCaseChecklist) with what is still missing for each item, and the decisions told
 * to the seller.
 */
export async function getCaseForSeller(params: { actor: UserActor; caseId: number; now: Date }): Promise<CaseForSeller> {
  const { now } = params;
  const theCase = await findOwnCase(db, params.actor, params.caseId);
  const caseId = theCase.id;
  const isClosed = theCase.status === "REINSTATED";
  const policy = await getPolicyInForce(db);
  const answerDays = policy.exclusion.letterAnswerDays;
  const [checklist, [progress], letterRows, decisionRows] = await Promise.all([
    getCaseChecklist({ caseId, policy, now, isClosed, reinstatedAt: theCase.reinstatedAt }),
    // A review counts as opened once the seller has recorded anything on it; buyers as contacted
    // by a recorded contact, an agreed removal or edit, or a resolution with the buyer.
    queryRows<ProgressRow>(
      db,
      sql`select count(*)::int as in_scope,
                 count(*) filter (where cr.root_cause is not null or cr.resolution is not null or st.any_step
                                     or exists (select 1 from review_replies rr where rr.review_id = cr.review_id))::int as opened,
                 count(*) filter (where cr.root_cause is not null)::int as causes_named,
                 count(*) filter (where cr.resolution = 'resolved_with_buyer' or st.contact_step)::int as buyers_contacted
          from case_reviews cr
          left join lateral (
            select true as any_step,
                   bool_or(s.step in ('contacted_buyer', 'review_removed', 'review_edited')) as contact_step
            from case_review_steps s where s.case_id = cr.case_id and s.review_id = cr.review_id
            having count(*) > 0
          ) st on true
          where cr.case_id = ${caseId}`,
    ),
    queryRows<LetterRow>(
      db,
      sql`select l.version, l.status, l.submitted_at, l.updated_at, lr.verdict
          from letters l left join letter_replies lr on lr.letter_id = l.id
          where l.case_id = ${caseId}
          order by l.version`,
    ),
    queryRows<DecisionRow>(
      db,
      sql`select d.id, d.kind, d.decided_at, d.extend_reasons, d.new_recheck_at, d.message_to_seller
          from case_decisions d where d.case_id = ${caseId} order by d.case_version desc`,
    ),
  ]);

  const letter = letterState(letterRows, answerDays);
  const resolvedItem = checklist.checklist.items.find((item) => item.key === "negative_reviews_resolved");
  const evidence = theCase.evidence as CaseEvidence;
  const earliestByMinimum = addDays(theCase.excludedAt, MINIMUM_EXCLUSION_DAYS);
  const daysLeft = Math.ceil((theCase.recheckAt.getTime() - now.getTime()) / DAY_MS);

  return {
    caseId,
    status: effectiveCaseStatus(theCase, now),
    isClosed,
    excludedAt: theCase.excludedAt,
    recheckAt: theCase.recheckAt,
    reinstatedAt: theCase.reinstatedAt,
    earliestReinstatementAt: earliestByMinimum > theCase.recheckAt ? earliestByMinimum : theCase.recheckAt,
    countdown: daysLeft > 0 ? { kind: "days_left", days: daysLeft } : { kind: "due" },
    reasons: evidence.reasons ?? [],
    openReason: theCase.openReason,
    steps: stepProgress({
      inScope: progress?.in_scope ?? 0,
      opened: progress?.opened ?? 0,
      causesNamed: progress?.causes_named ?? 0,
      buyersContacted: progress?.buyers_contacted ?? 0,
      // "Remove, edit or answer" is the checklist's own count of reviews dealt with.
      dealtWith: Number(resolvedItem?.evidence.resolved ?? 0),
      hasSubmittedLetter: letter.latest !== null,
    }),
    letter,
    checklist: checklist.checklist,
    checklistSource: { kind: checklist.source.kind, at: checklist.source.at },
    missing: checklistGaps(checklist.checklist, answerDays),
    decisions: decisionRows.map((row) =>
      row.kind === "extend"
        ? {
            id: Number(row.id),
            kind: "extend",
            at: new Date(row.decided_at),
            reasons: row.extend_reasons ?? [],
            newRecheckAt: maybeDate(row.new_recheck_at),
            message: row.message_to_seller,
          }
        : { id: Number(row.id), kind: "reinstate", at: new Date(row.decided_at) },
    ),
  };
}

/** The signed-in seller's cases, newest first: the open one, if any, and the past ones. */
export async function listSellerCases(params: { actor: UserActor }): Promise<SellerCaseSummary[]> {
  const sellerId = ownSellerId(params.actor);
  const rows = await queryRows<CaseListRow>(
    db,
    sql`select id, status, excluded_at, recheck_at, reinstated_at from cases
        where seller_id = ${sellerId} order by excluded_at desc, id desc`,
  );
  return rows.map((row) => ({
    caseId: Number(row.id),
    status: row.status,
    excludedAt: new Date(row.excluded_at),
    recheckAt: new Date(row.recheck_at),
    reinstatedAt: maybeDate(row.reinstated_at),
  }));
}

function letterState(rows: LetterRow[], answerDays: number): SellerLetterState {
  const draft = rows.find((row) => row.status === "draft");
  const latest = rows.filter((row) => row.status === "submitted" && row.submitted_at).at(-1);
  const submittedAt = latest?.submitted_at ? new Date(latest.submitted_at) : null;
  return {
    draftSavedAt: draft ? new Date(draft.updated_at) : null,
    latest:
      latest && submittedAt
        ? {
            version: Number(latest.version),
            submittedAt,
            verdict: latest.verdict,
            answerDueAt: addDays(submittedAt, answerDays),
          }
        : null,
  };
}
