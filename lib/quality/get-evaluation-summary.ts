import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Executor } from "@/db";
import type { EvaluationSummary } from "./quality-schemas";

export async function getEvaluationSummary(executor: Executor, evaluationId: number): Promise<EvaluationSummary | null> {
  const [evaluation] = await queryRows<{
    id: number;
    as_of: string | Date;
    policy_version: number;
    sellers_evaluated: number | null;
  }>(
    executor,
    sql`select id, as_of, policy_version, sellers_evaluated from evaluations where id = ${evaluationId} and status = 'completed'`,
  );
  if (!evaluation) return null;
  const flagged = await queryRows<{ seller_id: string; reasons: EvaluationSummary["flagged"][number]["reasons"] }>(
    executor,
    sql`select s.external_id as seller_id,
          json_agg(json_build_object('code', r.code, 'metric', r.metric, 'window', r."window", 'value', r.value, 'portalValue', r.portal_value)
                   order by r.id) as reasons
        from flags f
        join sellers s on s.id = f.seller_id
        join flag_reasons r on r.flag_id = f.id
        where f.evaluation_id = ${evaluationId}
        group by f.id, s.external_id
        order by s.external_id`,
  );
  return {
    evaluationId: Number(evaluation.id),
    asOf: new Date(evaluation.as_of).toISOString(),
    policyVersion: Number(evaluation.policy_version),
    sellersEvaluated: Number(evaluation.sellers_evaluated ?? 0),
    flagged: flagged.map((row) => ({
      sellerId: row.seller_id,
      reasons: typeof row.reasons === "string" ? JSON.parse(row.reasons) : row.reasons,
    })),
  };
}
