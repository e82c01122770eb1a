import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { complaints, orders, reviews } from "@/db/schema";
import { getSellerOverview } from "@/lib/sellers/get-seller-overview";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const unique = () => randomBytes(5).toString("hex");

async function plantActivity(sellerId: number, counts: { recentOrders: number; oldOrders: number }) {
  for (let i = 0; i < counts.recentOrders + counts.oldOrders; i++) {
    await db
      .insert(orders)
      .values({ sellerId, externalId: `O-${unique()}`, buyerId: "B1", placedAt: daysAgo(i < counts.recentOrders ? 3 : 40) });
  }
}

describe("the seller's live overview", () => {
  test("[SELLER] sees only their own shop's last 30 days; removed reviews and older activity do not count", async () => {
    const { actor, user } = await createTestUser("seller");
    const mine = user.sellerId!;
    const other = await createTestSeller("Someone else");
    await plantActivity(mine, { recentOrders: 3, oldOrders: 2 });
    await plantActivity(other.id, { recentOrders: 7, oldOrders: 0 });
    const review = (sellerId: number, rating: number, postedAt: Date, removedAt: Date | null = null) => ({
      sellerId,
      externalId: `R-${unique()}`,
      buyerId: "B1",
      rating,
      postedAt,
      removedAt,
    });
    await db
      .insert(reviews)
      .values([
        review(mine, 1, daysAgo(1)),
        review(mine, 5, daysAgo(2)),
        review(mine, 2, daysAgo(2), daysAgo(1)),
        review(mine, 1, daysAgo(31)),
        review(other.id, 1, daysAgo(1)),
      ]);
    await db.insert(complaints).values([
      { sellerId: mine, externalId: `C-${unique()}`, buyerId: "B1", reason: "late", filedAt: daysAgo(5) },
      { sellerId: other.id, externalId: `C-${unique()}`, buyerId: "B1", reason: "late", filedAt: daysAgo(5) },
    ]);

    const overview = await getSellerOverview({ actor, now: NOW });

    expect(overview).toMatchObject({ seller: { id: mine }, orders: 3, reviews: 2, negativeReviews: 1, complaints: 1 });
  });

  test.each(["moderator", "admin"] as const)("[%s] has no seller overview of their own", async (role) => {
    const { actor } = await createTestUser(role);
    await expect(getSellerOverview({ actor, now: NOW })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
