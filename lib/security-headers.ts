import { env } from "@/lib/env";

/**
 * The Content-Security-Policy of every page: scripts only with this request's nonce (and what
 * they load, 'strict-dynamic'), styles from our own files or with the nonce, and style
 * attributes (charts and layout set `style="…"`; they cannot run code). Nothing may frame the app.
 */
export function contentSecurityPolicy(nonce: string, isHttps = isServedOverHttps()): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** HSTS, only when the app's public URL (NEXTAUTH_URL) is https: a year, subdomains included. */
export function transportSecurityHeader(isHttps = isServedOverHttps()): string | null {
  return isHttps ? "max-age=31536000; includeSubDomains" : null;
}

function isServedOverHttps(): boolean {
  return env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}
