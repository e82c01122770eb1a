import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The seller portal. Pages and actions check again: a layout does not guard them. */
export default async function SellerLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("seller-portal:use");
  return children;
}
