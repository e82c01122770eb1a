import { afterResponse } from "@/lib/after-response";
import { apiOk } from "@/lib/api/api-response";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { evaluationRequestSchema } from "@/lib/quality/evaluation-request";
import { computeReviewSignals } from "@/lib/quality/compute-review-signals";
import { runEvaluation } from "@/lib/quality/run-evaluation";
import { parseInput } from "@/lib/validation";

/**
 * POST /api/v1/evaluations — runs (or returns the existing) evaluation as of `asOf`. The fake-review
 * signals of its reviews are computed once the answer has gone out; should the server stop before,
 * the next evaluation's signals cover these reviews too.
 */
export const POST = withApiKey(async (request, { actor, now }) => {
  const input = parseInput(evaluationRequestSchema, (await readJsonBody(request)) ?? {});
  const asOf = input.asOf === undefined ? undefined : new Date(input.asOf);
  const summary = await runEvaluation({ actor, asOf, now });
  await afterResponse("review signals", () => computeReviewSignals({ actor, evaluationId: summary.evaluationId, now }));
  return apiOk(summary);
});

// A portal-wide evaluation takes seconds to tens of seconds; do not let a proxy default cut it short.
export const maxDuration = 300;
