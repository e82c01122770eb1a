import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { db, queryRows, type Transaction } from "@/db";
import { cases, flags, type Case } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/database-errors";
import { conflict, notFound } from "@/lib/errors";
import { SELLER_STEPS } from "@/lib/notifications/notification-kinds";
import { ensureDefaultPolicy, getCurrentPolicy } from "@/lib/quality/get-current-policy";
import { instant } from "@/lib/quality/sql-literals";
import { parseInput } from "@/lib/validation";
import { addDays, flagTransition, minimumExclusionDays, type FlagState } from "./case-machine";
import { openCaseFromFlagInput, openCaseManuallyInput } from "./case-input";
import { caseAuditView, queueOutboxEvent, queueSellerNotification, sellerExternalId } from "./case-records";
import { FLAG_REASON_JSON } from "./flag-reasons-sql";
import type { FlagReasonView } from "./list-open-flags";

/** The metrics and reasons that caused the exclusion, as they were: later data never changes them. */
export type CaseEvidence = {
  evaluationId: number | null;
  asOf: string | null;
  policyVersion: number | null;
  reasons: FlagReasonView[];
  /** The seller's stored metrics per window (database column names), and the portal's values per window. */
  metrics: Record<string, Record<string, number | null>> | null;
  portal: Record<string, Record<string, number | null>> | null;
  openReason: string | null;
};

export type OpenedCase = { case: Case; reviewsInScope: number };

/** Opens an exclusion case from an open flag: the seller is hidden from the catalog at once. */
export async function openCaseFromFlag(params: {
  actor: UserActor;
  input: z.input<typeof openCaseFromFlagInput>;
  now: Date;
}): Promise<OpenedCase> {
  assertCan(params.actor, "flags:triage");
  const input = parseInput(openCaseFromFlagInput, params.input);
  return inOpeningTransaction(params.now, async (tx) => {
    const [flag] = await tx.select().from(flags).where(eq(flags.id, input.flagId)).for("update");
    if (!flag) throw notFound(`Flag ${input.flagId}`);
    const transition = flagTransition(flag.status as FlagState, "open_case");
    if (!transition.isAllowed) throw conflict(transition.reason, { reason: "flag_triaged" });
    await tx
      .update(flags)
      .set({ status: "case_opened", triagedBy: params.actor.userId, triagedAt: params.now })
      .where(eq(flags.id, flag.id));
    return openCase(tx, {
      actor: params.actor,
      sellerId: flag.sellerId,
      flagId: flag.id,
      evaluationId: flag.evaluationId,
      openReason: input.note || null,
      now: params.now,
    });
  });
}

/** Opens a case without a flag (a moderator's own finding); the written reason is the evidence. */
export async function openCaseManually(params: {
  actor: UserActor;
  input: z.input<typeof openCaseManuallyInput>;
  now: Date;
}): Promise<OpenedCase> {
  assertCan(params.actor, "cases:decide");
  const input = parseInput(openCaseManuallyInput, params.input);
  return inOpeningTransaction(params.now, async (tx) => {
    // An open flag of the seller is triaged by this case too, so it does not linger in the queue.
    await tx
      .update(flags)
      .set({ status: "case_opened", triagedBy: params.actor.userId, triagedAt: params.now })
      .where(and(eq(flags.sellerId, input.sellerId), eq(flags.status, "open")));
    return openCase(tx, {
      actor: params.actor,
      sellerId: input.sellerId,
      flagId: null,
      evaluationId: null,
      openReason: input.reason,
      now: params.now,
    });
  });
}

async function inOpeningTransaction(now: Date, body: (tx: Transaction) => Promise<OpenedCase>): Promise<OpenedCase> {
  // A case may be the portal's first act (opened by hand before any evaluation): it needs a policy.
  await ensureDefaultPolicy(now);
  try {
    return await db.transaction(body);
  } catch (error) {
    // Two moderators opening a case for one seller at once: the partial unique index lets one win.
    if (isUniqueViolation(error, "cases_one_active_per_seller_idx"))
      throw conflict("This seller already has an active case: it was opened a moment ago", { reason: "seller_has_active_case" });
    throw error;
  }
}

