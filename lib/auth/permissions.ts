import type { Role } from "@/db/enums";
import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";

/**
 * The permission matrix: the one place that says which role may do what. Pages, actions, route
 * handlers and lib/ functions ask `can(role, permission)`; nothing else compares role names.
 */
export const PERMISSIONS = {
  /** A seller's own quality dashboard and exclusion path. */
  "seller-portal:use": ["seller"],
  "sellers:view-all": ["moderator", "admin"],
  "flags:triage": ["moderator", "admin"],
  "cases:view-all": ["moderator", "admin"],
  "cases:decide": ["moderator", "admin"],
  "letters:answer": ["moderator", "admin"],
  "fake-reviews:decide": ["moderator", "admin"],
  "evaluations:run": ["moderator", "admin"],
  "policy:view": ["moderator", "admin"],
  "policy:edit": ["admin"],
  "users:manage": ["admin"],
  "api-keys:manage": ["admin"],
  "audit:read": ["admin"],
  /** Walk the audit chain now and record the result (the audit page's button). */
  "audit:verify": ["admin"],
  "imports:run": ["admin"],
  "outbox:view": ["admin"],
  /** Send a pending catalog event now instead of at its next attempt. */
  "outbox:retry": ["admin"],
  /** The statements of reasons of a range of days, as the DSA Transparency Database takes them. */
  "statements:export": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role lands after signing in. */
export const HOME_PATH: Record<Role, string> = {
  seller: "/seller",
  moderator: "/moderator",
  admin: "/admin",
};

/**
 * For lib/ functions, which check again whatever the page or action already checked. The system
 * actor (scripts, scheduled jobs) may do anything; an API key acts only through the API.
 */
export function assertCan(actor: Actor, permission: Permission): void {
  if (actor.kind === "system") return;
  if (actor.kind !== "user" || !can(actor.role, permission)) throw forbidden();
}
