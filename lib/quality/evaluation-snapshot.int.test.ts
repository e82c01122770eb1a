/**
 * One snapshot per evaluation (lib/quality/run-evaluation.ts): events ingested while an evaluation
 * runs, all dated before its asOf, are counted by every pass or by none. Each batch here belongs
 * to a seller of its own and touches every pass — orders and reviews (the evaluation's own
 * connection), complaints and refunds (the side connection) — so a batch counted by one pass and
 * not another shows as a seller whose counts are neither all zero nor all of the batch.
 */
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { evaluations, sellerMetrics, sellers } from "@/db/schema";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import {
  DAY_MS,
  TEST_ACTOR,
  complaint,
  daysBefore,
  ingest,
  marketplaceId,
  order,
  refund,
  review,
  seller,
  type MarketplaceEvent,
} from "@/scripts/test-support/events";

const NOW = new Date("2026-11-30T12:00:00Z");
/** Every batch's events lie 20 days before this, inside every window of each asOf after it. */
const DATED_FROM = new Date("2026-10-05T00:00:00+03:00");
const RUNS = 4;
const asOfOf = (run: number) => new Date(DATED_FROM.getTime() + (run + 1) * 7 * DAY_MS);

/** A batch for one seller: two orders (one refunded), two reviews (one negative), one complaint. */
function batchFor(sellerId: string): MarketplaceEvent[] {
  const at = (days: number) => daysBefore(DATED_FROM, days);
  return [
    order(`${sellerId}-O1`, sellerId, `${sellerId}-B1`, at(20)),
    order(`${sellerId}-O2`, sellerId, `${sellerId}-B2`, at(19)),
    review(`${sellerId}-R1`, sellerId, `${sellerId}-B1`, 1, at(18)),
    review(`${sellerId}-R2`, sellerId, `${sellerId}-B2`, 5, at(18)),
    complaint(`${sellerId}-C1`, sellerId, `${sellerId}-B1`, at(17)),
    refund(`${sellerId}-O1`, at(17), at(16)),
  ];
}

const COUNTED = ["orders", "uniqueReviews", "negativeReviews", "complaints", "refunds"] as const;
type Counts = Record<string, number>;

/** Every counted metric of every window of the sellers in one evaluation: "window:metric" → count, per marketplace id. */
async function storedCounts(evaluationId: number, marketplaceIds: readonly string[]): Promise<Map<string, Counts>> {
  const rows = await db
    .select({ externalId: sellers.externalId, metrics: sellerMetrics })
    .from(sellerMetrics)
    .innerJoin(sellers, eq(sellers.id, sellerMetrics.sellerId))
    .where(and(eq(sellerMetrics.evaluationId, evaluationId), inArray(sellers.externalId, [...marketplaceIds])));
  const counts = new Map<string, Counts>();
  for (const { externalId, metrics } of rows) {
    const entry = counts.get(externalId) ?? {};
    for (const metric of COUNTED) entry[`${metrics.window}:${metric}`] = metrics[metric];
    counts.set(externalId, entry);
  }
  return counts;
}

type Batch = { sellerId: string; started: number; committed?: number };

describe("[EVALUATION] one snapshot", () => {
  test("[EVALUATION] events ingested during a run are, for every window and metric, all counted or all not, as committed at its snapshot", async () => {
    for (let run = 0; run < RUNS; run++) {
      const asOf = asOfOf(run);
      // The reference: a batch taken in before the run, so counted whole.
      const reference = marketplaceId("S-ref");
      const pending = Array.from({ length: 60 }, () => marketplaceId("S-live"));
      await ingest([seller(reference), ...pending.map((id) => seller(id)), ...batchFor(reference)], NOW);

      const batches: Batch[] = [];
      let running = true;
      const ingesting = (async () => {
        for (const sellerId of pending) {
          if (!running) break;
          const batch: Batch = { sellerId, started: Date.now() };
          batches.push(batch);
          await ingest(batchFor(sellerId), NOW);
          batch.committed = Date.now();
        }
      })();
      // The run starts once the loop is under way, so batches commit before, during and after its snapshot.
      while (batches.filter((batch) => batch.committed !== undefined).length < 2) await new Promise((r) => setTimeout(r, 5));
      const summary = await runEvaluation({ actor: TEST_ACTOR, asOf, now: NOW }).finally(() => (running = false));
      await ingesting;

      const [evaluation] = await db.select().from(evaluations).where(eq(evaluations.id, summary.evaluationId));
      const snapshotAt = evaluation!.snapshotAt!.getTime();
      const counts = await storedCounts(summary.evaluationId, [reference, ...pending]);
      const all = counts.get(reference)!;
      expect(all["year:orders"]).toBe(2);
      expect(all["year:complaints"]).toBe(1);
      const none = Object.fromEntries(Object.keys(all).map((key) => [key, 0]));

      const counted = batches.map((batch) => {
        const stored = counts.get(batch.sellerId)!;
        // Never a part of a batch: every window and metric of the seller is all of it or none of it.
        expect([all, none], `run ${run}, ${batch.sellerId}`).toContainEqual(stored);
        return stored === all || Object.values(stored).some((count) => count > 0);
      });
      // Taken in one after another, the counted batches are the first ones: what was committed by the snapshot.
      const firstUncounted = counted.indexOf(false);
      if (firstUncounted >= 0) expect(counted.slice(firstUncounted)).not.toContain(true);
      for (const [i, batch] of batches.entries()) {
        if (batch.committed !== undefined && batch.committed < snapshotAt)
          expect(counted[i], `batch ${i} committed before`).toBe(true);
        if (batch.started > snapshotAt) expect(counted[i], `batch ${i} started after`).toBe(false);
      }
      // The run overlapped the ingestion: batches before its snapshot are counted, some taken in during the run are not.
      expect(counted.filter(Boolean).length).toBeGreaterThanOrEqual(2);
      expect(counted).toContain(false);
    }
  });
});
