import { createFormatter } from "next-intl";
import { describe, expect, test } from "vitest";
import { formatMetric, formatMetricBeside } from "./metric-format";

const format = createFormatter({ locale: "en", timeZone: "UTC" });

describe("a value beside the portal's", () => {
  test("two rates that round alike get the decimals that tell them apart", () => {
    expect(formatMetric(format, "complaintRate", 0.0194)).toBe(formatMetric(format, "complaintRate", 0.0187));
    expect(formatMetricBeside(format, "complaintRate", 0.0194, 0.0187)).toEqual({ own: "1.94%", portal: "1.87%" });
  });

  test("values that already differ, or are equal, keep the usual decimals", () => {
    expect(formatMetricBeside(format, "negativeReviewRate", 0.313, 0.032)).toEqual({ own: "31.3%", portal: "3.2%" });
    expect(formatMetricBeside(format, "onTimeResponseRate", 1, 1)).toEqual({ own: "100%", portal: "100%" });
    expect(formatMetricBeside(format, "medianResponseHours", null, 4)).toEqual({ own: "—", portal: "4 hr" });
  });

  test("at most two more decimals, however close", () => {
    expect(formatMetricBeside(format, "complaintRate", 0.0187001, 0.0187)).toEqual({ own: "1.87%", portal: "1.87%" });
  });
});
