import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The moderation desk (admins hold the permission too). Pages and actions check again. */
export default async function ModeratorLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("cases:view-all");
  return children;
}
