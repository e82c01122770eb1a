// Tampering breaks the chain for good, so this file's database is used for one story only.
import { expect, test } from "vitest";
import { db } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getLatestAuditVerification } from "@/lib/audit/verify-and-record-audit-chain";
import { createTestUser } from "@/scripts/test-support/factories";
import { runScript } from "@/scripts/test-support/run-script";
import { tamperWithDatabase } from "@/scripts/test-support/tamper";

test("a row changed behind the trigger's back is named by audit:verify", async () => {
  for (let i = 0; i < 6; i++) {
    await recordAudit(db, { actor: SYSTEM_ACTOR, action: "test.tamper", entityType: "test", entityId: i, at: new Date() });
  }
  expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 6 });

  await tamperWithDatabase(`update audit_log set reason = 'rewritten history' where seq = 3`);

  expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, problem: "hash-mismatch" } });
  // The command an operator runs says the same and exits non-zero.
  const failure = await runScript("audit:verify");
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain("BROKEN at entry seq=3");

  // …and records what it found, which the audit page shows as the latest verification.
  const { actor: admin } = await createTestUser("admin");
  expect(await getLatestAuditVerification({ actor: admin })).toMatchObject({
    ok: false,
    entries: 2,
    lastSeq: 2,
    firstBrokenSeq: 3,
    problem: "hash-mismatch",
    actorLabel: "audit:verify",
  });
});
