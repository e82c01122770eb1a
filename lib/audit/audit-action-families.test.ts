import { describe, expect, test } from "vitest";
import { AUDIT_ACTION_FAMILIES, AUDIT_ACTIONS, actionsOfFamily, familyOfFilter } from "@/lib/audit/audit-actions";

describe("families of audit actions", () => {
  test("every action belongs to exactly one family, and the families hold them all", () => {
    expect(AUDIT_ACTION_FAMILIES.flatMap(actionsOfFamily).sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(actionsOfFamily("case")).toContain("case.opened");
    expect(actionsOfFamily("case").every((action) => action.startsWith("case."))).toBe(true);
  });

  test("a filter names a family as `family.*`; anything else is not one", () => {
    expect(familyOfFilter("case.*")).toBe("case");
    expect(familyOfFilter("api-key.*")).toBe("api-key");
    for (const value of ["case.", "case", "case.opened", "nosuch.*", "*", "case.*.*", ".*"])
      expect(familyOfFilter(value)).toBeNull();
  });
});
