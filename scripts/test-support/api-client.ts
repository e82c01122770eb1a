/**
 * Calls the /api/v1 route handlers in-process, exactly as Next calls them (a web Request in, a
 * Response out), with a real API key. Integration tests use it for what would be too slow to
 * send through a server thousands of times; e2e/api-*.spec.ts covers the same routes over HTTP.
 */
import { GET as getUnknown } from "@/app/api/v1/[...path]/route";
import { GET as getVisibility, POST as postVisibility } from "@/app/api/v1/catalog/visibility/route";
import { POST as postEvaluations } from "@/app/api/v1/evaluations/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { GET as getQuality } from "@/app/api/v1/sellers/[sellerId]/quality/route";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api-keys/create-api-key";

export type ApiAnswer = { status: number; body: Record<string, unknown> };

export async function createTestApiKey(name = "test system"): Promise<{ id: number; secret: string }> {
  const { apiKey, secret } = await createApiKey({ actor: SYSTEM_ACTOR, name, now: new Date() });
  return { id: apiKey.id, secret };
}

type Options = { key?: string | null; rawBody?: string | Uint8Array<ArrayBuffer>; headers?: Record<string, string> };

function request(method: string, path: string, body: unknown, options: Options): Request {
  const headers = new Headers({ "content-type": "application/json", ...options.headers });
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  return new Request(`http://localhost${path}`, { method, headers, body: payload });
}

async function answer(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };

export function apiClient(key: string | null) {
  return {
    postEvents: async (body: unknown, options: Options = {}) =>
      answer(await postEvents(request("POST", "/api/v1/events", body, { key, ...options }), noParams)),
    postEvaluations: async (body: unknown, options: Options = {}) =>
      answer(await postEvaluations(request("POST", "/api/v1/evaluations", body, { key, ...options }), noParams)),
    getVisibility: async (query: string, options: Options = {}) =>
      answer(await getVisibility(request("GET", `/api/v1/catalog/visibility${query}`, undefined, { key, ...options }), noParams)),
    postVisibility: async (body: unknown, options: Options = {}) =>
      answer(await postVisibility(request("POST", "/api/v1/catalog/visibility", body, { key, ...options }), noParams)),
    getUnknown: async (path: string) => answer(await getUnknown(request("GET", path, undefined, { key }))),
    getQuality: async (sellerId: string, options: Options = {}) =>
      answer(
        await getQuality(
          request("GET", `/api/v1/sellers/${encodeURIComponent(sellerId)}/quality`, undefined, { key, ...options }),
          {
            params: Promise.resolve({ sellerId }),
          },
        ),
      ),
  };
}
