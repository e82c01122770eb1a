import { describe, expect, test } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("the client's address", () => {
  test("behind one proxy, the entry that proxy appended wins over whatever the client sent", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  test("behind two proxies, the address the outer proxy saw", () => {
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }, 2)).toBe("203.0.113.7");
  });

  test("more hops configured than entries: the leftmost entry", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" }, 3)).toBe("203.0.113.7");
  });

  test("no header at all", () => {
    expect(clientAddress({}, 1)).toBe("unknown");
    expect(clientAddress({ "x-real-ip": "198.51.100.1" }, 1)).toBe("198.51.100.1");
  });
});
