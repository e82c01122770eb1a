import { describe, expect, test } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "@/db/enums";
import {
  CASE_ACTIONS,
  FLAG_ACTIONS,
  addDays,
  caseTransition,
  effectiveCaseStatus,
  flagTransition,
  minimumExclusionDays,
  type CaseAction,
  type FlagState,
} from "./case-machine";

/** The whole table, written out by hand: state → action → where it leads, or refused (null). */
const EXPECTED: Record<CaseStatus, Record<CaseAction, CaseStatus | null>> = {
  EXCLUDED: {
    reinstate: null,
    extend: null,
    answer_letter: "EXCLUDED",
    assign: "EXCLUDED",
    add_note: "EXCLUDED",
    decide_fake_review: "EXCLUDED",
    analyse_review: "EXCLUDED",
    resolve_review: "EXCLUDED",
    write_letter: "EXCLUDED",
  },
  DUE_FOR_RECHECK: {
    reinstate: "REINSTATED",
    extend: "EXCLUDED",
    answer_letter: "DUE_FOR_RECHECK",
    assign: "DUE_FOR_RECHECK",
    add_note: "DUE_FOR_RECHECK",
    decide_fake_review: "DUE_FOR_RECHECK",
    analyse_review: "DUE_FOR_RECHECK",
    resolve_review: "DUE_FOR_RECHECK",
    write_letter: "DUE_FOR_RECHECK",
  },
  REINSTATED: {
    reinstate: null,
    extend: null,
    answer_letter: null,
    assign: null,
    add_note: "REINSTATED",
    decide_fake_review: null,
    analyse_review: null,
    resolve_review: null,
    write_letter: null,
  },
};

describe("the case state machine", () => {
  const pairs = CASE_STATUSES.flatMap((state) =>
    CASE_ACTIONS.map((action) => ({ state, action, next: EXPECTED[state][action] })),
  );

  test.each(pairs)("$state + $action → $next", ({ state, action, next }) => {
    const transition = caseTransition(state, action);
    if (next === null) {
      expect(transition.isAllowed).toBe(false);
      if (!transition.isAllowed) expect(transition.reason.length).toBeGreaterThan(10);
    } else {
      expect(transition).toEqual({ isAllowed: true, next });
    }
  });

  test("a decision before the re-check date names the minimum exclusion", () => {
    const transition = caseTransition("EXCLUDED", "reinstate");
    expect(transition.isAllowed || transition.reason).toMatch(/minimum exclusion is 14 days/);
  });
});

describe("flag triage", () => {
  const states: FlagState[] = ["open", "case_opened", "dismissed", "superseded"];
  test.each(states.flatMap((state) => FLAG_ACTIONS.map((action) => ({ state, action }))))(
    "$state + $action",
    ({ state, action }) => {
      const transition = flagTransition(state, action);
      if (state === "open")
        expect(transition).toEqual({ isAllowed: true, next: action === "open_case" ? "case_opened" : "dismissed" });
      else expect(transition.isAllowed).toBe(false);
    },
  );
});

describe("the re-check date", () => {
  const excludedAt = new Date("2026-11-01T10:00:00Z");
  const theCase = { status: "EXCLUDED" as const, recheckAt: addDays(excludedAt, 14) };

  test("an exclusion is due from the re-check instant on, not a millisecond before", () => {
    expect(effectiveCaseStatus(theCase, new Date(theCase.recheckAt.getTime() - 1))).toBe("EXCLUDED");
    expect(effectiveCaseStatus(theCase, theCase.recheckAt)).toBe("DUE_FOR_RECHECK");
  });

  test("a reinstated case stays reinstated whatever the date", () => {
    expect(effectiveCaseStatus({ status: "REINSTATED", recheckAt: excludedAt }, addDays(excludedAt, 100))).toBe("REINSTATED");
  });

  test("the policy can lengthen the minimum, never shorten it below 14 days", () => {
    expect(minimumExclusionDays({ minDays: 7, repeatMinDays: 7 }, false)).toBe(14);
    expect(minimumExclusionDays({ minDays: 14, repeatMinDays: 28 }, false)).toBe(14);
    expect(minimumExclusionDays({ minDays: 14, repeatMinDays: 28 }, true)).toBe(28);
  });
});
