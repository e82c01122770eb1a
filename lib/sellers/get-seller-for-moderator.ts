import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import type { CaseStatus } from "@/db/enums";
import { cases, evaluations, flagReasons, flags, sellers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { effectiveCaseStatus } from "@/lib/cases/case-machine";
import type { FlagReasonView } from "@/lib/cases/list-open-flags";
import { notFound } from "@/lib/errors";
import { getSellerQuality } from "@/lib/quality/get-seller-quality";
import type { SellerQuality } from "@/lib/quality/quality-schemas";

export type SellerCaseSummary = {
  id: number;
  status: CaseStatus;
  excludedAt: Date;
  recheckAt: Date;
  reinstatedAt: Date | null;
  openedByName: string;
};

export type SellerFlagReason = FlagReasonView & { id: number };

export type SellerForModerator = {
  seller: { id: number; externalId: string; name: string; email: string | null };
  /** Every metric in every window of the latest evaluation beside the portal's value, eligibility and flag. */
  quality: SellerQuality;
  /** The flag waiting for triage, if any, with the reasons it was raised. */
  openFlag: { id: number; createdAt: Date; evaluationId: number; evaluationAsOf: Date; reasons: SellerFlagReason[] } | null;
  /** The case that is not finished (at most one per seller). */
  activeCase: SellerCaseSummary | null;
  /** Every case of the seller, the active one included, newest first. */
  cases: SellerCaseSummary[];
};

/**
 * What a moderator sees about one seller (by our own id): contact, standing in the latest
 * evaluation against the portal, the open flag's reasons, and the seller's cases.
 */
export async function getSellerForModerator(params: { actor: Actor; sellerId: number; now: Date }): Promise<SellerForModerator> {
  assertCan(params.actor, "sellers:view-all");
  const { actor, sellerId } = params;
  const [seller] = await db
    .select({ id: sellers.id, externalId: sellers.externalId, name: sellers.name, email: sellers.email })
    .from(sellers)
    .where(eq(sellers.id, sellerId));
  if (!seller) throw notFound(`Seller ${sellerId}`);

  const [quality, openFlag, sellerCases] = await Promise.all([
    getSellerQuality({ actor, sellerExternalId: seller.externalId }),
    findOpenFlag(sellerId),
    db
      .select({
        id: cases.id,
        status: cases.status,
        excludedAt: cases.excludedAt,
        recheckAt: cases.recheckAt,
        reinstatedAt: cases.reinstatedAt,
        openedByName: users.name,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.openedBy))
      .where(eq(cases.sellerId, sellerId))
      .orderBy(desc(cases.excludedAt), desc(cases.id)),
  ]);

  // Each case's status at `now`: due once its re-check date has come, as everywhere else.
  const casesNow = sellerCases.map((sellerCase) => ({ ...sellerCase, status: effectiveCaseStatus(sellerCase, params.now) }));
  return {
    seller,
    quality,
    openFlag,
    activeCase: casesNow.find((sellerCase) => sellerCase.status !== "REINSTATED") ?? null,
    cases: casesNow,
  };
}

async function findOpenFlag(sellerId: number): Promise<SellerForModerator["openFlag"]> {
  const [flag] = await db
    .select({ id: flags.id, createdAt: flags.createdAt, evaluationId: flags.evaluationId, evaluationAsOf: evaluations.asOf })
    .from(flags)
    .innerJoin(evaluations, eq(evaluations.id, flags.evaluationId))
    .where(and(eq(flags.sellerId, sellerId), eq(flags.status, "open")))
    .orderBy(desc(flags.createdAt), desc(flags.id))
    .limit(1);
  if (!flag) return null;
  const reasons = await db
    .select({
      id: flagReasons.id,
      code: flagReasons.code,
      metric: flagReasons.metric,
      window: flagReasons.window,
      value: flagReasons.value,
      intervalLow: flagReasons.intervalLow,
      intervalHigh: flagReasons.intervalHigh,
      portalValue: flagReasons.portalValue,
      rule: flagReasons.rule,
      threshold: flagReasons.threshold,
      details: flagReasons.details,
    })
    .from(flagReasons)
    .where(eq(flagReasons.flagId, flag.id))
    .orderBy(asc(flagReasons.id));
  return { ...flag, reasons };
}
