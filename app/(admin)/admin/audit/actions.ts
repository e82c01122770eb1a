"use server";

import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { verifyAndRecordAuditChain } from "@/lib/audit/verify-and-record-audit-chain";

/** Walks the chain now and records the result as an `audit.verified` entry (itself audited). */
export const verifyAuditChainAction = defineAction({
  name: "verifyAuditChain",
  input: z.object({}),
  permission: "audit:verify",
  run: ({ actor, now }) => verifyAndRecordAuditChain({ actor, now }),
  revalidate: () => ["/admin/audit"],
});
