/**
 * Where a seller does each thing: the pages notifications, e-mails and the standing page link to.
 * Client-safe.
 */
export const SELLER_PATHS = {
  standing: "/seller",
  inbox: "/seller/inbox",
  /** The exclusion: why, the countdown, the steps and the re-check checklist. */
  case: (caseId: number) => `/seller/cases/${caseId}`,
  /** The negative reviews in the case's scope: root causes, resolutions, public replies. */
  reviews: (caseId: number) => `/seller/cases/${caseId}/reviews`,
  /** The Problem → Solution letter: the draft, the submitted versions and the moderators' answers. */
  letter: (caseId: number) => `/seller/cases/${caseId}/letter`,
  /**
   * The statement of reasons of one decision on the case, printable: `exclusion` for the case's
   * opening, `decision-<id>` for an extension or the reinstatement (a case_decisions row).
   */
  statement: (caseId: number, key: "exclusion" | `decision-${number}`) => `/seller/cases/${caseId}/statements/${key}`,
  /** Contesting the exclusion or an extension, and the appeals' outcomes with their reasons. */
  appeal: (caseId: number) => `/seller/cases/${caseId}/appeal`,
} as const;
