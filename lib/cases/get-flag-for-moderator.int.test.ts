import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { evaluations, flags } from "@/db/schema";
import { dismissFlag } from "@/lib/cases/dismiss-flag";
import { EARLIER_FLAGS_SHOWN, getFlagForModerator } from "@/lib/cases/get-flag-for-moderator";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-11-30T09:00:00Z");
const weeksBefore = (weeks: number) => new Date(NOW.getTime() - weeks * 7 * 86_400_000);

describe("a flag's page reads the seller's earlier flags", () => {
  test("[MODERATOR] a seller flagged and let go week after week: the newest earlier flags with their reasons, and how many in all", async () => {
    const { actor } = await createTestUser("moderator");
    const first = await createFlaggedSeller({ now: weeksBefore(7) });
    // Six more weeks of flags on the same seller, each dismissed the next morning with its own reason,
    // then this week's, open.
    const flagOfWeek = async (week: number) => {
      const [evaluation] = await db
        .insert(evaluations)
        .values({
          asOf: weeksBefore(week),
          policyVersion: 1,
          status: "completed",
          startedAt: weeksBefore(week),
          completedAt: weeksBefore(week),
          timeZone: "Europe/Kyiv",
          requestedBy: "test",
        })
        .returning();
      const [flag] = await db
        .insert(flags)
        .values({ evaluationId: evaluation!.id, sellerId: first.seller.id, createdAt: weeksBefore(week) })
        .returning();
      return flag!.id;
    };
    for (let week = 6; week >= 1; week--) {
      const flagId = await flagOfWeek(week);
      await dismissFlag({
        actor,
        input: { flagId, reason: `Week ${week}: watching the next evaluation` },
        now: new Date(weeksBefore(week).getTime() + 86_400_000),
      });
    }
    const flagId = await flagOfWeek(0);

    const view = await getFlagForModerator({ actor, flagId });
    expect(view.earlierFlagCount).toBe(7);
    expect(view.earlierFlags).toHaveLength(EARLIER_FLAGS_SHOWN);
    expect(view.earlierFlags.map((earlier) => earlier.dismissReason)).toEqual(
      [1, 2, 3, 4, 5].map((week) => `Week ${week}: watching the next evaluation`),
    );
    expect(view.earlierFlags[0]).toMatchObject({ status: "dismissed", triagedBy: actor.label });

    // The first flag has none before it.
    const firstView = await getFlagForModerator({ actor, flagId: first.flag.id });
    expect(firstView).toMatchObject({ earlierFlags: [], earlierFlagCount: 0 });
  });
});
