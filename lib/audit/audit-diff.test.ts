import { describe, expect, test } from "vitest";
import { diffAuditValues, formatAuditValue } from "@/lib/audit/audit-diff";

describe("an audit entry's changes", () => {
  test("only the changed keys, by their nested paths, old → new", () => {
    const before = { status: "OPEN", params: { windows: { short: 30, long: 90 }, q: null }, reasons: ["a"] };
    const after = { status: "EXTENDED", params: { windows: { short: 30, long: 120 }, q: 0.05 }, reasons: ["a", "b"] };
    expect(diffAuditValues(before, after)).toEqual([
      { path: "params.q", before: undefined, after: 0.05 },
      { path: "params.windows.long", before: 90, after: 120 },
      { path: "reasons", before: ["a"], after: ["a", "b"] },
      { path: "status", before: "OPEN", after: "EXTENDED" },
    ]);
  });

  test("a creation (before null) and a removal (after null) list every key on their side", () => {
    expect(diffAuditValues(null, { role: "admin", profile: { city: "Lviv" } })).toEqual([
      { path: "profile.city", before: undefined, after: "Lviv" },
      { path: "role", before: undefined, after: "admin" },
    ]);
    expect(diffAuditValues({ role: "seller" }, null)).toEqual([{ path: "role", before: "seller", after: undefined }]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });

  test("an object replaced by a plain value is one change at its path; equal sides none", () => {
    expect(diffAuditValues({ a: { b: 1 } }, { a: "gone" })).toEqual([{ path: "a", before: { b: 1 }, after: "gone" }]);
    expect(diffAuditValues({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(diffAuditValues("x", "y")).toEqual([{ path: "(value)", before: "x", after: "y" }]);
  });

  test("values as text", () => {
    expect(formatAuditValue("plain")).toBe("plain");
    expect(formatAuditValue(undefined)).toBe("");
    expect(formatAuditValue(null)).toBe("null");
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
  });
});
