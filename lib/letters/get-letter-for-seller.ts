import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { LETTER_VERDICTS, RootCause } from "@/db/enums";
import type { UserActor } from "@/lib/auth/actor";
import { addDays, effectiveCaseStatus } from "@/lib/cases/case-machine";
import { findOwnCase } from "@/lib/cases/seller-case-access";
import { getPolicyInForce } from "@/lib/quality/get-current-policy";

type LetterVerdict = (typeof LETTER_VERDICTS)[number];

export type LetterPair = { rootCause: RootCause; problem: string; solution: string };

export type SubmittedVersion = {
  letterId: number;
  version: number;
  /** When the marketplace received it. */
  submittedAt: Date;
  answerDueAt: Date;
  items: LetterPair[];
  /**
   * The moderator's answer as the seller reads it: the verdict, the message and when. Who answered
   * stays inside the team (the seller reads "the moderator"); internal case notes never reach here.
   */
  answer: { verdict: LetterVerdict; message: string; at: Date } | null;
};

export type LetterForSeller = {
  caseId: number;
  isClosed: boolean;
  /** The version still waiting for its answer: no new version until it is answered. */
  awaiting: { version: number; answerDueAt: Date } | null;
  /** Whether the form is offered: the case is open and no version waits for its answer. */
  canWrite: boolean;
  draft: { version: number; items: LetterPair[]; updatedAt: Date } | null;
  /** Submitted versions, newest first. */
  versions: SubmittedVersion[];
  /** The seller's root causes in the case, most frequent first: the first pairs start from them. */
  frequentCauses: { rootCause: RootCause; count: number }[];
  reviewsInScope: number;
  reviewsAnalysed: number;
};

type LetterRow = {
  id: string | number;
  version: number;
  status: "draft" | "submitted";
  submitted_at: string | Date | null;
  updated_at: string | Date;
  items: LetterPair[];
  answer: { verdict: LetterVerdict; message: string; at: string } | null;
};

/**
 * The seller's letter page: the draft, the versions sent with the moderator's answers, and what
 * the form starts from. A fixed number of queries whatever the number of letters or reviews.
 */
export async function getLetterForSeller(params: { actor: UserActor; caseId: number; now: Date }): Promise<LetterForSeller> {
  const theCase = await findOwnCase(db, params.actor, params.caseId);
  const [policy, rows, causes] = await Promise.all([
    getPolicyInForce(db),
    queryRows<LetterRow>(
      db,
      sql`select l.id, l.version, l.status, l.submitted_at, l.updated_at,
                 (select coalesce(json_agg(json_build_object('rootCause', li.root_cause, 'problem', li.problem, 'solution', li.solution)
                                           order by li.position), '[]'::json)
                    from letter_items li where li.letter_id = l.id) as items,
                 (select json_build_object('verdict', lr.verdict, 'message', lr.message, 'at', lr.created_at)
                    from letter_replies lr where lr.letter_id = l.id) as answer
          from letters l
          where l.case_id = ${theCase.id} and l.seller_id = ${theCase.sellerId}
          order by l.version desc`,
    ),
    queryRows<{ root_cause: RootCause | null; n: number }>(
      db,
      sql`select cr.root_cause, count(*)::int as n from case_reviews cr
          where cr.case_id = ${theCase.id} and cr.seller_id = ${theCase.sellerId}
          group by cr.root_cause order by n desc, cr.root_cause nulls last`,
    ),
  ]);

  const answerDays = policy.exclusion.letterAnswerDays;
  const versions: SubmittedVersion[] = rows
    .filter((row) => row.status === "submitted")
    .map((row) => {
      const submittedAt = new Date(row.submitted_at!);
      return {
        letterId: Number(row.id),
        version: row.version,
        submittedAt,
        answerDueAt: addDays(submittedAt, answerDays),
        items: row.items,
        answer: row.answer ? { ...row.answer, at: new Date(row.answer.at) } : null,
      };
    });
  const draftRow = rows.find((row) => row.status === "draft");
  const last = versions[0];
  const awaiting = last && !last.answer ? { version: last.version, answerDueAt: last.answerDueAt } : null;
  const isClosed = effectiveCaseStatus(theCase, params.now) === "REINSTATED";
  const named = causes.filter((entry) => entry.root_cause !== null);

  return {
    caseId: theCase.id,
    isClosed,
    awaiting,
    canWrite: !isClosed && !awaiting,
    draft: draftRow ? { version: draftRow.version, items: draftRow.items, updatedAt: new Date(draftRow.updated_at) } : null,
    versions,
    frequentCauses: named.map((entry) => ({ rootCause: entry.root_cause!, count: entry.n })),
    reviewsInScope: causes.reduce((total, entry) => total + entry.n, 0),
    reviewsAnalysed: named.reduce((total, entry) => total + entry.n, 0),
  };
}

/** How many pairs the form pre-fills from the most frequent causes when there is nothing to start from. */
export const SUGGESTED_PAIRS = 3;

/**
 * What the form starts from: the draft; else, after an answer, the last version's pairs (a
 * revision is a new version); else one pair per most frequent root cause, texts still to write.
 */
export function startingPairs(letter: LetterForSeller): { rootCause: RootCause | ""; problem: string; solution: string }[] {
  if (letter.draft && letter.draft.items.length > 0) return letter.draft.items;
  if (letter.versions[0]) return letter.versions[0].items;
  const suggested = letter.frequentCauses.slice(0, SUGGESTED_PAIRS).map((entry) => entry.rootCause);
  return (suggested.length > 0 ? suggested : ([""] as const)).map((rootCause) => ({ rootCause, problem: "", solution: "" }));
}
