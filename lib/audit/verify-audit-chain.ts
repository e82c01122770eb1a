import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db";

/**
 * The canonical text of an entry, hashed into the chain. It repeats audit_log_canonical() of
 * migration 0001 on purpose: the verifier must not trust a function stored in the database it
 * checks. Keep the two identical.
 */
const CANONICAL = sql.raw(`jsonb_build_array(
    a.seq, a.prev_hash,
    to_char(a.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    a.actor_user_id, a.actor_role, a.actor_label, a.action, a.entity_type,
    a.entity_id, a.seller_id, a.before, a.after, a.reason, a.ip)::text`);

const GENESIS_HASH = "0".repeat(64);
const PAGE_SIZE = 5000;

export type ChainBreak = {
  seq: number;
  id: number;
  problem: "missing-entry" | "prev-hash-mismatch" | "hash-mismatch";
  detail: string;
};

export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; firstBroken: ChainBreak };

type Row = { id: string | number; seq: string | number; prev_hash: string; hash: string; recomputed: string };

/** Walks the whole chain in order and names the first entry that does not fit. */
export async function verifyAuditChain(executor: Executor): Promise<ChainReport> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows = await queryRows<Row>(
      executor,
      sql`select a.id, a.seq, a.prev_hash, a.hash,
                 encode(sha256(convert_to(${CANONICAL}, 'UTF8')), 'hex') as recomputed
          from audit_log a where a.seq >= ${expectedSeq} order by a.seq limit ${PAGE_SIZE}`,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      const id = Number(row.id);
      if (seq !== expectedSeq) {
        return broken(checked, {
          seq,
          id,
          problem: "missing-entry",
          detail: `entry ${expectedSeq} is missing before entry ${seq}`,
        });
      }
      if (row.prev_hash !== previousHash) {
        return broken(checked, {
          seq,
          id,
          problem: "prev-hash-mismatch",
          detail: `entry ${seq} does not point to the hash of entry ${seq - 1}`,
        });
      }
      if (row.hash !== row.recomputed) {
        return broken(checked, { seq, id, problem: "hash-mismatch", detail: `entry ${seq} was changed after it was written` });
      }
      previousHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < PAGE_SIZE) return { ok: true, checked };
  }
}

function broken(checked: number, firstBroken: ChainBreak): ChainReport {
  return { ok: false, checked, firstBroken };
}
