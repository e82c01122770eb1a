import "server-only";
import { eq, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { sellers } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { fieldIssue } from "@/lib/validation";

/**
 * The seller an account is linked to, found by its marketplace id or, failing that, by its name
 * (any case); a clear error if there is none, or if several sellers share the name.
 */
export async function findSellerForLink(executor: Executor, idOrName: string | undefined) {
  if (!idOrName) return null;
  const matches = await executor
    .select()
    .from(sellers)
    .where(or(eq(sellers.externalId, idOrName), sql`lower(${sellers.name}) = lower(${idOrName})`))
    .limit(3);
  const byId = matches.find((seller) => seller.externalId === idOrName);
  if (byId) return byId;
  if (matches.length > 1) {
    throw invalid(`Several sellers are named "${idOrName}": use the marketplace id`, [
      fieldIssue("sellerExternalId", { key: "sellerAmbiguous" }),
    ]);
  }
  if (!matches[0]) {
    throw invalid(`No seller with id or name "${idOrName}"`, [fieldIssue("sellerExternalId", { key: "sellerUnknown" })]);
  }
  return matches[0];
}
