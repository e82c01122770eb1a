import { beforeEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";

const calls: string[] = [];
const SELLER: UserActor = { kind: "user", userId: "u-1", role: "seller", sellerId: 7, label: "seller@example.com" };

vi.mock("@/lib/auth/session", () => ({
  authorize: vi.fn(async (permission: string) => {
    calls.push(`authorize ${permission}`);
    if (permission !== "seller-portal:use") throw forbidden();
    return SELLER;
  }),
  getActor: vi.fn(async () => {
    calls.push("getActor");
    return null;
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => calls.push(`revalidate ${path}`) }));
vi.mock("@/lib/after-response", () => ({ afterResponse: async (name: string) => calls.push(`after the response: ${name}`) }));
vi.mock("@/lib/delivery/kick-delivery", () => ({ kickDelivery: async () => undefined }));
vi.mock("@/lib/clock", () => ({ currentTime: () => new Date("2026-03-16T09:00:00Z") }));

const { ANYONE, defineAction } = await import("@/lib/actions/define-action");

const replyInput = z.object({
  reviewId: z.coerce.number().int().positive("Choose a review"),
  text: z.string().min(3, "Write a reply"),
});

/** A seller action as issue 13's will be: a seller permission, the lib function scoped by the actor's seller id. */
const replyAction = (permission: "seller-portal:use" | "cases:decide") =>
  defineAction({
    name: "replyToReview",
    input: replyInput,
    permission,
    run: async ({ actor, input, now }) => {
      calls.push(`run for seller ${actor.sellerId} at ${now.toISOString()}`);
      return { reviewId: input.reviewId };
    },
    revalidate: ({ reviewId }) => [`/seller/reviews/${reviewId}`],
    deliversAfterResponse: true,
  });

beforeEach(() => {
  calls.length = 0;
});

describe("the one action definition", () => {
  test("parse → authorize → run with the one clock → revalidate → deliver after the response", async () => {
    expect(await replyAction("seller-portal:use")({ reviewId: "12", text: "Sorry, we sent a new one." })).toEqual({
      status: "ok",
      data: { reviewId: 12 },
    });
    expect(calls).toEqual([
      "authorize seller-portal:use",
      "run for seller 7 at 2026-03-16T09:00:00.000Z",
      "revalidate /seller/reviews/12",
      "after the response: delivery",
    ]);
  });

  test("invalid input answers with each field's error, before anyone is authorized or anything runs", async () => {
    expect(await replyAction("seller-portal:use")({ reviewId: "x", text: "" })).toMatchObject({
      status: "invalid",
      fieldErrors: { reviewId: expect.any(String), text: "Write at least 3 characters" },
    });
    expect(calls).toEqual([]);
  });

  test("a refused caller gets the refusal; nothing runs, nothing is revalidated or delivered", async () => {
    expect(await replyAction("cases:decide")({ reviewId: 12, text: "Sorry, we sent a new one." })).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
    });
    expect(calls).toEqual(["authorize cases:decide"]);
  });

  test("an action open to anyone runs for a visitor who is not signed in", async () => {
    const action = defineAction({
      name: "setLocale",
      input: z.object({ locale: z.enum(["en", "uk"]) }),
      permission: ANYONE,
      run: async ({ actor, input }) => `${actor?.label ?? "visitor"}: ${input.locale}`,
    });
    expect(await action({ locale: "uk" })).toEqual({ status: "ok", data: "visitor: uk" });
    expect(calls).toEqual(["getActor"]);
  });
});
