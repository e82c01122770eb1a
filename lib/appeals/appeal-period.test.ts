import { expect, test } from "vitest";
import { addMonths, appealDeadline } from "./appeal-period";

test("six months after a decision is the same day and time six months later", () => {
  expect(appealDeadline(new Date("2026-03-10T09:30:00Z"), 6).toISOString()).toBe("2026-09-10T09:30:00.000Z");
});

test("a day a shorter month lacks falls on that month's last day", () => {
  expect(addMonths(new Date("2026-08-31T12:00:00Z"), 6).toISOString()).toBe("2027-02-28T12:00:00.000Z");
  expect(addMonths(new Date("2027-08-31T12:00:00Z"), 6).toISOString()).toBe("2028-02-29T12:00:00.000Z");
});

test("months carry into the next year", () => {
  expect(addMonths(new Date("2026-11-15T00:00:00Z"), 3).toISOString()).toBe("2027-02-15T00:00:00.000Z");
});
