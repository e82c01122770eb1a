import "server-only";
import { sql } from "drizzle-orm";
import { db, queryRows } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validation";
import { visibilityBodySchema, visibilityQuerySchema, type CatalogVisibility } from "./catalog-schemas";

type Row = {
  external_id: string;
  case_id: string | number | null;
  excluded_at: string | Date | null;
  recheck_at: string | Date | null;
};

/**
 * Which of the asked sellers the catalog may show, in the order asked (GET's comma-separated query,
 * or POST's JSON body for lists longer than a URL carries). A seller is hidden from the
 * moment a case is opened until it is reinstated; an unknown seller is visible. One query, through
 * the unique seller id and the one-active-case-per-seller index.
 */
export async function getCatalogVisibility(
  params: { actor: Actor; query: { sellerIds?: string | null } } | { actor: Actor; body: unknown },
): Promise<CatalogVisibility> {
  const { sellerIds } =
    "body" in params
      ? parseInput(visibilityBodySchema, params.body ?? {})
      : parseInput(visibilityQuerySchema, { sellerIds: params.query.sellerIds ?? undefined });
  const rows = await queryRows<Row>(
    db,
    sql`select ids.external_id, c.id as case_id, c.excluded_at, c.recheck_at
        from unnest(${sql`array[${sql.join(
          sellerIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::text[]`}) with ordinality as ids(external_id, position)
        left join sellers s on s.external_id = ids.external_id
        left join cases c on c.seller_id = s.id and c.status <> 'REINSTATED'
        order by ids.position`,
  );
  return {
    sellers: rows.map((row) =>
      row.case_id == null
        ? { sellerId: row.external_id, visible: true }
        : {
            sellerId: row.external_id,
            visible: false,
            caseId: Number(row.case_id),
            excludedSince: new Date(row.excluded_at!).toISOString(),
            recheckOn: new Date(row.recheck_at!).toISOString(),
          },
    ),
  };
}
