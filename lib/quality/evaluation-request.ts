import { z } from "zod";
import { isoInstant } from "@/lib/ingest/event-schemas";

/** The body of `POST /api/v1/evaluations`; both optional: the default asOf is the last Monday 00:00. */
export const evaluationRequestSchema = z.strictObject({
  asOf: isoInstant("asOf").optional(),
});
