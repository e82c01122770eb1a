import { describe, expect, test } from "vitest";
import { decideFlags, type FdrRejections, type FlagCandidate, type PortalValues } from "@/lib/quality/decide-flags";
import { DEFAULT_POLICY } from "@/lib/quality/policy";

const PORTAL: PortalValues = { year: { negativeReviewRate: 0.05, complaintRate: 0.05 }, recent: { negativeReviewRate: 0.1 } };
const WITH_FDR = { ...DEFAULT_POLICY, fdr: { q: 0.05 } };
const rejected = { pValue: 0.0001, threshold: 0.0004, q: 0.05, tests: 300 };

/** 30 of 100 negative over the year (Wilson low end 21.9% > 10%); recent 6/10 against 2/40 (z ≈ 3.8). */
const bad: FlagCandidate = {
  sellerId: 7,
  year: { orders: 100, uniqueReviews: 100, negativeReviews: 30, complaints: 1 },
  recent: { uniqueReviews: 10, negativeReviews: 6 },
  baseline: { uniqueReviews: 40, negativeReviews: 2 },
};

describe("decideFlags under FDR control", () => {
  test("without FDR control the Wilson and z rules flag as before, with no p-value stored", () => {
    const [decision] = decideFlags([bad], PORTAL, DEFAULT_POLICY);
    expect(decision?.reasons.map((r) => r.code)).toEqual(["LOW_YEAR", "WORSENED"]);
    expect(decision?.reasons[0]?.details).not.toHaveProperty("pValue");
  });

  test("with FDR control only the tests Benjamini–Hochberg rejected flag, each with its p-value and the week's threshold", () => {
    const none: FdrRejections = new Map();
    expect(decideFlags([bad], PORTAL, WITH_FDR, none)).toEqual([]);
    const worsenedOnly: FdrRejections = new Map([["7:WORSENED:negativeReviewRate", rejected]]);
    const [decision] = decideFlags([bad], PORTAL, WITH_FDR, worsenedOnly);
    expect(decision?.reasons.map((r) => r.code)).toEqual(["WORSENED"]);
    expect(decision?.reasons[0]?.details).toMatchObject({ pValue: 0.0001, bhThreshold: 0.0004, fdrQ: 0.05, fdrTests: 300 });
    // The bar on z's scale: 1 − Φ(z) = 0.0004 at z ≈ 3.35.
    expect(decision?.reasons[0]?.threshold).toBeCloseTo(3.353, 2);
  });

  test("a rejected test still needs the rule's other conditions: enough recent reviews and a recent rate above the portal's", () => {
    const fewRecent = { ...bad, recent: { uniqueReviews: 4, negativeReviews: 4 } };
    const rejections: FdrRejections = new Map([["7:WORSENED:negativeReviewRate", rejected]]);
    expect(decideFlags([fewRecent], PORTAL, WITH_FDR, rejections)).toEqual([]);
    const belowPortal = { ...bad, recent: { uniqueReviews: 20, negativeReviews: 1 } };
    expect(decideFlags([belowPortal], { ...PORTAL, recent: { negativeReviewRate: 0.2 } }, WITH_FDR, rejections)).toEqual([]);
  });
});
