/**
 * `npm run evaluate [-- --as-of 2026-11-23T00:00:00+02:00]` — runs an evaluation now, as the
 * scheduler would (default asOf: the most recent Monday 00:00 in the portal's time zone), and
 * prints what it found; then the fake-review signals of its reviews. The same asOf under the same
 * policy returns the evaluation made before.
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db";
import { isDomainError } from "@/lib/errors";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { runEvaluation } from "@/lib/quality/run-evaluation";

async function main() {
  const { values } = parseArgs({ options: { "as-of": { type: "string" } }, strict: true });
  const asOf = values["as-of"] === undefined ? undefined : new Date(values["as-of"]);
  if (asOf && Number.isNaN(asOf.getTime())) throw new Error(`--as-of "${values["as-of"]}" is not an ISO-8601 date-time`);
  const actor = { kind: "system", label: `cli:evaluate (${os.userInfo().username})` } as const;
  const started = performance.now();
  const summary = await runEvaluation({ actor, asOf, now: new Date() });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `evaluation ${summary.evaluationId} as of ${summary.asOf}, policy v${summary.policyVersion}: ${summary.sellersEvaluated} sellers, ${summary.flagged.length} flagged (${seconds} s)`,
  );
  for (const flag of summary.flagged) {
    const reasons = flag.reasons.map(
      (r) => `${r.code} ${r.metric}/${r.window} ${r.value.toFixed(3)} vs portal ${r.portalValue.toFixed(3)}`,
    );
    console.log(`  ${flag.sellerId}: ${reasons.join("; ")}`);
  }
  const signalsStarted = performance.now();
  const signals = await computeReviewSignals({ actor, evaluationId: summary.evaluationId, now: new Date() });
  const signalSeconds = ((performance.now() - signalsStarted) / 1000).toFixed(1);
  console.log(
    signals.computed
      ? `fake-review signals: ${signals.raised} new, reviews from ${signals.from?.toISOString()} (${signalSeconds} s)`
      : "fake-review signals: computed before for this evaluation",
  );
}

main()
  .then(() => closeDatabase())
  .catch(async (error: unknown) => {
    console.error(isDomainError(error) ? `evaluate: ${error.message}` : error);
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
