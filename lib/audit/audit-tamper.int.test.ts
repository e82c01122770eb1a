// Tampering breaks the chain for good, so this file's database is used for one story only.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { tamperWithDatabase } from "@/scripts/test-support/tamper";

const run = promisify(execFile);

test("a row changed behind the trigger's back is named by audit:verify", async () => {
  for (let i = 0; i < 6; i++) {
    await recordAudit(db, { actor: SYSTEM_ACTOR, action: "test.tamper", entityType: "test", entityId: i, at: new Date() });
  }
  expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 6 });

  await tamperWithDatabase(`update audit_log set reason = 'rewritten history' where seq = 3`);

  expect(await verifyAuditChain(db)).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, problem: "hash-mismatch" } });
  // The command an operator runs says the same and exits non-zero.
  const failure = await run("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], {
    env: { ...process.env, NODE_ENV: "production" },
  }).then(
    () => ({ code: 0, stderr: "" }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain("BROKEN at entry seq=3");
});
