/**
 * `npm run bench:policy-preview -- [--sellers 100000] [--seed 1] [--as-of 2026-11-23T00:00:00+02:00] [--keep]`
 *
 * Generates the benchmark portal (generate-portal.ts), runs an evaluation under version 1 (after
 * an uncounted warm-up, as bench:evaluate), then stores a changed draft (FDR control at q = 0.05
 * and the year rule's multiplier 2 → 1.5) and times its preview on the same data beside the
 * evaluation's time. Target: the preview within 1.5 × the evaluation. Prints one JSON object.
 * Run through scripts/bench/with-postgres.sh, which provides a fresh, migrated DATABASE_URL.
 */
import { parseArgs } from "node:util";
import { closeDatabase } from "@/db";
import { previewPolicyDraft } from "@/lib/policy/preview-policy";
import { DEFAULT_POLICY, type PolicyParams } from "@/lib/quality/policy";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { generatePortal } from "./generate-portal";
import { openBenchDatabase, PORTAL_OPTIONS, readPortalOptions, seconds, timed } from "./measure";

const HOUR_MS = 3_600_000;
const TARGET_RATIO = 1.5;
const ACTOR = { kind: "system", label: "bench" } as const;

/** The draft previewed: FDR control on, and a lower multiplier in the year rule. */
const CHANGED: PolicyParams = { ...DEFAULT_POLICY, lowYear: { ...DEFAULT_POLICY.lowYear, multiplier: 1.5 }, fdr: { q: 0.05 } };

function parseOptions() {
  const { values } = parseArgs({
    options: {
      ...PORTAL_OPTIONS,
      keep: { type: "boolean", default: false },
    },
    strict: true,
  });
  return readPortalOptions(values);
}

async function main() {
  const options = parseOptions();
  const { sql } = openBenchDatabase("bench:policy-preview");
  try {
    process.stderr.write(
      `==> generating ${options.sellers} sellers (seed ${options.seed}, asOf ${options.asOf.toISOString()})\n`,
    );
    const load = await timed(() => generatePortal(sql, options));
    await sql.unsafe("checkpoint");

    process.stderr.write("==> warm-up evaluation (not counted)\n");
    await runEvaluation({ actor: ACTOR, asOf: new Date(options.asOf.getTime() - HOUR_MS), now: new Date() });

    process.stderr.write("==> evaluation\n");
    const evaluation = await timed(() => runEvaluation({ actor: ACTOR, asOf: options.asOf, now: new Date() }));
    await sql.unsafe("analyze evaluations, seller_metrics, evaluation_sellers, portal_metrics, flags, flag_reasons");

    // The draft, as the editor stores one (lib/policy/manage-policy.ts): a version not yet activated.
    const [next] = await sql<{ version: number }[]>`select coalesce(max(version), 0) + 1 as version from scoring_policies`;
    await sql`insert into scoring_policies (version, params, note) values (${next!.version}, ${sql.json(CHANGED)}, 'bench draft')`;

    process.stderr.write("==> preview of the draft\n");
    const preview = await timed(() => previewPolicyDraft({ actor: ACTOR, version: next!.version }));

    const ratio = Math.round((preview.ms / evaluation.ms) * 100) / 100;
    const report = {
      sellers: options.sellers,
      seed: options.seed,
      asOf: options.asOf.toISOString(),
      loadSeconds: seconds(load.ms),
      draft: { lowYearMultiplier: CHANGED.lowYear.multiplier, fdrQ: CHANGED.fdr.q },
      evaluationSeconds: seconds(evaluation.ms),
      evaluationFlagged: evaluation.result.flagged.length,
      previewSeconds: seconds(preview.ms),
      preview: { flagged: preview.result.flagged, newly: preview.result.newly.length, noLonger: preview.result.noLonger.length },
      ratio,
      target: { ratio: TARGET_RATIO, met: ratio <= TARGET_RATIO },
      note: "both warm (an uncounted evaluation runs first); the preview recomputes the metrics with the evaluation's own passes in a transaction it rolls back",
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await sql.end({ timeout: 5 });
    await closeDatabase();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
