import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_components/client-messages";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** What the administration's client components (user, key and import forms) translate. */
const ADMIN_CLIENT_MESSAGES = ["actionErrors", "users", "apiKeys", "import", "roles", "policyEditor"];

/** Administration. Pages and actions check again: a layout does not guard them. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("users:manage");
  return <ClientMessages paths={ADMIN_CLIENT_MESSAGES}>{children}</ClientMessages>;
}
