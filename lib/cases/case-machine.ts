/**
 * The exclusion case as a state machine (SPEC "The exclusion case"). Pure: which action is allowed
 * in which state, and where it leads. Every lib/cases action asks `caseTransition` before it
 * writes, so a refused pair changes nothing.
 *
 *   flag ──open──▶ EXCLUDED ──(re-check date reached)──▶ DUE_FOR_RECHECK ──reinstate──▶ REINSTATED
 *     └─dismiss                                              └──extend──▶ EXCLUDED
 */
import type { CaseStatus } from "@/db/enums";

/** Nobody may be reinstated sooner than this after the exclusion; the policy may ask for longer. */
export const MINIMUM_EXCLUSION_DAYS = 14;
const DAY_MS = 86_400_000;

export const MODERATOR_CASE_ACTIONS = [
  "reinstate",
  "extend",
  "answer_letter",
  "assign",
  "add_note",
  "decide_fake_review",
] as const;
/** The seller's own work during an exclusion: a review's root cause, its outcome, the letter. */
export const SELLER_CASE_ACTIONS = ["analyse_review", "resolve_review", "write_letter"] as const;
export const CASE_ACTIONS = [...MODERATOR_CASE_ACTIONS, ...SELLER_CASE_ACTIONS] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const FLAG_ACTIONS = ["open_case", "dismiss"] as const;
export type FlagAction = (typeof FLAG_ACTIONS)[number];

export type FlagState = "open" | "case_opened" | "dismissed" | "superseded";

export type Transition<S> = { isAllowed: true; next: S } | { isAllowed: false; reason: string };

/** Until the moderator decides, the seller may go on working, also on and after the re-check date. */
const SELLER_WORK = SELLER_CASE_ACTIONS;

/** What each state permits; anything not listed is refused. */
const CASE_ACTIONS_BY_STATE: Record<CaseStatus, readonly CaseAction[]> = {
  // The seller works through the reviews and writes letters; no decision before the re-check date.
  EXCLUDED: ["answer_letter", "assign", "add_note", "decide_fake_review", ...SELLER_WORK],
  DUE_FOR_RECHECK: ["reinstate", "extend", "answer_letter", "assign", "add_note", "decide_fake_review", ...SELLER_WORK],
  // A finished case keeps its record; only internal notes may still be added.
  REINSTATED: ["add_note"],
};

const NEXT_STATE: Partial<Record<CaseAction, CaseStatus>> = { reinstate: "REINSTATED", extend: "EXCLUDED" };

export function caseTransition(state: CaseStatus, action: CaseAction): Transition<CaseStatus> {
  if (!CASE_ACTIONS_BY_STATE[state].includes(action)) return { isAllowed: false, reason: refusalReason(state, action) };
  return { isAllowed: true, next: NEXT_STATE[action] ?? state };
}

function refusalReason(state: CaseStatus, action: CaseAction): string {
  if (state === "REINSTATED") return "This case is closed: the seller has been reinstated";
  if (action === "reinstate" || action === "extend") {
    return `A decision is possible only from the re-check date on (the minimum exclusion is ${MINIMUM_EXCLUSION_DAYS} days)`;
  }
  return `This cannot be done while the case is ${state}`;
}

export function flagTransition(state: FlagState, action: FlagAction): Transition<FlagState> {
  if (state !== "open") {
    const what = {
      case_opened: "a case was already opened from it",
      dismissed: "it was already dismissed",
      superseded: "a newer flag replaced it",
    }[state];
    return { isAllowed: false, reason: `This flag was already triaged: ${what}` };
  }
  return { isAllowed: true, next: action === "open_case" ? "case_opened" : "dismissed" };
}

/**
 * The status at `now`. An exclusion whose re-check date has come is due, whether or not the
 * scheduled job has written that down yet; decisions never wait for the job.
 */
export function effectiveCaseStatus(theCase: { status: CaseStatus; recheckAt: Date }, now: Date): CaseStatus {
  if (theCase.status === "EXCLUDED" && now.getTime() >= theCase.recheckAt.getTime()) return "DUE_FOR_RECHECK";
  return theCase.status;
}

/** The policy's minimum, never below the specification's 14 days; longer for a repeat exclusion. */
export function minimumExclusionDays(policy: { minDays: number; repeatMinDays: number }, isRepeat: boolean): number {
  return Math.max(MINIMUM_EXCLUSION_DAYS, isRepeat ? policy.repeatMinDays : policy.minDays);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Whole days since the exclusion (day 0 is the day it started). */
export function daysSince(start: Date, now: Date): number {
  return Math.floor((now.getTime() - start.getTime()) / DAY_MS);
}
