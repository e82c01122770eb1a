import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { CaseStatus, RootCause } from "@/db/enums";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";
import { instant } from "@/lib/quality/sql-literals";
import type { KeysetPage, ListCursor } from "@/lib/search/keyset";
import { CASE_REVIEWS_PAGE_SIZE, cursorInCaseScope, readCaseReviewsPage, type CaseReviewView } from "./case-reviews-page";
import { addDays, daysSince, effectiveCaseStatus, MINIMUM_EXCLUSION_DAYS } from "./case-machine";
import type { Checklist } from "./checklist";
import { getCaseChecklist, type ChecklistSource } from "./get-case-checklist";
import { getCaseTimeline, type TimelineEntry } from "./get-case-timeline";
import type { CaseEvidence } from "./open-case";

export { CASE_REVIEWS_PAGE_SIZE, type CaseReviewView };

export type LetterView = {
  letterId: number;
  version: number;
  status: "draft" | "submitted";
  submittedAt: Date | null;
  items: { position: number; rootCause: RootCause; problem: string; solution: string }[];
  reply: { verdict: "accepted" | "changes_requested"; message: string; by: string; at: string } | null;
  answerDueAt: Date | null;
};

export type SignalView = {
  signalId: number;
  reviewId: number;
  kind: string;
  status: "suspected" | "confirmed" | "cleared";
  details: Record<string, unknown>;
  rating: number;
  text: string | null;
  postedAt: Date;
  decidedBy: string | null;
};

export type CaseForModerator = {
  caseId: number;
  version: number;
  status: CaseStatus;
  storedStatus: CaseStatus;
  seller: { id: number; externalId: string; name: string };
  excludedAt: Date;
  recheckAt: Date;
  earliestReinstatementAt: Date;
  reinstatedAt: Date | null;
  day: number;
  openedBy: string;
  openReason: string | null;
  holder: { userId: string; email: string } | null;
  evidence: CaseEvidence;
  checklist: Checklist;
  /** Computed now (an open case), or the snapshot its reinstatement was decided on (a closed case). */
  checklistSource: ChecklistSource;
  /** One page of the reviews in scope, newest first; `total` and `rootCauseCounts` count them all. */
  reviews: KeysetPage<CaseReviewView> & { total: number };
  rootCauseCounts: { rootCause: RootCause | null; count: number }[];
  letters: LetterView[];
  signals: SignalView[];
  notes: { body: string; by: string; at: Date }[];
  decisions: {
    /** The case_decisions row: its statement of reasons is `decision-<id>`. */
    id: number;
    kind: "reinstate" | "extend";
    by: string;
    at: Date;
    overrides: unknown;
    extendReasons: string[] | null;
    newRecheckAt: Date | null;
    message: string | null;
  }[];
  timeline: TimelineEntry[];
  otherCases: { caseId: number; status: CaseStatus; excludedAt: Date; reinstatedAt: Date | null }[];
};

type CaseRow = {
  id: string | number;
  version: number;
  status: CaseStatus;
  seller_id: string | number;
  external_id: string;
  name: string;
  excluded_at: string | Date;
  recheck_at: string | Date;
  reinstated_at: string | Date | null;
  opened_by: string;
  open_reason: string | null;
  assigned_to: string | null;
  holder: string | null;
  evidence: CaseEvidence;
};

type LetterRow = {
  id: string | number;
  version: number;
  status: LetterView["status"];
  submitted_at: string | Date | null;
  items: LetterView["items"];
  reply: LetterView["reply"];
};

type SignalRow = {
  id: string | number;
  review_id: string | number;
  kind: string;
  status: SignalView["status"];
  details: Record<string, unknown>;
  rating: number;
  text: string | null;
  posted_at: string | Date;
  decided_by: string | null;
};

type NoteRow = { body: string; by: string; created_at: string | Date };

type DecisionRow = {
  id: string | number;
  kind: "reinstate" | "extend";
  by: string;
  decided_at: string | Date;
  overrides: unknown;
  extend_reasons: string[] | null;
  new_recheck_at: string | Date | null;
  message_to_seller: string | null;
};

type OtherCaseRow = { id: string | number; status: CaseStatus; excluded_at: string | Date; reinstated_at: string | Date | null };

const date = (value: string | Date) => new Date(value);
const maybeDate = (value: string | Date | null) => (value ? new Date(value) : null);

/**
 * Everything the case page shows, in a fixed number of queries (run side by side), whatever the
 * number of reviews, letters or entries: the case, its frozen evidence, the checklist (live, or the
 * one a closed case was decided on), a page
 * of the reviews in scope with the seller's work on them (`reviewsCursor`) and their counts by root
 * cause, the letters, the fake-review signals, notes, decisions, the timeline and the seller's other
 * cases.
 */
