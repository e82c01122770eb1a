import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { FlagState } from "./case-machine";
import { FLAG_REASON_JSON } from "./flag-reasons-sql";
import type { FlagReasonView } from "./list-open-flags";

export type FlagForModerator = {
  flagId: number;
  status: FlagState;
  seller: { id: number; externalId: string; name: string };
  createdAt: Date;
  evaluationAsOf: Date;
  reasons: FlagReasonView[];
  triagedBy: string | null;
  triagedAt: Date | null;
  dismissReason: string | null;
  /** The case opened from this flag, or the seller's active case. */
  caseId: number | null;
  earlierCases: number;
  /** The seller's flags before this one, newest first (at most EARLIER_FLAGS_SHOWN), and how many there are. */
  earlierFlags: EarlierFlag[];
  earlierFlagCount: number;
};

export type EarlierFlag = {
  flagId: number;
  evaluationAsOf: Date;
  status: FlagState;
  triagedBy: string | null;
  triagedAt: Date | null;
  dismissReason: string | null;
};

export const EARLIER_FLAGS_SHOWN = 5;

type EarlierFlagJson = {
  flag_id: number;
  as_of: string;
  status: FlagState;
  triaged_by: string | null;
  triaged_at: string | null;
  dismiss_reason: string | null;
};

/**
 * One flag with its reasons and what became of it, for the triage page, and the seller's earlier
 * flags: a shop flagged and let go week after week is a different decision from a first flag.
 */
export async function getFlagForModerator(params: { actor: Actor; flagId: number }): Promise<FlagForModerator> {
  assertCan(params.actor, "flags:triage");
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select f.id, f.status, f.seller_id, s.external_id, s.name, f.created_at, e.as_of, u.email as triaged_by, f.triaged_at, f.dismiss_reason,
               (select coalesce(json_agg(${FLAG_REASON_JSON} order by fr.id), '[]'::json)
                  from flag_reasons fr where fr.flag_id = f.id) as reasons,
               (select c.id from cases c where c.flag_id = f.id or (c.seller_id = f.seller_id and c.status <> 'REINSTATED')
                 order by c.id desc limit 1) as case_id,
               (select count(*)::int from cases c where c.seller_id = f.seller_id) as earlier_cases,
               -- Earlier by the week evaluated (a back-filled evaluation makes an older week's flag later).
               (select count(*)::int from flags ef join evaluations ee on ee.id = ef.evaluation_id
                 where ef.seller_id = f.seller_id and (ee.as_of, ef.id) < (e.as_of, f.id)) as earlier_flag_count,
               (select coalesce(json_agg(x order by x.as_of desc, x.flag_id desc), '[]'::json) from (
                  select ef.id as flag_id, ee.as_of, ef.status, eu.email as triaged_by, ef.triaged_at, ef.dismiss_reason
                  from flags ef
                  join evaluations ee on ee.id = ef.evaluation_id
                  left join users eu on eu.id = ef.triaged_by
                  where ef.seller_id = f.seller_id and (ee.as_of, ef.id) < (e.as_of, f.id)
                  order by ee.as_of desc, ef.id desc
                  limit ${EARLIER_FLAGS_SHOWN}) x) as earlier_flags
        from flags f
        join sellers s on s.id = f.seller_id
        join evaluations e on e.id = f.evaluation_id
        left join users u on u.id = f.triaged_by
        where f.id = ${params.flagId}`,
  );
  if (!row) throw notFound(`Flag ${params.flagId}`);
  return {
    flagId: Number(row.id),
    status: row.status as FlagState,
    seller: { id: Number(row.seller_id), externalId: String(row.external_id), name: String(row.name) },
    createdAt: new Date(row.created_at as string),
    evaluationAsOf: new Date(row.as_of as string),
    reasons: row.reasons as FlagReasonView[],
    triagedBy: (row.triaged_by as string | null) ?? null,
    triagedAt: row.triaged_at ? new Date(row.triaged_at as string) : null,
    dismissReason: (row.dismiss_reason as string | null) ?? null,
    caseId: row.case_id == null ? null : Number(row.case_id),
    earlierCases: Number(row.earlier_cases),
    earlierFlags: (row.earlier_flags as EarlierFlagJson[]).map((earlier) => ({
      flagId: Number(earlier.flag_id),
      evaluationAsOf: new Date(earlier.as_of),
      status: earlier.status,
      triagedBy: earlier.triaged_by,
      triagedAt: earlier.triaged_at ? new Date(earlier.triaged_at) : null,
      dismissReason: earlier.dismiss_reason,
    })),
    earlierFlagCount: Number(row.earlier_flag_count),
  };
}
