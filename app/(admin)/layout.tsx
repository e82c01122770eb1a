import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** Administration. Pages and actions check again: a layout does not guard them. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("users:manage");
  return children;
}
