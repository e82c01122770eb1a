import type { FieldMessage } from "@/lib/field-messages";

/**
 * Typed domain errors. lib/ throws them; route handlers and server actions map them to an HTTP
 * status or a form result with one table, and never show an unexpected error's details.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  RATE_LIMITED: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * What is wrong and where: `path` names the field (`data.rating`), `index` the event of a batch.
 * A CSV import also places the issue in the file: `row` is the line the record starts on (the
 * header is row 1) and `column` the header's name for the cell.
 */
export type FieldIssue = {
  path: string;
  message: string;
  index?: number;
  row?: number;
  column?: string;
  /** The message as the catalogs word it, for a form to show in the reader's language (lib/field-messages.ts). */
  catalog?: FieldMessage;
};

/**
 * Why a change was refused, as facts a form words in the reader's language; the English message
 * beside it is for logs and API clients. Each refusal names its own reason: a form never guesses.
 */
export type Refusal =
  /** The state does not permit it yet: a decision before the re-check date. `possibleFrom` is ISO. */
  | { reason: "too_early"; possibleFrom: string }
  /** A stale form: the case was decided (or changed) after the page was rendered. */
  | { reason: "case_decided"; decision: "reinstate" | "extend"; decidedBy: string; decidedAt: string }
  | { reason: "case_changed" }
  /** The case is closed: only internal notes may still be added. */
  | { reason: "case_closed" }
  /** The state does not permit this action at all (not a matter of waiting). */
  | { reason: "not_permitted_now" }
  | { reason: "letter_answered"; answeredBy: string; answeredAt: string }
  | { reason: "flag_triaged" }
  | { reason: "seller_has_active_case" }
  /** A seller's revised letter while the last one still waits for the moderator's answer (due by `answerDueAt`, ISO). */
  | { reason: "letter_awaiting_answer"; version: number; answerDueAt: string }
  /** A review's outcome (resolved with the buyer, or publicly answered) was already recorded. */
  | { reason: "review_outcome_recorded" }
  /** An autosave from a form older than the draft saved since (another device or tab) at `savedAt`, ISO. */
  | { reason: "draft_changed"; savedAt: string }
  /** The change would leave no enabled admin: someone must be able to manage the accounts. */
  | { reason: "last_admin" }
  /** The account must replace its temporary password before anything else (/account/password). */
  | { reason: "password_change_required" }
  /** This decision was already contested (on `submittedAt`, ISO): one appeal per decision. */
  | { reason: "appeal_already_made"; submittedAt: string }
  /** The period to contest this decision ended at `endedAt` (ISO). */
  | { reason: "appeal_period_over"; endedAt: string }
  /** The decision named is not one that can be contested (a reinstatement). */
  | { reason: "nothing_to_appeal" }
  /** The moderator who made the contested decision cannot decide its appeal. */
  | { reason: "appeal_own_decision" }
  /** The appeal was decided meanwhile (two moderators at once): who decided, how and when (ISO). */
  | { reason: "appeal_decided"; outcome: "upheld" | "overturned"; decidedBy: string; decidedAt: string }
  /** The policy editor: no draft (any more), one already exists, or it changed since its preview. */
  | { reason: "no_policy_draft" }
  | { reason: "policy_draft_exists" }
  | { reason: "policy_draft_changed" };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];
  /** How many issues were found: `issues` may list only the first of them. */
  readonly issueCount: number;
  /** Why a CONFLICT was refused, for a form to word in the reader's language. */
  readonly details?: Refusal;

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = [], issueCount = issues.length, details?: Refusal) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.issues = issues;
    this.issueCount = Math.max(issueCount, issues.length);
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found`);
export const forbidden = (message = "You do not have permission to do this") => new DomainError("FORBIDDEN", message);
export const conflict = (message: string, details?: Refusal) => new DomainError("CONFLICT", message, [], 0, details);
/** A refusal of who is acting rather than of the state: worded for them by its reason. */
export const refused = (message: string, details: Refusal) => new DomainError("FORBIDDEN", message, [], 0, details);
export const invalid = (message: string, issues: FieldIssue[] = [], issueCount = issues.length) =>
  new DomainError("INVALID", message, issues, issueCount);

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
