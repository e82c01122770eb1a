import { env } from "@/lib/env";

/**
 * The client's address, for rate limiting and the audit trail. Each proxy in front of the app
 * appends the address it saw to X-Forwarded-For, so the trustworthy entry is the one the
 * outermost of our own proxies added: TRUSTED_PROXY_HOPS from the right (default 1: one reverse
 * proxy). Entries further left were written by the client and may be anything. Without any
 * proxy, Next's server fills the header from the socket only when the client did not send it:
 * run the app behind a reverse proxy in production.
 */
export function clientAddress(
  headers: Headers | Record<string, string | string[] | undefined>,
  trustedHops: number = env.TRUSTED_PROXY_HOPS,
): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const entries = (read("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return read("x-real-ip") ?? "unknown";
  return entries[Math.max(0, entries.length - trustedHops)]!;
}
