import { apiOk } from "@/lib/api/api-response";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { parseEventBatch } from "@/lib/ingest/parse-event-batch";

/** POST /api/v1/events — SPEC.md: a batch of up to 5,000 events, all or nothing, idempotent by event id. */
export const POST = withApiKey(async (request, { actor, now }) => {
  const events = parseEventBatch(await readJsonBody(request), now);
  return apiOk(await ingestEvents({ actor, events, now }));
});
