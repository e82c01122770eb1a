import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/**
 * Administration. Pages and actions check again: a layout does not guard them. The pages whose
 * client components translate (users, API keys, import, policy) pick their messages in their own
 * layouts, so the others (the audit trail, the overview) do not carry them.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("users:manage");
  return children;
}
