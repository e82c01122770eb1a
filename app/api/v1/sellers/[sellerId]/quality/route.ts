import { apiOk } from "@/lib/api/api-response";
import { withApiKey } from "@/lib/api/with-api-key";
import { getSellerQuality } from "@/lib/quality/get-seller-quality";

/** GET /api/v1/sellers/{sellerId}/quality — the seller's metrics against the portal, from the latest evaluation. */
export const GET = withApiKey<{ sellerId: string }>(async (_request, { actor, params }) =>
  apiOk(await getSellerQuality({ actor, sellerExternalId: params.sellerId })),
);
