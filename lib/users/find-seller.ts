import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { sellers } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { fieldIssue } from "@/lib/validation";

/** The seller behind a marketplace seller id, for linking an account; a clear error if unknown. */
export async function findSellerForLink(executor: Executor, externalId: string | undefined) {
  if (!externalId) return null;
  const seller = await executor.query.sellers.findFirst({ where: eq(sellers.externalId, externalId) });
  if (!seller) {
    throw invalid(`No seller with id "${externalId}"`, [fieldIssue("sellerExternalId", { key: "sellerUnknown" })]);
  }
  return seller;
}
