/**
 * The value lists of the data model, declared once: db/schema.ts builds the database enums from
 * them, zod schemas and forms reuse them. No drizzle here, so client components can import it.
 */

export const ROLES = ["moderator", "seller", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ORDER_STATUSES = [
  "placed",
  "shipped",
  "delivered",
  "cancelled_by_seller",
  "cancelled_by_buyer",
  "returned",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const REVIEW_REMOVED_BY = ["buyer", "moderator"] as const;
export const MESSAGE_SENDERS = ["buyer", "seller"] as const;

export const EVENT_TYPES = [
  "seller.upserted",
  "order.placed",
  "order.status_changed",
  "review.posted",
  "review.updated",
  "review.removed",
  "complaint.filed",
  "message.sent",
  "refund.issued",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVALUATION_STATUSES = ["running", "completed", "failed"] as const;
export const WINDOWS = ["year", "recent", "month", "baseline", "messages"] as const;
export type QualityWindow = (typeof WINDOWS)[number];

export const FLAG_CODES = ["LOW_YEAR", "WORSENED"] as const;
export type FlagCode = (typeof FLAG_CODES)[number];
/** `superseded`: a later evaluation flagged the seller again before anyone triaged this flag. */
export const FLAG_STATUSES = ["open", "case_opened", "dismissed", "superseded"] as const;

/** Root causes of a negative review, named as an independent reader would (policy text). */
export const ROOT_CAUSES = [
  "not_in_stock",
  "price_changed",
  "no_reaction_to_order",
  "slow_or_no_contact",
  "delivery_cost",
  "description_or_photos_wrong",
  "quality_of_goods",
  "other",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export const CASE_STATUSES = ["EXCLUDED", "DUE_FOR_RECHECK", "REINSTATED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const REVIEW_RESOLUTIONS = ["resolved_with_buyer", "answered_publicly"] as const;
export const RESOLUTION_STEPS = ["contacted_buyer", "review_removed", "review_edited", "public_reply", "note"] as const;

export const LETTER_STATUSES = ["draft", "submitted"] as const;
export const LETTER_VERDICTS = ["accepted", "changes_requested"] as const;
export const DECISION_KINDS = ["reinstate", "extend"] as const;

/**
 * What a seller may contest (SPEC "Explaining and contesting a decision"): the exclusion itself (the
 * case's opening) or an extension (a case_decisions row of kind `extend`), once each.
 */
export const APPEAL_SUBJECTS = ["exclusion", "extension"] as const;
export type AppealSubject = (typeof APPEAL_SUBJECTS)[number];
/** `upheld`: the decision stands; `overturned`: it was wrong, and the seller is reinstated at once. */
export const APPEAL_STATUSES = ["waiting", "upheld", "overturned"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** Why a seller is not returned to the catalog yet (policy reasons for an extension). */
export const EXTEND_REASONS = [
  "negative_reviews_unresolved",
  "no_new_positive_reviews",
  "suspected_fake_reviews",
  "letter_missing_or_not_constructive",
  "new_negative_reviews_or_complaints",
  "other",
] as const;

export const FAKE_SIGNAL_KINDS = ["no_matching_purchase", "five_star_burst", "repeat_buyer", "single_activity_buyer"] as const;
export const FAKE_SIGNAL_STATUSES = ["suspected", "confirmed", "cleared"] as const;

/** Catalog events, and the seller's public reply to a review for the marketplace to show under it. */
export const OUTBOX_EVENT_TYPES = ["seller.excluded", "seller.reinstated", "review.replied"] as const;
export type OutboxEventType = (typeof OUTBOX_EVENT_TYPES)[number];

/**
 * The complaint reasons the marketplace sends (`complaint.filed`'s `reason`) that have words in the
 * message catalogs; any other reason is the marketplace's own text, shown as it came.
 */
export const COMPLAINT_REASONS = ["item_not_as_described", "not_delivered", "no_response", "damaged", "wrong_item"] as const;
export type ComplaintReason = (typeof COMPLAINT_REASONS)[number];
export const EMAIL_STATUSES = ["pending", "sent", "failed", "skipped"] as const;

/** What became of a sign-in attempt. Refused attempts do not count towards the limits. */
export const SIGN_IN_OUTCOMES = ["pending", "succeeded", "failed", "refused"] as const;
