import { describe, expect, test } from "vitest";
import { describeActor } from "./actor-label";

describe("an audit entry's actor in words", () => {
  test.each([
    [
      { actorRole: "moderator", actorLabel: "anna@example.com" },
      { kind: "person", email: "anna@example.com" },
    ],
    [{ actorRole: "system", actorLabel: "scheduler" }, { kind: "scheduler" }],
    [
      { actorRole: "system", actorLabel: "cli:evaluate (root)" },
      { kind: "command", command: "npm run evaluate", osUser: "root" },
    ],
    [
      { actorRole: "system", actorLabel: "npm run api-key:create (os user ops)" },
      { kind: "command", command: "npm run api-key:create", osUser: "ops" },
    ],
    [
      { actorRole: "api-key", actorLabel: "api-key:orders-feed" },
      { kind: "api-key", name: "orders-feed" },
    ],
    [{ actorRole: "system", actorLabel: "system" }, { kind: "system" }],
    [{ actorRole: "system", actorLabel: "bench warm-up" }, { kind: "system" }],
  ] as const)("%o is %o", (entry, expected) => {
    expect(describeActor(entry)).toEqual(expected);
  });
});
