/**
 * The whole data model of Catalog Guard (SPEC.md), one file, tables beside their row types.
 *
 * Conventions:
 * - keys are bigint identities (uuid for users), so rows can later be distributed by seller;
 * - every seller-owned table carries `seller_id`;
 * - every timestamp is `timestamptz`;
 * - value lists are declared once here and reused by zod (`z.enum(ROLES)`).
 * - Marketplace identifiers (seller, order, review, … ids sent through the API) are kept as
 *   `external_id` text beside our own key; buyers are external and referenced by their id only.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  ROLES,
  ORDER_STATUSES,
  REVIEW_REMOVED_BY,
  MESSAGE_SENDERS,
  EVALUATION_STATUSES,
  WINDOWS,
  FLAG_CODES,
  FLAG_STATUSES,
  ROOT_CAUSES,
  CASE_STATUSES,
  REVIEW_RESOLUTIONS,
  RESOLUTION_STEPS,
  LETTER_STATUSES,
  LETTER_VERDICTS,
  DECISION_KINDS,
  APPEAL_STATUSES,
  APPEAL_SUBJECTS,
  FAKE_SIGNAL_KINDS,
  FAKE_SIGNAL_STATUSES,
  OUTBOX_EVENT_TYPES,
  SIGN_IN_OUTCOMES,
  EMAIL_STATUSES,
} from "./enums";

const id = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();
const sellerRef = () =>
  bigint("seller_id", { mode: "number" })
    .notNull()
    .references(() => sellers.id);
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

// ---------------------------------------------------------------- value lists

export * from "./enums";

export const roleEnum = pgEnum("role", ROLES);
export const orderStatusEnum = pgEnum("order_status", ORDER_STATUSES);
export const reviewRemovedByEnum = pgEnum("review_removed_by", REVIEW_REMOVED_BY);
export const messageSenderEnum = pgEnum("message_sender", MESSAGE_SENDERS);
export const evaluationStatusEnum = pgEnum("evaluation_status", EVALUATION_STATUSES);
export const windowEnum = pgEnum("quality_window", WINDOWS);
export const flagCodeEnum = pgEnum("flag_code", FLAG_CODES);
export const flagStatusEnum = pgEnum("flag_status", FLAG_STATUSES);
export const rootCauseEnum = pgEnum("root_cause", ROOT_CAUSES);
export const caseStatusEnum = pgEnum("case_status", CASE_STATUSES);
export const reviewResolutionEnum = pgEnum("review_resolution", REVIEW_RESOLUTIONS);
export const resolutionStepEnum = pgEnum("resolution_step", RESOLUTION_STEPS);
export const letterStatusEnum = pgEnum("letter_status", LETTER_STATUSES);
export const letterVerdictEnum = pgEnum("letter_verdict", LETTER_VERDICTS);
export const decisionKindEnum = pgEnum("decision_kind", DECISION_KINDS);
export const appealSubjectEnum = pgEnum("appeal_subject", APPEAL_SUBJECTS);
export const appealStatusEnum = pgEnum("appeal_status", APPEAL_STATUSES);
export const fakeSignalKindEnum = pgEnum("fake_signal_kind", FAKE_SIGNAL_KINDS);
export const fakeSignalStatusEnum = pgEnum("fake_signal_status", FAKE_SIGNAL_STATUSES);
export const outboxEventTypeEnum = pgEnum("outbox_event_type", OUTBOX_EVENT_TYPES);
export const emailStatusEnum = pgEnum("email_status", EMAIL_STATUSES);
export const signInOutcomeEnum = pgEnum("sign_in_outcome", SIGN_IN_OUTCOMES);

// ---------------------------------------------------------------- marketplace data

export const sellers = pgTable("sellers", {
  id: id(),
  externalId: text("external_id").notNull().unique(),
  name: text("name").notNull(),
  email: text("email"),
  createdAt: createdAt(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
export type Seller = typeof sellers.$inferSelect;

export const orders = pgTable(
  "orders",
  {
    id: id(),
    sellerId: sellerRef(),
    externalId: text("external_id").notNull().unique(),
    buyerId: text("buyer_id").notNull(),
    amount: numeric("amount", { precision: 14, scale: 2 }),
    currency: char("currency", { length: 3 }),
    status: orderStatusEnum("status").notNull().default("placed"),
    placedAt: ts("placed_at").notNull(),
    statusChangedAt: ts("status_changed_at"),
  },
  (t) => [
    // INCLUDE (status), added in migration 0005: the evaluation's scan reads this index alone.
    index("orders_seller_placed_idx").on(t.sellerId, t.placedAt),
    // Fake-review checks: did this buyer buy from this seller before the review?
    index("orders_buyer_idx").on(t.buyerId, t.sellerId, t.placedAt),
  ],
);
export type Order = typeof orders.$inferSelect;

export const orderStatusChanges = pgTable(
  "order_status_changes",
  {
    id: id(),
    sellerId: sellerRef(),
    orderId: bigint("order_id", { mode: "number" })
      .notNull()
      .references(() => orders.id),
    status: orderStatusEnum("status").notNull(),
    occurredAt: ts("occurred_at").notNull(),
  },
  (t) => [
    index("order_status_changes_order_idx").on(t.orderId, t.occurredAt),
    // The evaluation finds the orders whose status changed at or after its asOf through this,
    index("order_status_changes_occurred_idx").on(t.occurredAt),
    // and, of those, the ones that were cancelled by the seller before it through this (a few
    // percent of all changes).
    index("order_status_changes_cancelled_idx")
      .on(t.orderId, t.occurredAt)
      .where(sql`${t.status} = 'cancelled_by_seller'`),
  ],
);

export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    sellerId: sellerRef(),
    externalId: text("external_id").notNull().unique(),
    buyerId: text("buyer_id").notNull(),
    orderId: bigint("order_id", { mode: "number" }).references(() => orders.id),
    /** The current rating, after the buyer's edits. */
    rating: smallint("rating").notNull(),
    text: text("text"),
    postedAt: ts("posted_at").notNull(),
    editedAt: ts("edited_at"),
    removedAt: ts("removed_at"),
    removedBy: reviewRemovedByEnum("removed_by"),
  },
  (t) => [
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
    // INCLUDE (rating, removed_at), added in migration 0005: the evaluation's scan reads this index alone.
    index("reviews_seller_posted_idx").on(t.sellerId, t.postedAt),
    // In the order the unique-rating rule reads reviews (buyer, seller, time, id) and holding all it
    // reads (removed_at last: after the unique id it never changes the order), so the evaluation
    // reads this index alone, already sorted. The fake-review signals range-scan it per buyer.
    index("reviews_buyer_idx").on(t.buyerId, t.sellerId, t.postedAt, t.id, t.removedAt),
  ],
);
export type Review = typeof reviews.$inferSelect;

