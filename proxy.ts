import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, transportSecurityHeader } from "@/lib/security-headers";

/**
 * Every page gets a Content-Security-Policy with a fresh nonce: Next reads the
 * nonce from the request's policy header and puts it on the scripts it renders, so no other
 * script runs (pages are rendered per request: the root layout reads the session). The headers
 * that never change are in next.config.js.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  const transportSecurity = transportSecurityHeader();
  if (transportSecurity) response.headers.set("Strict-Transport-Security", transportSecurity);
  return response;
}

export const config = {
  // Pages only. Not the build's hashed files, nor the API (JSON; its policy is next.config.js's),
  // nor a server action's POST (an RSC answer, not HTML): for any request it matches, Next first
  // copies the body, and cuts it at 10 MB (proxyClientMaxBodySize), below the events' and the
  // CSV import's limits (its upload route, /admin/import/upload, answers JSON and is left out too).
  matcher: [
    {
      source: "/((?!api/|admin/import/upload$|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [{ type: "header", key: "next-action" }],
    },
  ],
};
