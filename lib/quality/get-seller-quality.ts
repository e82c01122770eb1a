import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { WINDOWS } from "@/db/enums";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { QUALITY_METRICS, type SellerQuality } from "./quality-schemas";
import { readMetricValues } from "./read-metric-values";

/**
 * A seller's standing in the latest evaluation (the one with the most recent asOf): every metric
 * in every window beside the portal's value. A seller asking sees only their own shop; another
 * seller's id is not found, like an unknown one. A seller who joined after the latest evaluation,
 * or a portal never evaluated, gets `null` values, not an error.
 */
export async function getSellerQuality(params: { actor: Actor; sellerExternalId: string }): Promise<SellerQuality> {
  const { actor, sellerExternalId } = params;
  const ownSellerOnly = actor.kind === "user" && actor.role === "seller";
  if (actor.kind === "user" && !ownSellerOnly) assertCan(actor, "sellers:view-all");
  const scope = ownSellerOnly ? sql`and s.id = ${actor.sellerId ?? -1}` : sql``;

  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      with latest as (
        select id, as_of from evaluations where status = 'completed' order by as_of desc, id desc limit 1
      )
      select s.external_id, l.id as evaluation_id, l.as_of, coalesce(e.eligible, false) as eligible, coalesce(e.flagged, false) as flagged,
        w.w as "window", to_jsonb(m) as metrics, p."values" as portal
      from sellers s
      left join latest l on true
      left join evaluation_sellers e on e.evaluation_id = l.id and e.seller_id = s.id
      cross join unnest(enum_range(null::quality_window)) as w(w)
      left join seller_metrics m on m.evaluation_id = l.id and m.seller_id = s.id and m."window" = w.w
      left join portal_metrics p on p.evaluation_id = l.id and p."window" = w.w
      where s.external_id = ${sellerExternalId} ${scope}`,
  );
  const first = rows[0];
  if (!first) throw notFound(`Seller ${sellerExternalId}`);

  const metrics = Object.fromEntries(
    WINDOWS.map((window) => {
      const row = rows.find((candidate) => candidate.window === window);
      return [
        window,
        readMetricValues(
          QUALITY_METRICS,
          row?.metrics as Record<string, unknown> | null,
          row?.portal as Record<string, unknown> | null,
        ),
      ];
    }),
  ) as SellerQuality["metrics"];

  return {
    sellerId: String(first.external_id),
    evaluationId: first.evaluation_id == null ? null : Number(first.evaluation_id),
    asOf: first.as_of == null ? null : new Date(first.as_of as string).toISOString(),
    eligible: first.eligible === true,
    flagged: first.flagged === true,
    metrics,
  };
}
