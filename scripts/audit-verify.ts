/**
 * `npm run audit:verify` — walks the audit trail's hash chain and names the first broken entry.
 * Exit code 0: intact; 1: broken; 2: could not check.
 */
import { closeDatabase, db } from "@/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

async function main() {
  const report = await verifyAuditChain(db);
  await closeDatabase();
  if (report.ok) {
    console.log(`audit trail intact: ${report.checked} entries checked`);
    return 0;
  }
  const { seq, id, problem, detail } = report.firstBroken;
  console.error(`audit trail BROKEN at entry seq=${seq} (id ${id}): ${problem} — ${detail}`);
  console.error(`${report.checked} entries before it are intact`);
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