/** Every rating a review has had, the first one included (buyers may edit within 90 days). */
export const reviewRatingChanges = pgTable(
  "review_rating_changes",
  {
    id: id(),
    sellerId: sellerRef(),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    rating: smallint("rating").notNull(),
    text: text("text"),
    occurredAt: ts("occurred_at").notNull(),
  },
  (t) => [
    check("review_rating_changes_rating_range", sql`${t.rating} between 1 and 5`),
    index("review_rating_changes_review_idx").on(t.reviewId, t.occurredAt),
    // The evaluation finds the reviews edited at or after its asOf through this.
    index("review_rating_changes_occurred_idx").on(t.occurredAt),
  ],
);

/** The seller's public answer to a review. */
export const reviewReplies = pgTable(
  "review_replies",
  {
    id: id(),
    sellerId: sellerRef(),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    authorUserId: uuid("author_user_id").references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  // One public answer per review: it is published under the review and cannot be taken back.
  (t) => [uniqueIndex("review_replies_review_idx").on(t.reviewId)],
);

export const complaints = pgTable(
  "complaints",
  {
    id: id(),
    sellerId: sellerRef(),
    externalId: text("external_id").notNull().unique(),
    buyerId: text("buyer_id").notNull(),
    orderId: bigint("order_id", { mode: "number" }).references(() => orders.id),
    reason: text("reason").notNull(),
    text: text("text"),
    filedAt: ts("filed_at").notNull(),
  },
  (t) => [index("complaints_seller_filed_idx").on(t.sellerId, t.filedAt), index("complaints_buyer_idx").on(t.buyerId)],
);

export const messageThreads = pgTable(
  "message_threads",
  {
    id: id(),
    sellerId: sellerRef(),
    externalId: text("external_id").notNull().unique(),
    buyerId: text("buyer_id").notNull(),
    startedBy: messageSenderEnum("started_by").notNull(),
    startedAt: ts("started_at").notNull(),
    /** First buyer message and the seller's first reply after it: what response time is measured on. */
    firstBuyerMessageAt: ts("first_buyer_message_at"),
    firstSellerReplyAt: ts("first_seller_reply_at"),
  },
  (t) => [
    index("message_threads_seller_started_idx").on(t.sellerId, t.startedAt),
    index("message_threads_buyer_idx").on(t.buyerId),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    sellerId: sellerRef(),
    threadId: bigint("thread_id", { mode: "number" })
      .notNull()
      .references(() => messageThreads.id),
    externalId: text("external_id").notNull().unique(),
    sender: messageSenderEnum("sender").notNull(),
    text: text("text"),
    sentAt: ts("sent_at").notNull(),
  },
  (t) => [index("messages_thread_sent_idx").on(t.threadId, t.sentAt)],
);

export const refunds = pgTable(
  "refunds",
  {
    id: id(),
    sellerId: sellerRef(),
    orderId: bigint("order_id", { mode: "number" })
      .notNull()
      .unique()
      .references(() => orders.id),
    requestedAt: ts("requested_at").notNull(),
    refundedAt: ts("refunded_at").notNull(),
  },
  (t) => [index("refunds_seller_refunded_idx").on(t.sellerId, t.refundedAt)],
);

/** Event ids already taken in: a re-sent event is a duplicate, never stored twice. */
export const ingestedEvents = pgTable("ingested_events", {
  eventId: text("event_id").primaryKey(),
  type: text("type").notNull(),
  occurredAt: ts("occurred_at").notNull(),
  receivedAt: ts("received_at").notNull().defaultNow(),
  apiKeyId: bigint("api_key_id", { mode: "number" }).references(() => apiKeys.id),
  /** The admin whose CSV import brought the event in. */
  importedBy: uuid("imported_by").references(() => users.id),
});

// ---------------------------------------------------------------- scoring

/** Every change to the scoring policy is a new version; evaluations record the version they used. */
export const scoringPolicies = pgTable(
  "scoring_policies",
  {
    version: integer("version").primaryKey(),
    params: jsonb("params").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    /**
     * A version is a draft until an admin activates it (with a reason); the active policy is the
     * version activated last. Version 1 was active from its creation. Activated versions are never
     * changed again (old evaluations keep theirs); only a draft may be edited or discarded.
     */
    activatedAt: ts("activated_at"),
    activatedBy: uuid("activated_by").references(() => users.id),
    activationReason: text("activation_reason"),
  },
  (t) => [
    // At most one draft at a time: the next version is worked on in one place.
    uniqueIndex("scoring_policies_one_draft_idx")
      .on(sql`(true)`)
      .where(sql`${t.activatedAt} is null`),
    index("scoring_policies_activated_idx").on(t.activatedAt),
  ],
);
export type ScoringPolicy = typeof scoringPolicies.$inferSelect;

export const evaluations = pgTable(
  "evaluations",
  {
    id: id(),
    asOf: ts("as_of").notNull(),
    policyVersion: integer("policy_version")
      .notNull()
      .references(() => scoringPolicies.version),
    status: evaluationStatusEnum("status").notNull().default("running"),
    startedAt: ts("started_at").notNull(),
    completedAt: ts("completed_at"),
    sellersEvaluated: integer("sellers_evaluated"),
    flaggedCount: integer("flagged_count"),
    /** The portal time zone the business days and the default asOf were counted in. */
    timeZone: text("time_zone").notNull(),
    /** Who asked for the run (user e-mail, api key, or "scheduler"). */
    requestedBy: text("requested_by").notNull(),
    /**
     * When the fake-review signals of the reviews up to this evaluation's asOf were computed
     * (lib/quality/compute-review-signals.ts): a separate step after the evaluation, so null until it ran.
     */
    signalsComputedAt: ts("signals_computed_at"),
    /**
     * The moment of the one database snapshot every pass of the evaluation read (REPEATABLE READ,
     * shared with SET TRANSACTION SNAPSHOT): the data the decision rests on is the data committed by then.
     */
    snapshotAt: ts("snapshot_at"),
  },
  (t) => [
    uniqueIndex("evaluations_as_of_policy_completed_idx")
      .on(t.asOf, t.policyVersion)
      .where(sql`${t.status} = 'completed'`),
    index("evaluations_completed_idx").on(t.status, t.asOf),
  ],
);
export type Evaluation = typeof evaluations.$inferSelect;

/*
 * evaluation_sellers and seller_metrics get a whole portal's rows per evaluation (100k sellers: 100k
 * and 500k rows) in two INSERT … SELECTs. Per-row foreign keys would check each row on its own —
 * 6 of an evaluation's seconds at that size. Instead a statement-level trigger (migration 0004,
 * cg_check_evaluation_rows) checks all the rows a statement inserted in one join against
 * evaluations and sellers, and refuses the statement if any refers to neither. Evaluations and
 * sellers are never deleted; the rows are only ever inserted.
 */

/** One seller in one evaluation: eligibility and whether it was flagged. */
export const evaluationSellers = pgTable(
  "evaluation_sellers",
  {
    // Not foreign keys: see the note above evaluation_sellers.
    evaluationId: bigint("evaluation_id", { mode: "number" }).notNull(),
    sellerId: bigint("seller_id", { mode: "number" }).notNull(),
    eligible: boolean("eligible").notNull(),
    flagged: boolean("flagged").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.evaluationId, t.sellerId] }),
    index("evaluation_sellers_seller_idx").on(t.sellerId, t.evaluationId),
  ],
);

