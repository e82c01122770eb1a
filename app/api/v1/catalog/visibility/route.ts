import { apiOk } from "@/lib/api/api-response";
import { readJsonBody } from "@/lib/api/read-json-body";
import { withApiKey } from "@/lib/api/with-api-key";
import { getCatalogVisibility } from "@/lib/catalog/get-catalog-visibility";

/** GET /api/v1/catalog/visibility?sellerIds=a,b,c — which sellers the catalog may show. */
export const GET = withApiKey(async (request, { actor }) =>
  apiOk(await getCatalogVisibility({ actor, query: { sellerIds: new URL(request.url).searchParams.get("sellerIds") } })),
);

/** POST /api/v1/catalog/visibility { "sellerIds": [...] } — the same answer, for up to 1,000 ids of any length. */
export const POST = withApiKey(async (request, { actor }) =>
  apiOk(await getCatalogVisibility({ actor, body: await readJsonBody(request) })),
);
