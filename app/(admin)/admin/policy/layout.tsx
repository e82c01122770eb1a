import type { ReactNode } from "react";
import { ClientMessages } from "@/app/_components/client-messages";

/** What this page's client components translate (with actionErrors, as a provider replaces the one above it). */
export default function PolicyLayout({ children }: { children: ReactNode }) {
  return <ClientMessages paths={["policyEditor", "actionErrors"]}>{children}</ClientMessages>;
}
