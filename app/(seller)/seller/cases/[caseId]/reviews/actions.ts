"use server";

import { defineAction } from "@/lib/actions/define-action";
import { nameRootCause } from "@/lib/cases/name-root-cause";
import { recordReviewOutcome } from "@/lib/cases/record-review-outcome";
import { nameRootCauseInput, recordReviewOutcomeInput } from "@/lib/cases/review-work-input";
import { SELLER_PATHS } from "@/lib/sellers/seller-paths";

/** The pages that show the seller's work on a case: theirs, and the moderator's case page. */
const reviewWorkPaths = ({ caseId }: { caseId: number }) => [
  SELLER_PATHS.standing,
  SELLER_PATHS.case(caseId),
  SELLER_PATHS.reviews(caseId),
  `/moderator/cases/${caseId}`,
];

/** The lib functions find the case among the signed-in seller's own and the review within it. */
export const nameRootCauseAction = defineAction({
  name: "nameRootCause",
  input: nameRootCauseInput,
  permission: "seller-portal:use",
  run: (params) => nameRootCause(params),
  revalidate: reviewWorkPaths,
});

/** A public reply queues a `review.replied` event: delivered once the answer is out. */
export const recordReviewOutcomeAction = defineAction({
  name: "recordReviewOutcome",
  input: recordReviewOutcomeInput,
  permission: "seller-portal:use",
  run: (params) => recordReviewOutcome(params),
  revalidate: reviewWorkPaths,
  deliversAfterResponse: true,
});
