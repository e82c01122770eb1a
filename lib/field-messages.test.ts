import { expect, test } from "vitest";
import { z } from "zod";
import { extendCaseInput, reinstateCaseInput } from "@/lib/cases/case-input";
import type { DomainError } from "@/lib/errors";
import { describeFieldIssue, fieldMessage, type FieldMessage } from "@/lib/field-messages";
import { MESSAGES } from "@/lib/i18n/messages";
import { importCsvInput } from "@/lib/ingest/import-events-csv-input";
import { createUserInput } from "@/lib/users/user-input";
import { formatFieldMessage, parseInput } from "@/lib/validation";

const messagesOf = (schema: z.ZodType, input: unknown): Record<string, FieldMessage> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected the input to be refused");
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), describeFieldIssue(issue)]));
};

test("a schema's message is its catalog key, with the bound the constraint names", () => {
  const messages = messagesOf(extendCaseInput, {
    caseId: 1,
    expectedVersion: 1,
    reasons: [],
    recheckOn: "soon",
    message: "Too short",
  });
  expect(messages).toEqual({
    reasons: { key: "extendReasonsRequired", values: { minimum: 1 } },
    recheckOn: { key: "dateInvalid" },
    message: { key: "messageToSellerTooShort", values: { minimum: 20 } },
  });
});

test("a constraint without a message is worded by zod's issue code", () => {
  const schema = z.object({
    title: z.string().max(5),
    tags: z.array(z.string()).min(2),
    email: z.email(),
    kind: z.enum(["a", "b"]),
  });
  expect(messagesOf(schema, { title: "far too long", tags: [], email: "nope", kind: "c" })).toEqual({
    title: { key: "tooLong", values: { maximum: 5 } },
    tags: { key: "chooseAtLeast", values: { minimum: 2 } },
    email: { key: "emailInvalid" },
    kind: { key: "choose" },
  });
  expect(messagesOf(z.object({ name: z.string().min(1) }), {})).toEqual({ name: { key: "required" } });
});

test("every message the form schemas name is in both catalogs", () => {
  const keys = [
    ...Object.values(
      messagesOf(reinstateCaseInput, { caseId: 0, expectedVersion: "x", overrides: [{ item: "nope", reason: "" }] }),
    ),
    ...Object.values(messagesOf(createUserInput, { email: "", name: "", password: "", role: "seller" })),
    ...Object.values(messagesOf(importCsvInput, {})),
  ].map((message) => message.key);
  expect(keys.length).toBeGreaterThan(5);
  for (const key of keys) {
    expect(MESSAGES.en.actionErrors.fields).toHaveProperty(key);
    expect(MESSAGES.uk.actionErrors.fields).toHaveProperty(key);
  }
});

test("the same message reads in the reader's language, with its number", () => {
  const message: FieldMessage = { key: "messageToSellerTooShort", values: { minimum: 20 } };
  expect(formatFieldMessage(message, "en")).toBe("Write at least 20 characters: the seller reads this message");
  expect(formatFieldMessage(message, "uk")).toBe("Напишіть щонайменше 20 символів: продавець прочитає це повідомлення");
  expect(formatFieldMessage({ key: "tooShort", values: { minimum: 3 } }, "uk")).toBe("Напишіть щонайменше 3 символи");
});

test("a catalog key is told from zod's own English sentences", () => {
  expect(fieldMessage("required")).toBe("required");
  const [issue] = z.string().min(4).safeParse("ab").error!.issues;
  expect(issue!.message).toMatch(/ /);
  expect(describeFieldIssue(issue!)).toEqual({ key: "tooShort", values: { minimum: 4 } });
});

test("the server keeps a schema's own English words for logs and the API, and forms word what the catalogs do not know", () => {
  const schema = z.object({ code: z.string().min(3, "tooShortForAnApi"), note: z.string().max(2, fieldMessage("tooLong")) });
  const refused = (() => {
    try {
      parseInput(schema, { code: "ab", note: "abc" });
    } catch (error) {
      return error as DomainError;
    }
    throw new Error("expected the input to be refused");
  })();
  expect(refused.issues).toEqual([
    { path: "code", message: "tooShortForAnApi", catalog: { key: "invalid" } },
    { path: "note", message: "Write at most 2 characters", catalog: { key: "tooLong", values: { maximum: 2 } } },
  ]);
});