const metricColumns = () => ({
  orders: integer("orders").notNull(),
  uniqueReviews: integer("unique_reviews").notNull(),
  negativeReviews: integer("negative_reviews").notNull(),
  negativeReviewRate: doublePrecision("negative_review_rate"),
  averageRating: doublePrecision("average_rating"),
  complaints: integer("complaints").notNull(),
  complaintRate: doublePrecision("complaint_rate"),
  sellerCancellations: integer("seller_cancellations").notNull(),
  sellerCancellationRate: doublePrecision("seller_cancellation_rate"),
  threads: integer("threads").notNull(),
  threadsOnTime: integer("threads_on_time").notNull(),
  onTimeResponseRate: doublePrecision("on_time_response_rate"),
  medianResponseHours: doublePrecision("median_response_hours"),
  refunds: integer("refunds").notNull(),
  medianRefundHours: doublePrecision("median_refund_hours"),
  openNegativeReviews: integer("open_negative_reviews").notNull(),
});

/** A seller's metrics in one window of one evaluation. */
export const sellerMetrics = pgTable(
  "seller_metrics",
  {
    // Not foreign keys: see the note above evaluation_sellers.
    evaluationId: bigint("evaluation_id", { mode: "number" }).notNull(),
    sellerId: bigint("seller_id", { mode: "number" }).notNull(),
    window: windowEnum("window").notNull(),
    ...metricColumns(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.sellerId, t.window] })],
);
export type SellerMetricsRow = typeof sellerMetrics.$inferSelect;

