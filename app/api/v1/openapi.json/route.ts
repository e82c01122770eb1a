import { getOpenApiDocument } from "@/lib/api/openapi-document";

/** GET /api/v1/openapi.json — the API's description, public like any API reference. */
export function GET(): Response {
  return Response.json(getOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
