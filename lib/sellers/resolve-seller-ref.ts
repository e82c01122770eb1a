import "server-only";
import { eq, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { sellers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

/** Our own ids are positive whole numbers (bigint); anything else can only be a marketplace id. */
const INTERNAL_ID = /^[1-9]\d{0,15}$/;

/**
 * Our seller id behind a seller page's address: our own id (what the app's links use) or the
 * marketplace's (what moderators paste from other tools, "S0040"). Our own id wins when a
 * marketplace id happens to be another seller's internal number, so no link of ours changes meaning.
 */
export async function resolveSellerRef(params: { actor: Actor; ref: string }): Promise<number> {
  assertCan(params.actor, "sellers:view-all");
  const ref = params.ref.trim();
  if (!ref || ref.includes("\u0000")) throw notFound(`Seller ${JSON.stringify(params.ref)}`);
  const internalId = INTERNAL_ID.test(ref) && Number.isSafeInteger(Number(ref)) ? Number(ref) : null;
  const found = await db
    .select({
      id: sellers.id,
      isInternal: internalId === null ? sql<boolean>`false` : sql<boolean>`${sellers.id} = ${internalId}`,
    })
    .from(sellers)
    .where(internalId === null ? eq(sellers.externalId, ref) : or(eq(sellers.id, internalId), eq(sellers.externalId, ref)));
  const seller = found.find((row) => row.isInternal) ?? found[0];
  if (!seller) throw notFound(`Seller ${JSON.stringify(params.ref)}`);
  return seller.id;
}