/** Portal values (medians over eligible sellers) per window of one evaluation. */
export const portalMetrics = pgTable(
  "portal_metrics",
  {
    evaluationId: bigint("evaluation_id", { mode: "number" })
      .notNull()
      .references(() => evaluations.id, { onDelete: "cascade" }),
    window: windowEnum("window").notNull(),
    eligibleSellers: integer("eligible_sellers").notNull(),
    values: jsonb("values").notNull(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.window] })],
);

export const flags = pgTable(
  "flags",
  {
    id: id(),
    evaluationId: bigint("evaluation_id", { mode: "number" })
      .notNull()
      .references(() => evaluations.id),
    sellerId: sellerRef(),
    status: flagStatusEnum("status").notNull().default("open"),
    createdAt: createdAt(),
    supersededBy: bigint("superseded_by", { mode: "number" }),
    triagedBy: uuid("triaged_by").references(() => users.id),
    triagedAt: ts("triaged_at"),
    dismissReason: text("dismiss_reason"),
  },
  (t) => [
    uniqueIndex("flags_evaluation_seller_idx").on(t.evaluationId, t.sellerId),
    index("flags_status_created_idx").on(t.status, t.createdAt),
    index("flags_seller_idx").on(t.sellerId, t.createdAt),
    // The open-flag queue (lib/cases/list-open-flags.ts) reads its page in order, not every open flag joined and sorted.
    index("flags_open_created_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.status} = 'open'`),
  ],
);
export type Flag = typeof flags.$inferSelect;

/** Why a seller was flagged, in numbers a moderator and the seller can read. */
export const flagReasons = pgTable(
  "flag_reasons",
  {
    id: id(),
    flagId: bigint("flag_id", { mode: "number" })
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    sellerId: sellerRef(),
    code: flagCodeEnum("code").notNull(),
    metric: text("metric").notNull(),
    window: windowEnum("window").notNull(),
    value: doublePrecision("value").notNull(),
    intervalLow: doublePrecision("interval_low"),
    intervalHigh: doublePrecision("interval_high"),
    portalValue: doublePrecision("portal_value").notNull(),
    rule: text("rule").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    details: jsonb("details"),
  },
  (t) => [index("flag_reasons_flag_idx").on(t.flagId)],
);
export type FlagReason = typeof flagReasons.$inferSelect;

/** Signals that a review may be fake, each with its reason; a moderator confirms or clears it. */
export const reviewSignals = pgTable(
  "review_signals",
  {
    id: id(),
    sellerId: sellerRef(),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    kind: fakeSignalKindEnum("kind").notNull(),
    details: jsonb("details").notNull(),
    status: fakeSignalStatusEnum("status").notNull().default("suspected"),
    computedAt: ts("computed_at").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: ts("decided_at"),
  },
  (t) => [
    uniqueIndex("review_signals_review_kind_idx").on(t.reviewId, t.kind),
    index("review_signals_seller_idx").on(t.sellerId, t.status),
  ],
);

// ---------------------------------------------------------------- cases

export const cases = pgTable(
  "cases",
  {
    id: id(),
    sellerId: sellerRef(),
    flagId: bigint("flag_id", { mode: "number" }).references(() => flags.id),
    status: caseStatusEnum("status").notNull().default("EXCLUDED"),
    openReason: text("open_reason"),
    openedBy: uuid("opened_by")
      .notNull()
      .references(() => users.id),
    excludedAt: ts("excluded_at").notNull(),
    /** Day 14 (or the policy's minimum), later after an extension. */
    recheckAt: ts("recheck_at").notNull(),
    /** The metrics and reasons at the moment of exclusion; never changes afterwards. */
    evidence: jsonb("evidence").notNull(),
    assignedTo: uuid("assigned_to").references(() => users.id),
    reinstatedAt: ts("reinstated_at"),
    /** Optimistic concurrency: a decision made on an older version is refused. */
    version: integer("version").notNull().default(1),
    policyVersion: integer("policy_version").references(() => scoringPolicies.version),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // At most one case per seller that is not finished.
    uniqueIndex("cases_one_active_per_seller_idx")
      .on(t.sellerId)
      .where(sql`${t.status} <> 'REINSTATED'`),
    index("cases_status_recheck_idx").on(t.status, t.recheckAt),
    // The case list as it opens (active cases by re-check date, lib/cases/list-cases.ts) reads its
    // page in order instead of scanning the table, whose rows are wide with the frozen evidence.
    index("cases_active_recheck_idx")
      .on(t.recheckAt, t.id)
      .where(sql`${t.status} <> 'REINSTATED'`),
    index("cases_seller_idx").on(t.sellerId, t.excludedAt),
    // The admin overview (lib/dashboard/get-admin-overview.ts): exclusions and reinstatements per
    // week, and the median days to reinstatement, read a few weeks of the table rather than all of it.
    index("cases_excluded_at_idx").on(t.excludedAt),
    index("cases_reinstated_idx")
      .on(t.reinstatedAt, t.excludedAt)
      .where(sql`${t.reinstatedAt} is not null`),
    check("cases_recheck_after_exclusion", sql`${t.recheckAt} >= ${t.excludedAt}`),
  ],
);
export type Case = typeof cases.$inferSelect;

/** Negative reviews in a case's scope, with the seller's analysis of each. */
export const caseReviews = pgTable(
  "case_reviews",
  {
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    sellerId: sellerRef(),
    rootCause: rootCauseEnum("root_cause"),
    rootCauseNote: text("root_cause_note"),
    resolution: reviewResolutionEnum("resolution"),
    /** What the seller and the buyer agreed (resolved with the buyer); a public reply is in review_replies. */
    resolutionNote: text("resolution_note"),
    resolvedAt: ts("resolved_at"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.reviewId] }), index("case_reviews_seller_idx").on(t.sellerId)],
);

