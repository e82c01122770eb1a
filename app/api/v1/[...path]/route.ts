import { apiError } from "@/lib/api/api-response";

/** Any other /api/v1 path: the API's JSON error, not the HTML page a browser gets. */
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  const message = `No such endpoint: ${request.method} ${path} (the API is described at /api/v1/openapi.json)`;
  return apiError(404, "not_found", message, [{ path: "(url)", message }]);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
