/**
 * What the app tells a seller, and what it tells the catalog. The case lifecycle (lib/cases) writes
 * these rows in the transaction of each step; lib/delivery sends them afterwards (in-app inbox,
 * e-mail through SMTP when configured, the catalog webhook). Client-safe: no server imports.
 */
import type { RootCause } from "@/db/enums";

export const NOTIFICATION_KINDS = [
  "case_opened",
  "letter_answered",
  "case_extended",
  "case_reinstated",
  "appeal_decided",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The steps a seller is asked to take during an exclusion (SPEC "What the seller is asked to do"). */
export const SELLER_STEPS = [
  "open_every_negative_review",
  "name_root_causes",
  "contact_buyers",
  "remove_edit_or_answer",
  "write_letter",
] as const;
export type SellerStep = (typeof SELLER_STEPS)[number];

/**
 * A reason of the exclusion, as the flag stored it. The interval, threshold and details were added
 * later: older notifications have only the value against the portal's.
 */
export type NotificationReason = {
  code: string;
  metric: string;
  window: string;
  value: number;
  portalValue: number;
  intervalLow?: number | null;
  intervalHigh?: number | null;
  threshold?: number;
  details?: unknown;
};

/** `notifications.payload`, by `notifications.kind`. Dates are ISO-8601 strings. */
export type NotificationPayload =
  | {
      kind: "case_opened";
      caseId: number;
      excludedAt: string;
      recheckAt: string;
      /** Empty for a case opened by hand; then `openReason` says why. */
      reasons: NotificationReason[];
      openReason: string | null;
      reviewsInScope: number;
      steps: SellerStep[];
    }
  | {
      kind: "letter_answered";
      caseId: number;
      letterId: number;
      letterVersion: number;
      verdict: "accepted" | "changes_requested";
      message: string;
    }
  | {
      kind: "case_extended";
      caseId: number;
      reasons: string[];
      recheckAt: string;
      message: string;
      /** Root causes the moderator still sees open, if any (for the seller's guidance). */
      openRootCauses?: RootCause[];
    }
  | { kind: "case_reinstated"; caseId: number; reinstatedAt: string }
  | {
      kind: "appeal_decided";
      caseId: number;
      appealId: number;
      /** What was contested: the exclusion itself or an extension. */
      subject: "exclusion" | "extension";
      outcome: "upheld" | "overturned";
      /** The moderator's reasons, shown to the seller word for word. */
      reason: string;
      decidedAt: string;
      /** Set when overturning reinstated the seller at once. */
      reinstatedAt: string | null;
    };

/**
 * `outbox_events.type` and `.payload` (the event's `data`). The webhook body is the envelope
 * `{ id: String(outbox_events.id), type, occurredAt: created_at, data: payload }`.
 * `sellerId` and `reviewId` are the marketplace's own ids (external_id), as in the API.
 */
export type OutboxEvent =
  | { type: "seller.excluded"; payload: { sellerId: string; caseId: number; excludedSince: string; recheckOn: string } }
  | { type: "seller.reinstated"; payload: { sellerId: string; caseId: number; reinstatedAt: string } }
  /** The seller's public reply to a review, for the marketplace to show under the review. */
  | { type: "review.replied"; payload: { reviewId: string; sellerId: string; text: string; repliedAt: string } };

export type OutboxPayload = OutboxEvent["payload"];
