import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_components/client-messages";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** What the desk's client components (case and triage forms) translate. */
const MODERATOR_CLIENT_MESSAGES = [
  "actionErrors",
  "cases.case",
  "cases.flag",
  "cases.checklistItems",
  "notifications.extendReasons",
];

/** The moderation desk (admins hold the permission too). Pages and actions check again. */
export default async function ModeratorLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("cases:view-all");
  return <ClientMessages paths={MODERATOR_CLIENT_MESSAGES}>{children}</ClientMessages>;
}
