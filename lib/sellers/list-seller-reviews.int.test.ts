import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { caseReviews, cases, complaints, orders, reviewReplies, reviews } from "@/db/schema";
import { listSellerComplaints } from "@/lib/sellers/list-seller-complaints";
import { listSellerReviews } from "@/lib/sellers/list-seller-reviews";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const unique = () => randomBytes(5).toString("hex");

/** Every page of a list, following the older cursors from the first page. */
async function allPages<T extends { id: number }>(
  list: (cursor: { before?: number }) => Promise<{ rows: T[]; olderCursor?: { before: number } }>,
) {
  const pages: T[][] = [];
  let cursor: { before?: number } | undefined = {};
  while (cursor) {
    const page: { rows: T[]; olderCursor?: { before: number } } = await list(cursor);
    pages.push(page.rows);
    cursor = page.olderCursor;
  }
  return pages;
}

describe("a seller's negative reviews and complaints for moderators", () => {
  test("[MODERATOR] pages through the negative reviews newest first, with replies and case scope; positive and removed ones are left out", async () => {
    const { actor, user: moderator } = await createTestUser("moderator");
    const shop = await createTestSeller("Reviewed shop");
    const other = await createTestSeller("Another shop");
    const review = (sellerId: number, rating: number, postedAt: Date, extra: Partial<typeof reviews.$inferInsert> = {}) => ({
      sellerId,
      externalId: `R-${unique()}`,
      buyerId: `B-${unique()}`,
      rating,
      text: `rated ${rating}`,
      postedAt,
      ...extra,
    });
    // 12 negative reviews an hour apart, two of them at the very same instant (the id breaks the tie).
    const negative = await db
      .insert(reviews)
      .values([
        ...Array.from({ length: 11 }, (_, i) => review(shop.id, i % 2 ? 1 : 2, hoursAgo(i + 1))),
        review(shop.id, 1, hoursAgo(5)),
      ])
      .returning();
    await db
      .insert(reviews)
      .values([
        review(shop.id, 3, hoursAgo(1)),
        review(shop.id, 5, hoursAgo(2)),
        review(shop.id, 1, hoursAgo(3), { removedAt: hoursAgo(2), removedBy: "buyer" }),
        review(other.id, 1, hoursAgo(1)),
      ]);
    const [order] = await db
      .insert(orders)
      .values({ sellerId: shop.id, externalId: `O-${unique()}`, buyerId: "B-order", placedAt: hoursAgo(100) })
      .returning();
    const newest = negative[0]!;
    await db.update(reviews).set({ orderId: order!.id }).where(eq(reviews.id, newest.id));
    // One public reply per review (a unique index): it is published under the review.
    await db
      .insert(reviewReplies)
      .values({ sellerId: shop.id, reviewId: newest.id, body: "We sent a replacement", createdAt: hoursAgo(0.2) });
    const [sellerCase] = await db
      .insert(cases)
      .values({
        sellerId: shop.id,
        openedBy: moderator.id,
        excludedAt: hoursAgo(1),
        recheckAt: new Date(NOW.getTime() + 14 * 86_400_000),
        evidence: {},
      })
      .returning();
    await db.insert(caseReviews).values({ caseId: sellerCase!.id, reviewId: negative[1]!.id, sellerId: shop.id });

    const pages = await allPages((cursor) => listSellerReviews({ actor, sellerId: shop.id, cursor, pageSize: 5 }));

    expect(pages.map((page) => page.length)).toEqual([5, 5, 2]);
    const listed = pages.flat();
    const expectedOrder = [...negative]
      .sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime() || b.id - a.id)
      .map((row) => row.id);
    expect(listed.map((row) => row.id)).toEqual(expectedOrder);
    expect(listed[0]).toMatchObject({
      id: newest.id,
      orderExternalId: order!.externalId,
      rating: 2,
      text: "rated 2",
      reply: { body: "We sent a replacement", createdAt: hoursAgo(0.2) },
      caseId: null,
    });
    expect(listed[1]).toMatchObject({ id: negative[1]!.id, reply: null, caseId: sellerCase!.id });

    const first = await listSellerReviews({ actor, sellerId: shop.id, cursor: {}, pageSize: 5 });
    expect(first).toMatchObject({ total: 12, newerCursor: undefined });
    // Back from the second page: the first page again, with no newer page before it.
    const second = await listSellerReviews({ actor, sellerId: shop.id, cursor: first.olderCursor!, pageSize: 5 });
    const back = await listSellerReviews({ actor, sellerId: shop.id, cursor: second.newerCursor!, pageSize: 5 });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    expect(back.newerCursor).toBeUndefined();
    expect(back.olderCursor).toEqual(first.olderCursor);
  });

  test("[MODERATOR] pages through the complaints newest first", async () => {
    const { actor } = await createTestUser("moderator");
    const shop = await createTestSeller("Complained-about shop");
    const filed = await db
      .insert(complaints)
      .values(
        [3, 1, 2].map((hours) => ({
          sellerId: shop.id,
          externalId: `C-${unique()}`,
          buyerId: "B1",
          reason: `late by ${hours}`,
          text: "Still waiting",
          filedAt: hoursAgo(hours),
        })),
      )
      .returning();

    const pages = await allPages((cursor) => listSellerComplaints({ actor, sellerId: shop.id, cursor, pageSize: 2 }));

    expect(pages.map((page) => page.map((complaint) => complaint.reason))).toEqual([["late by 1", "late by 2"], ["late by 3"]]);
    expect(pages[0]![0]).toMatchObject({
      id: filed[1]!.id,
      buyerId: "B1",
      text: "Still waiting",
      filedAt: hoursAgo(1),
      orderExternalId: null,
    });
    expect((await listSellerComplaints({ actor, sellerId: shop.id, cursor: {} })).total).toBe(3);
  });

  test("[SELLER] is refused another seller's lists, and their own: these are the moderators' views", async () => {
    const { actor } = await createTestUser("seller");
    const shop = await createTestSeller();
    for (const sellerId of [shop.id, actor.sellerId!]) {
      await expect(listSellerReviews({ actor, sellerId, cursor: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listSellerComplaints({ actor, sellerId, cursor: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  test("[MODERATOR] an unknown seller's lists are not found", async () => {
    const { actor } = await createTestUser("moderator");
    await expect(listSellerReviews({ actor, sellerId: 9_000_000_000, cursor: {} })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listSellerComplaints({ actor, sellerId: 9_000_000_000, cursor: {} })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
