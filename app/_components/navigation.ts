import type { Role } from "@/db/enums";
import { can, type Permission } from "@/lib/auth/permissions";

/** The header's links; each shows only to roles that hold its permission (lib/auth/permissions.ts). */
const NAV_ITEMS = [
  { href: "/seller", label: "sellerHome", permission: "seller-portal:use" },
  { href: "/seller/inbox", label: "inbox", permission: "seller-portal:use" },
  { href: "/moderator", label: "moderation", permission: "cases:view-all" },
  { href: "/moderator/flags", label: "flags", permission: "flags:triage" },
  { href: "/moderator/cases", label: "cases", permission: "cases:view-all" },
  { href: "/moderator/letters", label: "letters", permission: "letters:answer" },
  { href: "/moderator/appeals", label: "appeals", permission: "cases:decide" },
  { href: "/moderator/sellers", label: "sellers", permission: "sellers:view-all" },
  { href: "/admin", label: "administration", permission: "users:manage" },
  { href: "/admin/users", label: "users", permission: "users:manage" },
  { href: "/admin/api-keys", label: "apiKeys", permission: "api-keys:manage" },
  { href: "/admin/audit", label: "audit", permission: "audit:read" },
  { href: "/admin/policy", label: "policy", permission: "policy:edit" },
  { href: "/admin/statements", label: "statements", permission: "statements:export" },
  { href: "/admin/import", label: "import", permission: "imports:run" },
  { href: "/admin/outbox", label: "outbox", permission: "outbox:view" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

export type NavItem = (typeof NAV_ITEMS)[number];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
