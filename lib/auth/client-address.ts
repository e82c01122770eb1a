import { env } from "@/lib/env";

/**
 * The header scripts/serve.mjs (npm start) sets on every request to the socket's address,
 * replacing whatever a client sent under that name; it says so in CATALOG_GUARD_PEER_HEADER.
 */
export const PEER_ADDRESS_HEADER = "x-catalog-guard-peer-address";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/**
 * The client's address, for the sign-in limits and the audit trail. The addresses a request
 * passed through form a chain: each proxy of ours appended the one it saw to X-Forwarded-For,
 * and the socket's is the last. The client is TRUSTED_PROXY_HOPS from the end (default 0: no
 * proxy, the socket's address); entries further left were written by the client and may be
 * anything. Without serve.mjs (`next dev`), the socket's address is not known: Next appends it
 * to X-Forwarded-For only when the client sent none, so the last entry stands in for it.
 */
export function clientAddress(
  headers: HeaderSource,
  trustedHops: number = env.TRUSTED_PROXY_HOPS,
  hasPeerHeader: boolean = process.env.CATALOG_GUARD_PEER_HEADER === "1",
): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = (read("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const peer = hasPeerHeader ? read(PEER_ADDRESS_HEADER) : undefined;
  // Without the socket's address, the last entry of X-Forwarded-For stands in for it.
  const chain = peer ? [...forwarded, peer] : forwarded;
  const hopsInChain = peer ? trustedHops : Math.max(trustedHops - 1, 0);
  const address = chain[Math.max(0, chain.length - 1 - hopsInChain)];
  return address ? withoutIpv4Mapping(address) : "unknown";
}

/** `::ffff:203.0.113.7` (an IPv4 client of a dual-stack socket) is 203.0.113.7. */
function withoutIpv4Mapping(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice("::ffff:".length) : address;
}