async function openCase(
  tx: Transaction,
  params: {
    actor: UserActor;
    sellerId: number;
    flagId: number | null;
    evaluationId: number | null;
    openReason: string | null;
    now: Date;
  },
): Promise<OpenedCase> {
  const { actor, sellerId, now } = params;
  const externalId = await sellerExternalId(tx, sellerId);
  // The seller's cases in one look: an active one refuses, any earlier one makes this a repeat.
  const [history] = await tx
    .select({
      activeId: sql<number | null>`max(${cases.id}) filter (where ${cases.status} <> 'REINSTATED')`,
      earlier: sql<number>`count(*)::int`,
    })
    .from(cases)
    .where(eq(cases.sellerId, sellerId));
  if (history?.activeId != null)
    throw conflict(`This seller already has an active case (#${history.activeId})`, { reason: "seller_has_active_case" });
  const isRepeat = (history?.earlier ?? 0) > 0;

  const policy = await getCurrentPolicy(tx);
  const minDays = minimumExclusionDays(policy.params.exclusion, isRepeat);
  const evidence = await freezeEvidence(tx, {
    sellerId,
    flagId: params.flagId,
    evaluationId: params.evaluationId,
    openReason: params.openReason,
    now,
  });

  const [created] = await tx
    .insert(cases)
    .values({
      sellerId,
      flagId: params.flagId,
      status: "EXCLUDED",
      openReason: params.openReason,
      openedBy: actor.userId,
      excludedAt: now,
      recheckAt: addDays(now, minDays),
      evidence,
      assignedTo: actor.userId,
      policyVersion: policy.version,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!created) throw new Error("no case inserted");

  // Every negative review of the last year that is still open: not removed, still negative, unanswered.
  const scoped = await queryRows<{ review_id: number }>(
    tx,
    sql`insert into case_reviews (case_id, review_id, seller_id, updated_at)
        select ${created.id}, r.id, r.seller_id, ${instant(now)}
        from reviews r
        where r.seller_id = ${sellerId}
          and r.posted_at > ${instant(addDays(now, -policy.params.windows.yearDays))} and r.posted_at <= ${instant(now)}
          and r.removed_at is null and r.rating <= ${policy.params.reviews.negativeMaxRating}
          and not exists (select 1 from review_replies rr where rr.review_id = r.id)
        returning review_id`,
  );

  await queueOutboxEvent(tx, {
    sellerId,
    type: "seller.excluded",
    payload: {
      sellerId: externalId,
      caseId: created.id,
      excludedSince: now.toISOString(),
      recheckOn: created.recheckAt.toISOString(),
    },
    now,
  });
  await queueSellerNotification(tx, {
    sellerId,
    caseId: created.id,
    payload: {
      kind: "case_opened",
      caseId: created.id,
      excludedAt: now.toISOString(),
      recheckAt: created.recheckAt.toISOString(),
      reasons: evidence.reasons.map(
        ({ code, metric, window, value, portalValue, intervalLow, intervalHigh, threshold, details }) => ({
          code,
          metric,
          window,
          value,
          portalValue,
          intervalLow,
          intervalHigh,
          threshold,
          details,
        }),
      ),
      openReason: params.openReason,
      reviewsInScope: scoped.length,
      steps: [...SELLER_STEPS],
    },
    now,
  });
  await recordAudit(tx, {
    actor,
    action: "case.opened",
    entityType: "case",
    entityId: created.id,
    sellerId,
    before: params.flagId ? { flagId: params.flagId, flagStatus: "open" } : null,
    after: {
      ...caseAuditView(created),
      flagId: params.flagId,
      reviewsInScope: scoped.length,
      minimumDays: minDays,
      repeat: isRepeat,
    },
    reason: params.openReason,
    at: now,
  });
  return { case: created, reviewsInScope: scoped.length };
}

type EvidenceRow = {
  evaluation_id: number | null;
  as_of: string | null;
  policy_version: number | null;
  reasons: CaseEvidence["reasons"];
  metrics: CaseEvidence["metrics"];
  portal: CaseEvidence["portal"];
};

/** One query: the flag's reasons, and the seller's and the portal's metrics of that evaluation (else the latest one by `now`). */
async function freezeEvidence(
  tx: Transaction,
  params: { sellerId: number; flagId: number | null; evaluationId: number | null; openReason: string | null; now: Date },
): Promise<CaseEvidence> {
  const evaluation = params.evaluationId
    ? sql`select id, as_of, policy_version from evaluations where id = ${params.evaluationId}`
    : sql`select id, as_of, policy_version from evaluations
          where status = 'completed' and as_of <= ${instant(params.now)} order by as_of desc, id desc limit 1`;
  const [row] = await queryRows<EvidenceRow>(
    tx,
    sql`with e as (${evaluation})
        select e.id as evaluation_id, e.as_of, e.policy_version,
          (select coalesce(json_agg(${FLAG_REASON_JSON} order by fr.id), '[]'::json)
           from flag_reasons fr where fr.flag_id = ${params.flagId ?? 0}) as reasons,
          (select json_object_agg(m."window", to_jsonb(m) - 'evaluation_id' - 'seller_id' - 'window')
           from seller_metrics m where m.evaluation_id = e.id and m.seller_id = ${params.sellerId}) as metrics,
          (select json_object_agg(p."window", p."values") from portal_metrics p where p.evaluation_id = e.id) as portal
        from (select 1) one left join e on true`,
  );
  return {
    evaluationId: row?.evaluation_id == null ? null : Number(row.evaluation_id),
    asOf: row?.as_of ? new Date(row.as_of).toISOString() : null,
    policyVersion: row?.policy_version ?? null,
    reasons: row?.reasons ?? [],
    metrics: row?.metrics ?? null,
    portal: row?.portal ?? null,
    openReason: params.openReason,
  };
}
