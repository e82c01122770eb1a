// Deleting breaks the chain for good, so this file's database is used for one story only.
import { expect, test } from "vitest";
import { db } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { tamperWithDatabase } from "@/scripts/test-support/tamper";

test("a row deleted behind the trigger's back is reported as a missing entry", async () => {
  for (let i = 0; i < 4; i++) {
    await recordAudit(db, { actor: SYSTEM_ACTOR, action: "test.delete", entityType: "test", entityId: i, at: new Date() });
  }
  await tamperWithDatabase(`delete from audit_log where seq = 2`);
  expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 3, problem: "missing-entry" } });
});
