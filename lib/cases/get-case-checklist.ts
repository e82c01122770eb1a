import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { PolicyParams } from "@/lib/quality/policy";
import { computeChecklist, type Checklist } from "./checklist";
import { getChecklistFacts } from "./get-checklist-facts";

/**
 * Where a case's checklist comes from: computed from the data as of `at` (now, for an open case), or
 * the snapshot its reinstatement was decided on (a closed case), with that moment and who decided.
 */
export type ChecklistSource = { kind: "computed"; at: Date } | { kind: "decision"; at: Date; by: string };

type SnapshotRow = { items: Checklist["items"]; all_passed: boolean; computed_at: string | Date; decided_by: string };

/**
 * The checklist a case page shows, the moderator's and the seller's alike: a closed case's is the
 * snapshot its reinstatement was decided on (checklist_snapshots), not one computed now from data
 * that kept changing; an open case's is computed now. A closed case without a stored snapshot
 * (reinstated before snapshots were kept) gets one computed as of its reinstatement.
 */
export async function getCaseChecklist(params: {
  caseId: number;
  policy: PolicyParams;
  now: Date;
  isClosed: boolean;
  reinstatedAt: Date | null;
}): Promise<{ checklist: Checklist; source: ChecklistSource }> {
  if (params.isClosed) {
    const [snapshot] = await queryRows<SnapshotRow>(
      db,
      sql`select cs.items, cs.all_passed, cs.computed_at, u.email as decided_by
          from case_decisions d
          join checklist_snapshots cs on cs.id = d.checklist_snapshot_id
          join users u on u.id = d.decided_by
          where d.case_id = ${params.caseId} and d.kind = 'reinstate'
          order by d.case_version desc limit 1`,
    );
    if (snapshot) {
      return {
        checklist: { items: snapshot.items, isAllPassed: snapshot.all_passed },
        source: { kind: "decision", at: new Date(snapshot.computed_at), by: snapshot.decided_by },
      };
    }
  }
  const at = params.isClosed && params.reinstatedAt ? params.reinstatedAt : params.now;
  const facts = await getChecklistFacts(db, { caseId: params.caseId, policy: params.policy, now: at });
  return { checklist: computeChecklist(facts), source: { kind: "computed", at } };
}
