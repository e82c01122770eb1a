import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, transportSecurityHeader } from "@/lib/security-headers";

describe("the security headers", () => {
  test("served over https: HSTS, and the policy upgrades any http request", () => {
    expect(transportSecurityHeader(true)).toBe("max-age=31536000; includeSubDomains");
    expect(contentSecurityPolicy("abc", true)).toContain("upgrade-insecure-requests");
  });

  test("over plain http: neither, but the same nonce-only scripts and no framing", () => {
    expect(transportSecurityHeader(false)).toBeNull();
    const policy = contentSecurityPolicy("abc", false);
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