export async function getCaseForModerator(params: {
  actor: UserActor;
  caseId: number;
  now: Date;
  reviewsCursor?: ListCursor;
}): Promise<CaseForModerator> {
  assertCan(params.actor, "cases:view-all");
  const { caseId, now } = params;
  const reviewsCursor = await cursorInCaseScope(db, caseId, params.reviewsCursor);
  const [row] = await queryRows<CaseRow>(
    db,
    sql`select c.id, c.version, c.status, c.seller_id, s.external_id, s.name, c.excluded_at, c.recheck_at, c.reinstated_at,
               o.email as opened_by, c.open_reason, c.assigned_to, h.email as holder, c.evidence
        from cases c
        join sellers s on s.id = c.seller_id
        join users o on o.id = c.opened_by
        left join users h on h.id = c.assigned_to
        where c.id = ${caseId}`,
  );
  if (!row) throw notFound(`Case ${caseId}`);
  const sellerId = Number(row.seller_id);
  const excludedAt = date(row.excluded_at);
  const recheckAt = date(row.recheck_at);
  const reinstatedAt = maybeDate(row.reinstated_at);
  const policy = await getPolicyInForce(db);
  const answerDays = policy.exclusion.letterAnswerDays;
  const [checklist, reviews, rootCauses, letters, signals, notes, decisions, timeline, otherCases] = await Promise.all([
    getCaseChecklist({ caseId, policy, now, isClosed: row.status === "REINSTATED", reinstatedAt }),
    readCaseReviewsPage(db, { caseId, cursor: reviewsCursor }),
    queryRows<{ root_cause: RootCause | null; n: number }>(
      db,
      sql`select cr.root_cause, count(*)::int as n from case_reviews cr where cr.case_id = ${caseId}
          group by cr.root_cause order by n desc, cr.root_cause nulls last`,
    ),
    queryRows<LetterRow>(
      db,
      sql`select l.id, l.version, l.status, l.submitted_at,
                 (select coalesce(json_agg(json_build_object('position', li.position, 'rootCause', li.root_cause, 'problem', li.problem, 'solution', li.solution)
                                           order by li.position), '[]'::json)
                    from letter_items li where li.letter_id = l.id) as items,
                 (select json_build_object('verdict', lr.verdict, 'message', lr.message, 'by', u.email, 'at', lr.created_at)
                    from letter_replies lr join users u on u.id = lr.moderator_id where lr.letter_id = l.id) as reply
          from letters l
          where l.case_id = ${caseId} and l.status = 'submitted'
          order by l.version desc`,
    ),
    queryRows<SignalRow>(
      db,
      sql`select g.id, g.review_id, g.kind, g.status, g.details, r.rating, r.text, r.posted_at, u.email as decided_by
          from review_signals g
          join reviews r on r.id = g.review_id
          left join users u on u.id = g.decided_by
          where g.seller_id = ${sellerId}
            and (g.status <> 'cleared' or r.posted_at >= ${instant(excludedAt)})
          order by r.posted_at desc
          limit 200`,
    ),
    queryRows<NoteRow>(
      db,
      sql`select n.body, u.email as by, n.created_at from case_notes n join users u on u.id = n.author_id
          where n.case_id = ${caseId} order by n.created_at desc`,
    ),
    queryRows<DecisionRow>(
      db,
      sql`select d.id, d.kind, u.email as by, d.decided_at, d.overrides, d.extend_reasons, d.new_recheck_at, d.message_to_seller
          from case_decisions d join users u on u.id = d.decided_by
          where d.case_id = ${caseId} order by d.case_version desc`,
    ),
    getCaseTimeline(db, { caseId, sellerId }),
    queryRows<OtherCaseRow>(
      db,
      sql`select id, status, excluded_at, reinstated_at from cases where seller_id = ${sellerId} and id <> ${caseId} order by excluded_at desc`,
    ),
  ]);

  return {
    caseId,
    version: row.version,
    status: effectiveCaseStatus({ status: row.status, recheckAt }, now),
    storedStatus: row.status,
    seller: { id: sellerId, externalId: row.external_id, name: row.name },
    excludedAt,
    recheckAt,
    earliestReinstatementAt: addDays(excludedAt, MINIMUM_EXCLUSION_DAYS),
    reinstatedAt,
    day: daysSince(excludedAt, reinstatedAt ?? now),
    openedBy: row.opened_by,
    openReason: row.open_reason,
    holder: row.assigned_to && row.holder ? { userId: row.assigned_to, email: row.holder } : null,
    evidence: row.evidence,
    checklist: checklist.checklist,
    checklistSource: checklist.source,
    reviews: {
      ...reviews,
      total: rootCauses.reduce((total, entry) => total + Number(entry.n), 0),
    },
    rootCauseCounts: rootCauses.map((entry) => ({ rootCause: entry.root_cause, count: Number(entry.n) })),
    letters: letters.map((letter) => {
      const submittedAt = maybeDate(letter.submitted_at);
      return {
        letterId: Number(letter.id),
        version: Number(letter.version),
        status: letter.status,
        submittedAt,
        items: letter.items,
        reply: letter.reply ?? null,
        answerDueAt: submittedAt ? addDays(submittedAt, answerDays) : null,
      };
    }),
    signals: signals.map((signal) => ({
      signalId: Number(signal.id),
      reviewId: Number(signal.review_id),
      kind: signal.kind,
      status: signal.status,
      details: signal.details,
      rating: Number(signal.rating),
      text: signal.text,
      postedAt: date(signal.posted_at),
      decidedBy: signal.decided_by,
    })),
    notes: notes.map((note) => ({ body: note.body, by: note.by, at: date(note.created_at) })),
    decisions: decisions.map((decision) => ({
      id: Number(decision.id),
      kind: decision.kind,
      by: decision.by,
      at: date(decision.decided_at),
      overrides: decision.overrides,
      extendReasons: decision.extend_reasons,
      newRecheckAt: maybeDate(decision.new_recheck_at),
      message: decision.message_to_seller,
    })),
    timeline,
    otherCases: otherCases.map((other) => ({
      caseId: Number(other.id),
      status: other.status,
      excludedAt: date(other.excluded_at),
      reinstatedAt: maybeDate(other.reinstated_at),
    })),
  };
}
