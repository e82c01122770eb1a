import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { catalogVisibilitySchema, MAX_VISIBILITY_SELLERS, visibilityBodySchema } from "@/lib/catalog/catalog-schemas";
import { eventSchema, ingestResultSchema, MAX_EVENTS_PER_BATCH } from "@/lib/ingest/event-schemas";
import { evaluationRequestSchema } from "@/lib/quality/evaluation-request";
import { evaluationSummarySchema, sellerQualitySchema } from "@/lib/quality/quality-schemas";
import { API_ERROR_CODES } from "./api-response";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers validate
 * with and answer in, so the document cannot promise what the code does not do.
 */

const errorSchema = z
  .object({
    error: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.array(
      z.object({
        index: z.number().int().optional().describe("The event's position in the batch (0-based)"),
        path: z.string().describe("Where in the event or body, e.g. data.rating"),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: "Error" });

const eventBatchDocument = z
  .object({
    events: z
      .array(eventSchema.meta({ id: "Event" }))
      .min(1)
      .max(MAX_EVENTS_PER_BATCH),
  })
  .meta({ id: "EventBatch" });

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  400: json(errorSchema, "Bad input (`invalid_json` or `validation_failed`); nothing was written"),
  401: json(errorSchema, "Missing, wrong or revoked API key"),
};

function buildDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key made by an admin (UI or `npm run api-key:create -- <name>`)",
  });
  const security = [{ [bearer.name]: [] }];

  registry.registerPath({
    method: "post",
    path: "/api/v1/events",
    summary: "Take in a batch of marketplace events",
    description: `At most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events. All or nothing: one invalid event rejects the batch and the error names its index. Re-sent event ids are counted as duplicates and not stored again. An event may refer only to sellers, orders and reviews that exist already or earlier in the batch.`,
    security,
    request: { body: { required: true, content: { "application/json": { schema: eventBatchDocument } } } },
    responses: {
      200: json(ingestResultSchema.meta({ id: "IngestResult" }), "The batch was taken in"),
      ...errors,
      409: json(errorSchema, "Another request stored the same objects at the same moment; send the batch again"),
      413: json(errorSchema, "The body is too large"),
      415: json(errorSchema, "The body is not sent as application/json"),
    },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/evaluations",
    summary: "Run an evaluation",
    description:
      "Evaluates every seller as of `asOf` (default: the most recent Monday 00:00 in the portal's time zone). The same asOf and policy version returns the same evaluation.",
    security,
    request: { body: { required: false, content: { "application/json": { schema: evaluationRequestSchema } } } },
    responses: { 200: json(evaluationSummarySchema, "The evaluation, with the flagged sellers and their reasons"), ...errors },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/sellers/{sellerId}/quality",
    summary: "A seller's quality against the portal",
    description:
      "Every metric in every window from the latest evaluation, beside the portal value (median over eligible sellers).",
    security,
    request: { params: z.object({ sellerId: z.string().describe("The marketplace's seller id") }) },
    responses: {
      200: json(sellerQualitySchema, "The seller's metrics"),
      401: errors[401],
      404: json(errorSchema, "No seller with this id"),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/catalog/visibility",
    summary: "Which sellers the catalog may show",
    description: `A seller is hidden from the moment an exclusion case is opened until a moderator reinstates them; an unknown seller is visible. At most ${MAX_VISIBILITY_SELLERS} ids a request, answered in the order asked. The same changes are published as \`seller.excluded\` and \`seller.reinstated\` webhook events.`,
    security,
    request: {
      query: z.object({
        sellerIds: z
          .string()
          .describe("Comma-separated seller ids, e.g. a,b,c. The server takes URLs of up to 16 KiB: for more ids, POST them"),
      }),
    },
    responses: { 200: json(catalogVisibilitySchema, "Visibility of each seller asked about"), ...errors },
  });

  registry.registerPath({
    method: "post",
    path: "/api/v1/catalog/visibility",
    summary: "Which sellers the catalog may show (ids in the body)",
    description: `The same question and answer as the GET, with the ids in a JSON body, so a list of ${MAX_VISIBILITY_SELLERS} ids of any length fits. It changes nothing.`,
    security,
    request: { body: { required: true, content: { "application/json": { schema: visibilityBodySchema } } } },
    responses: {
      200: json(catalogVisibilitySchema, "Visibility of each seller asked about"),
      ...errors,
      413: json(errorSchema, "The body is too large"),
      415: json(errorSchema, "The body is not sent as application/json"),
    },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Catalog Guard API",
      version: "1",
      description:
        "Marketplace systems push orders, reviews, complaints, messages and refunds in, run evaluations, read sellers' quality and ask which sellers the catalog may show.",
    },
  });
}

let document: ReturnType<typeof buildDocument> | undefined;

export function getOpenApiDocument() {
  document ??= buildDocument();
  return document;
}