/** What the seller did about a review in scope: contacted the buyer, agreed a removal, replied… */
export const caseReviewSteps = pgTable(
  "case_review_steps",
  {
    id: id(),
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    reviewId: bigint("review_id", { mode: "number" })
      .notNull()
      .references(() => reviews.id),
    sellerId: sellerRef(),
    step: resolutionStepEnum("step").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("case_review_steps_case_idx").on(t.caseId, t.reviewId, t.createdAt)],
);

/** The Problem → Solution improvement letter. Drafts are kept; a submitted version is immutable. */
export const letters = pgTable(
  "letters",
  {
    id: id(),
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    sellerId: sellerRef(),
    version: integer("version").notNull(),
    status: letterStatusEnum("status").notNull().default("draft"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    submittedAt: ts("submitted_at"),
    submittedBy: uuid("submitted_by").references(() => users.id),
    /**
     * The idempotency key the seller's form sent with *Submit*: a double click or a retried request
     * carries the same key and finds the letter it already made. A trigger (migration 0008) refuses
     * any change to a submitted letter or its items.
     */
    submitKey: uuid("submit_key"),
  },
  (t) => [
    uniqueIndex("letters_case_version_idx").on(t.caseId, t.version),
    uniqueIndex("letters_submit_key_idx").on(t.caseId, t.submitKey),
    // The seller's draft, kept across devices: at most one per case.
    uniqueIndex("letters_one_draft_idx")
      .on(t.caseId)
      .where(sql`${t.status} = 'draft'`),
    index("letters_status_submitted_idx").on(t.status, t.submittedAt),
  ],
);
export type Letter = typeof letters.$inferSelect;

export const letterItems = pgTable(
  "letter_items",
  {
    id: id(),
    letterId: bigint("letter_id", { mode: "number" })
      .notNull()
      .references(() => letters.id, { onDelete: "cascade" }),
    sellerId: sellerRef(),
    position: integer("position").notNull(),
    rootCause: rootCauseEnum("root_cause").notNull(),
    problem: text("problem").notNull(),
    solution: text("solution").notNull(),
  },
  (t) => [uniqueIndex("letter_items_letter_position_idx").on(t.letterId, t.position)],
);

/** A moderator's answer to one submitted letter (due within 14 days of receiving it). */
export const letterReplies = pgTable("letter_replies", {
  id: id(),
  letterId: bigint("letter_id", { mode: "number" })
    .notNull()
    .unique()
    .references(() => letters.id),
  caseId: bigint("case_id", { mode: "number" })
    .notNull()
    .references(() => cases.id),
  sellerId: sellerRef(),
  moderatorId: uuid("moderator_id")
    .notNull()
    .references(() => users.id),
  verdict: letterVerdictEnum("verdict").notNull(),
  message: text("message").notNull(),
  createdAt: createdAt(),
});

/** The day-14 checklist as computed at one moment, each item with its evidence. */
export const checklistSnapshots = pgTable(
  "checklist_snapshots",
  {
    id: id(),
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    sellerId: sellerRef(),
    computedAt: ts("computed_at").notNull(),
    items: jsonb("items").notNull(),
    allPassed: boolean("all_passed").notNull(),
  },
  (t) => [index("checklist_snapshots_case_idx").on(t.caseId, t.computedAt)],
);

export const caseDecisions = pgTable(
  "case_decisions",
  {
    id: id(),
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    sellerId: sellerRef(),
    kind: decisionKindEnum("kind").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: ts("decided_at").notNull(),
    /** The case version the decision was made on: one decision per version. */
    caseVersion: integer("case_version").notNull(),
    checklistSnapshotId: bigint("checklist_snapshot_id", { mode: "number" }).references(() => checklistSnapshots.id),
    /** Failing checklist items overridden on reinstatement, each with its written reason. */
    overrides: jsonb("overrides"),
    extendReasons: text("extend_reasons").array(),
    newRecheckAt: ts("new_recheck_at"),
    messageToSeller: text("message_to_seller"),
  },
  (t) => [uniqueIndex("case_decisions_case_version_idx").on(t.caseId, t.caseVersion)],
);

/**
 * A seller's appeal against a decision (SPEC "Explaining and contesting a decision"; DSA Art. 20):
 * the exclusion (decision_id null) or an extension (its case_decisions row), once per decision,
 * within the policy's period. Decided by a moderator other than the one who made the contested
 * decision; overturning reinstates the seller at once.
 */
export const appeals = pgTable(
  "appeals",
  {
    id: id(),
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    sellerId: sellerRef(),
    subject: appealSubjectEnum("subject").notNull(),
    /** The contested extension; null when the exclusion itself is contested. */
    decisionId: bigint("decision_id", { mode: "number" }).references(() => caseDecisions.id),
    reason: text("reason").notNull(),
    evidence: text("evidence"),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: ts("submitted_at").notNull(),
    status: appealStatusEnum("status").notNull().default("waiting"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: ts("decided_at"),
    decisionReason: text("decision_reason"),
  },
  (t) => [
    // Once per decision: one appeal of the exclusion per case, one per extension.
    uniqueIndex("appeals_once_per_decision_idx").on(t.caseId, sql`coalesce(${t.decisionId}, 0)`),
    index("appeals_waiting_idx")
      .on(t.submittedAt, t.id)
      .where(sql`${t.status} = 'waiting'`),
    index("appeals_seller_idx").on(t.sellerId, t.submittedAt),
    check("appeals_subject_decision", sql`(${t.subject} = 'extension') = (${t.decisionId} is not null)`),
    check(
      "appeals_decided_fields",
      sql`(${t.status} = 'waiting') = (${t.decidedAt} is null) and (${t.decidedAt} is null) = (${t.decidedBy} is null) and (${t.decidedAt} is null) = (${t.decisionReason} is null)`,
    ),
  ],
);
export type Appeal = typeof appeals.$inferSelect;

/** Internal notes on a case; sellers never see them. */
export const caseNotes = pgTable(
  "case_notes",
  {
    id: id(),
    caseId: bigint("case_id", { mode: "number" })
      .notNull()
      .references(() => cases.id),
    sellerId: sellerRef(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("case_notes_case_idx").on(t.caseId, t.createdAt)],
);

// ---------------------------------------------------------------- delivery

/** A message to the seller: in-app inbox, and e-mail when SMTP is configured. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    sellerId: sellerRef(),
    caseId: bigint("case_id", { mode: "number" }).references(() => cases.id),
    kind: text("kind").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
    readAt: ts("read_at"),
    emailStatus: emailStatusEnum("email_status").notNull().default("pending"),
    emailedAt: ts("emailed_at"),
    /** Failed sends so far; after lib/delivery's limit the e-mail is given up as `failed`. */
    emailAttempts: integer("email_attempts").notNull().default(0),
    /** When a pending e-mail is next tried (null: at once); also the lease of a send in progress. */
    emailNextAttemptAt: ts("email_next_attempt_at"),
    emailLastError: text("email_last_error"),
  },
  (t) => [
    index("notifications_seller_idx").on(t.sellerId, t.createdAt),
    // The unread count in the seller's navigation, on every page.
    index("notifications_unread_idx")
      .on(t.sellerId)
      .where(sql`${t.readAt} is null`),
    index("notifications_email_pending_idx")
      .on(t.id)
      .where(sql`${t.emailStatus} = 'pending'`),
  ],
);

/** Transactional outbox: catalog events written with the change, delivered at least once. */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: id(),
    sellerId: sellerRef(),
    type: outboxEventTypeEnum("type").notNull(),
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    deliveredAt: ts("delivered_at"),
    lastError: text("last_error"),
    /** The HTTP status of the last attempt; null before the first and after a network error. */
    lastStatus: integer("last_status"),
  },
  (t) => [
    index("outbox_events_pending_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null`),
    // A seller's events go out in order: only the oldest undelivered one of each seller is due.
    index("outbox_events_seller_pending_idx")
      .on(t.sellerId, t.id)
      .where(sql`${t.deliveredAt} is null`),
  ],
);

