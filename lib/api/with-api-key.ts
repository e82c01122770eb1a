import "server-only";
import type { ApiKeyActor } from "@/lib/api-keys/authenticate-api-key";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { apiError, apiErrorFrom } from "./api-response";
import { invalid } from "@/lib/errors";
import { findUnsafeText } from "@/lib/unsafe-text";
import { BodyTooLargeError, InvalidJsonError, UnsupportedMediaTypeError } from "./read-json-body";
import { currentTime } from "@/lib/clock";

export type ApiContext<P> = { actor: ApiKeyActor; now: Date; params: P };

/**
 * Every /api/v1 handler goes through here: the key is checked on every request (401 for a missing,
 * wrong or revoked key, before anything else is read), then the handler runs, and whatever it
 * throws becomes the API's error body.
 */
export function withApiKey<P = Record<string, never>>(handler: (request: Request, context: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    const now = currentTime();
    try {
      const actor = await authenticateApiKey(request.headers.get("authorization"), now);
      if (!actor) return apiError(401, "unauthorized", "Send a valid API key: Authorization: Bearer <key>");
      const params = await segment.params;
      assertSafeUrlText(request, params);
      return await handler(request, { actor, now, params });
    } catch (error) {
      if (error instanceof BodyTooLargeError)
        return apiError(413, "payload_too_large", error.message, [{ path: "(body)", message: error.message }]);
      if (error instanceof UnsupportedMediaTypeError)
        return apiError(415, "unsupported_media_type", error.message, [{ path: "(body)", message: error.message }]);
      if (error instanceof InvalidJsonError)
        return apiError(400, "invalid_json", error.message, [{ path: "(body)", message: error.message }]);
      return apiErrorFrom(error, { method: request.method, url: new URL(request.url).pathname });
    }
  };
}

/** A NUL in a path segment or a query parameter (`/sellers/%00/quality`, `?sellerIds=a%00`) is bad input, named. */
function assertSafeUrlText(request: Request, params: unknown) {
  const query = [...new URL(request.url).searchParams].flatMap(([name, value]) => findUnsafeText({ [name]: value }));
  const issues = [...findUnsafeText(params ?? {}), ...query];
  if (issues.length > 0) throw invalid(issues.map((issue) => issue.message).join("; "), issues);
}
