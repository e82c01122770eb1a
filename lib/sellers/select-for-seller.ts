import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db, queryRows } from "@/db";
import { notFound } from "@/lib/errors";

/**
 * The value of `expression` (a scalar subquery over the seller, aliased `s`) for an existing
 * seller; an unknown seller is not found. Both in one round trip. Callers check the permission.
 */
export async function selectForSeller(sellerId: number, expression: SQL): Promise<unknown> {
  const [row] = await queryRows<{ value: unknown }>(
    db,
    sql`select (${expression}) as value from sellers s where s.id = ${sellerId}`,
  );
  if (!row) throw notFound(`Seller ${sellerId}`);
  return row.value;
}
