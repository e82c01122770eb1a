import { describe, expect, test } from "vitest";
import { PEER_ADDRESS_HEADER, clientAddress } from "@/lib/auth/client-address";

const fromSocket = (address: string, forwardedFor?: string) => ({
  [PEER_ADDRESS_HEADER]: address,
  ...(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor }),
});

describe("the client's address, served by npm start (the socket's address is known)", () => {
  test("with no proxy configured, a forged X-Forwarded-For is ignored: the socket's address", () => {
    expect(clientAddress(fromSocket("198.51.100.9", "6.6.6.6"), 0, true)).toBe("198.51.100.9");
    expect(clientAddress(new Headers(fromSocket("::ffff:198.51.100.9", "6.6.6.6, 7.7.7.7")), 0, true)).toBe("198.51.100.9");
  });

  test("behind one proxy, the entry that proxy appended wins over whatever the client sent", () => {
    expect(clientAddress(fromSocket("10.0.0.2", "6.6.6.6, 203.0.113.7"), 1, true)).toBe("203.0.113.7");
  });

  test("behind two proxies, the address the outer proxy saw", () => {
    expect(clientAddress(fromSocket("10.0.0.3", "6.6.6.6, 203.0.113.7, 10.0.0.2"), 2, true)).toBe("203.0.113.7");
  });

  test("more hops configured than entries: the leftmost entry", () => {
    expect(clientAddress(fromSocket("10.0.0.2", "203.0.113.7"), 3, true)).toBe("203.0.113.7");
  });

  test("the peer header counts only when the server says it sets it (a client could send one to next dev)", () => {
    expect(clientAddress(fromSocket("6.6.6.6", "203.0.113.7"), 0, false)).toBe("203.0.113.7");
  });
});

describe("the client's address without npm start's server (next dev)", () => {
  test("the last X-Forwarded-For entry stands in for the socket's", () => {
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }, 1, false)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" }, 2, false)).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "127.0.0.1" }, 0, false)).toBe("127.0.0.1");
  });

  test("no header at all", () => {
    expect(clientAddress({}, 0, false)).toBe("unknown");
    expect(clientAddress({ "x-real-ip": "198.51.100.1" }, 1, false)).toBe("unknown");
  });
});
