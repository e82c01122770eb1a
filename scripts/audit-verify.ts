/**
 * `npm run audit:verify` — walks the audit trail's hash chain, names the first broken entry, and
 * records the result as an `audit.verified` entry (shown on the admin's audit page).
 * Exit code 0: intact; 1: broken; 2: could not check.
 */
import { closeDatabase } from "@/db";
import { verifyAndRecordAuditChain } from "@/lib/audit/verify-and-record-audit-chain";
import { currentTime } from "@/lib/clock";

async function main() {
  const result = await verifyAndRecordAuditChain({ actor: { kind: "system", label: "audit:verify" }, now: currentTime() });
  await closeDatabase();
  if (result.ok) {
    console.log(`audit trail intact: ${result.entries} entries checked`);
    return 0;
  }
  console.error(`audit trail BROKEN at entry seq=${result.firstBrokenSeq}: ${result.problem}`);
  console.error(`${result.entries} entries before it are intact`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error("audit:verify could not run:", error instanceof Error ? error.message : error);
    await closeDatabase().catch(() => {});
    process.exit(2);
  },
);
