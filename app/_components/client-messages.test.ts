import { expect, test } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { pickMessages } from "./client-messages";

test("only the named namespaces and parts of namespaces are picked, nested as in the catalog", () => {
  const picked = pickMessages(MESSAGES.en, ["roles", "cases.checklistItems", "cases.flag"]);
  expect(Object.keys(picked).sort()).toEqual(["cases", "roles"]);
  expect(picked.roles).toEqual(MESSAGES.en.roles);
  expect(Object.keys(picked.cases as object).sort()).toEqual(["checklistItems", "flag"]);
  expect((picked.cases as Record<string, unknown>).flag).toEqual(MESSAGES.en.cases.flag);
});

test("a path the catalog does not have is an error at once, not a missing message in the browser", () => {
  expect(() => pickMessages(MESSAGES.en, ["cases.nothing"])).toThrow(/no "cases.nothing"/);
});