// ---------------------------------------------------------------- people and access

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; sign-in compares lower-cased. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    sellerId: bigint("seller_id", { mode: "number" }).references(() => sellers.id),
    locale: text("locale"),
    disabledAt: ts("disabled_at"),
    /** Bumped on sign-out and when the account is disabled: every session issued before is void. */
    sessionVersion: integer("session_version").notNull().default(0),
    /** Set when an admin created the account or reset its password: the user must choose a new one at next sign-in. */
    passwordChangeRequired: boolean("password_change_required").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    check("users_seller_role_link", sql`(${t.role} = 'seller') = (${t.sellerId} is not null)`),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
    index("users_seller_idx").on(t.sellerId),
  ],
);
export type User = typeof users.$inferSelect;

/** API keys for marketplace systems. Only a SHA-256 hash of the key is stored. */
export const apiKeys = pgTable("api_keys", {
  id: id(),
  name: text("name").notNull(),
  /** The first characters of the key, shown so an admin can tell keys apart. */
  prefix: text("prefix").notNull(),
  keyHash: text("key_hash").notNull().unique(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: createdAt(),
  revokedAt: ts("revoked_at"),
  lastUsedAt: ts("last_used_at"),
});
export type ApiKey = typeof apiKeys.$inferSelect;

/** Sign-in attempts, for rate limiting per account, per address and per both. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    outcome: signInOutcomeEnum("outcome").notNull(),
    attemptedAt: ts("attempted_at").notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.attemptedAt),
    index("sign_in_attempts_ip_idx").on(t.ip, t.attemptedAt),
  ],
);

// ---------------------------------------------------------------- audit

/**
 * The audit trail. Append-only and hash-chained: a trigger (migration 0001) refuses UPDATE,
 * DELETE and TRUNCATE and fills `seq`, `prev_hash` and `hash` under a lock, so the chain
 * follows commit order. `npm run audit:verify` walks it.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    seq: bigint("seq", { mode: "number" }).notNull().unique().default(0),
    occurredAt: ts("occurred_at").notNull(),
    actorUserId: uuid("actor_user_id"),
    actorRole: text("actor_role").notNull(),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    sellerId: bigint("seller_id", { mode: "number" }),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_seller_idx").on(t.sellerId, t.occurredAt),
    index("audit_log_actor_idx").on(t.actorUserId, t.occurredAt),
    index("audit_log_action_idx").on(t.action, t.occurredAt),
    // The admin's audit viewer pages by seq, newest first, under any one filter (lib/audit).
    index("audit_log_actor_seq_idx").on(t.actorUserId, t.seq),
    index("audit_log_role_seq_idx").on(t.actorRole, t.seq),
    index("audit_log_action_seq_idx").on(t.action, t.seq),
    index("audit_log_seller_seq_idx").on(t.sellerId, t.seq),
    index("audit_log_occurred_seq_idx").on(t.occurredAt, t.seq),
    // The case an entry belongs to, as the case timeline reads it: the case itself, or an entry carrying its caseId.
    index("audit_log_case_seq_idx").on(
      sql`(coalesce(${t.after} ->> 'caseId', ${t.before} ->> 'caseId', case when ${t.entityType} = 'case' then ${t.entityId} end))`,
      t.seq,
    ),
  ],
);
export type AuditEntry = typeof auditLog.$inferSelect;
