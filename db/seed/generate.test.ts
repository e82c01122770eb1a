import { describe, expect, test } from "vitest";
import { DEMO_CASE_AGE_DAYS } from "./demo-story";
import { generatePortal } from "./generate";
import type { SeedData, SeedReview } from "./types";

const NOW = new Date("2026-03-02T00:00:00.000Z");
const DAY_MS = 24 * 60 * 60 * 1000;
const YEAR_START = NOW.getTime() - 365 * DAY_MS;
const RECENT_START = NOW.getTime() - 90 * DAY_MS;
/** The default policy's thresholds (SPEC.md), recomputed here by hand. */
const Z_95 = 1.96;
const Z_WORSENED = 2.33;

const portal = generatePortal({ seed: 42, now: NOW, sellers: 300 });

/** Node 20 has no Map.groupBy yet. */
function groupBy<T>(items: readonly T[], getKey: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(getKey(item));
    if (group) group.push(item);
    else groups.set(getKey(item), [item]);
  }
  return groups;
}

type Share = { reviews: number; negative: number; rate: number };

/** SPEC's unique-rating rule: per buyer and seller, a review within 7 days after a counted one does not count. */
function countUniqueReviews(reviews: readonly SeedReview[]): SeedReview[] {
  const lastCounted = new Map<string, number>();
  const counted: SeedReview[] = [];
  const live = reviews.filter((review) => review.removedAt === null);
  for (const review of [...live].sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())) {
    const key = `${review.sellerExternalId}/${review.buyerId}`;
    const previous = lastCounted.get(key);
    if (previous !== undefined && review.postedAt.getTime() - previous < 7 * DAY_MS) continue;
    lastCounted.set(key, review.postedAt.getTime());
    counted.push(review);
  }
  return counted;
}

function getNegativeShare(data: SeedData, sellerIds: readonly string[], from: number, to: number): Share {
  const sellers = new Set(sellerIds);
  const inWindow = data.reviews.filter(
    (review) => sellers.has(review.sellerExternalId) && review.postedAt.getTime() >= from && review.postedAt.getTime() < to,
  );
  const counted = countUniqueReviews(inWindow);
  const negative = counted.filter((review) => review.rating <= 2).length;
  return { reviews: counted.length, negative, rate: counted.length ? negative / counted.length : 0 };
}

function countYearOrders(data: SeedData, sellerId: string): number {
  return data.orders.filter((order) => order.sellerExternalId === sellerId && order.placedAt.getTime() >= YEAR_START).length;
}

function getWilsonLowerBound({ negative, reviews }: Share): number {
  const p = negative / reviews;
  const z2 = Z_95 * Z_95;
  const centre = p + z2 / (2 * reviews);
  const margin = Z_95 * Math.sqrt((p * (1 - p)) / reviews + z2 / (4 * reviews * reviews));
  return (centre - margin) / (1 + z2 / reviews);
}

/** One-sided two-proportion z statistic: is `recent` worse than `baseline`? */
function getWorseningZ(recent: Share, baseline: Share): number {
  const pooled = (recent.negative + baseline.negative) / (recent.reviews + baseline.reviews);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / recent.reviews + 1 / baseline.reviews));
  return (recent.rate - baseline.rate) / standardError;
}

const ordinarySellers = [...portal.sellersByKind.regular, ...portal.sellersByKind.large];
const yearShare = (sellerId: string) => getNegativeShare(portal, [sellerId], YEAR_START, NOW.getTime());

describe("generatePortal", () => {
  test("the demo seller, hidden from the catalog for its case's days, takes no orders in them; others do", () => {
    const hiddenFrom = NOW.getTime() - DEMO_CASE_AGE_DAYS * DAY_MS;
    const recentOrders = (sellerId: string) =>
      portal.orders.filter((order) => order.sellerExternalId === sellerId && order.placedAt.getTime() >= hiddenFrom).length;
    const [demoSeller, otherWorsened] = portal.sellersByKind.worsened;
    expect(recentOrders(demoSeller!)).toBe(0);
    expect(portal.orders.some((order) => order.sellerExternalId === demoSeller)).toBe(true);
    expect(recentOrders(otherWorsened!)).toBeGreaterThan(0);
  });

  test("the same seed and now give byte-identical data", () => {
    const again = generatePortal({ seed: 42, now: NOW, sellers: 300 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(portal));
  }, 30_000);

  test("a different seed gives a different portal", () => {
    const other = generatePortal({ seed: 43, now: NOW, sellers: 300 });
    expect(JSON.stringify(other.reviews)).not.toBe(JSON.stringify(portal.reviews));
    expect(other.sellers.map((seller) => seller.name)).not.toEqual(portal.sellers.map((seller) => seller.name));
  }, 30_000);

  test("keeps the portal a believable size, all of it before now", () => {
    expect(portal.sellers).toHaveLength(300);
    expect(portal.orders.length).toBeGreaterThan(60_000);
    expect(portal.orders.length).toBeLessThan(100_000);
    const times = [
      ...portal.orders.map((order) => order.placedAt),
      ...portal.reviews.map((review) => review.postedAt),
      ...portal.messages.map((message) => message.sentAt),
      ...portal.refunds.map((refund) => refund.refundedAt),
    ];
    expect(times.every((time) => time < NOW)).toBe(true);
  });

  test("plants about 8 bad sellers, 3 worsened ones and 15% small ones", () => {
    expect(portal.sellersByKind.bad).toHaveLength(8);
    expect(portal.sellersByKind.worsened).toHaveLength(3);
    const small = portal.sellers.filter(
      (seller) => countYearOrders(portal, seller.externalId) < 30 || yearShare(seller.externalId).reviews < 10,
    );
    expect(small.length / portal.sellers.length).toBeGreaterThanOrEqual(0.13);
    expect(small.length / portal.sellers.length).toBeLessThanOrEqual(0.2);
  });

  test("ordinary sellers have a portal-wide negative share of 5–10%, none statistically worse", () => {
    const pooled = getNegativeShare(portal, ordinarySellers, YEAR_START, NOW.getTime());
    expect(pooled.rate).toBeGreaterThan(0.05);
    expect(pooled.rate).toBeLessThan(0.1);
    const worstLowerBound = Math.max(...ordinarySellers.map((sellerId) => getWilsonLowerBound(yearShare(sellerId))));
    expect(worstLowerBound).toBeLessThan(Math.max(2 * pooled.rate, pooled.rate + 0.03));
  });

  test.each(portal.sellersByKind.bad)("bad seller %s is evaluable and 30–45%% negative over the year", (sellerId) => {
    const share = yearShare(sellerId);
    expect(countYearOrders(portal, sellerId)).toBeGreaterThanOrEqual(30);
    expect(share.reviews).toBeGreaterThanOrEqual(10);
    expect(share.rate).toBeGreaterThanOrEqual(0.28);
    expect(share.rate).toBeLessThanOrEqual(0.45);
  });

  test.each(portal.sellersByKind.worsened)("worsened seller %s got significantly worse in the last 90 days", (sellerId) => {
    const recent = getNegativeShare(portal, [sellerId], RECENT_START, NOW.getTime());
    const baseline = getNegativeShare(portal, [sellerId], YEAR_START, RECENT_START);
    expect(countYearOrders(portal, sellerId)).toBeGreaterThanOrEqual(30);
    expect(yearShare(sellerId).reviews).toBeGreaterThanOrEqual(10);
    expect(recent.reviews).toBeGreaterThanOrEqual(5);
    expect(baseline.rate).toBeLessThan(0.12);
    expect(recent.rate).toBeGreaterThan(0.25);
    expect(getWorseningZ(recent, baseline)).toBeGreaterThanOrEqual(Z_WORSENED);
  });

  test("reviews with an order name an order of that buyer with that seller, posted after its last change", () => {
    const ordersById = new Map(portal.orders.map((order) => [order.externalId, order]));
    const linked = portal.reviews.filter((review) => review.orderExternalId !== null);
    expect(linked.length / portal.reviews.length).toBeGreaterThan(0.9);
    for (const review of linked) {
      const order = ordersById.get(review.orderExternalId ?? "");
      expect(order?.buyerId).toBe(review.buyerId);
      expect(order?.sellerExternalId).toBe(review.sellerExternalId);
      expect(review.postedAt.getTime()).toBeGreaterThan(order?.statusChangedAt?.getTime() ?? Infinity);
    }
  });

  test("every review's history starts with its first rating and ends with its current one", () => {
    const history = groupBy(portal.reviewRatingChanges, (change) => change.reviewExternalId);
    for (const review of portal.reviews) {
      const changes = history.get(review.externalId) ?? [];
      expect(changes[0]?.occurredAt).toEqual(review.postedAt);
      expect(changes[changes.length - 1]?.rating).toBe(review.rating);
      expect(changes.length > 1).toBe(review.editedAt !== null);
    }
  });

  test("threads record the buyer's first message and the seller's first reply after it", () => {
    const byThread = groupBy(portal.messages, (message) => message.threadExternalId);
    for (const thread of portal.messageThreads) {
      const messages = byThread.get(thread.externalId) ?? [];
      const firstBuyer = messages.find((message) => message.sender === "buyer");
      const firstReply = messages.find(
        (message) => message.sender === "seller" && firstBuyer && message.sentAt > firstBuyer.sentAt,
      );
      expect(thread.firstBuyerMessageAt).toEqual(firstBuyer?.sentAt ?? null);
      expect(thread.firstSellerReplyAt).toEqual(firstReply?.sentAt ?? null);
    }
    expect(new Set(portal.messages.map((message) => message.externalId)).size).toBe(portal.messages.length);
  });

  test("orders' status is their last status change, and refunds come after their request", () => {
    const lastChange = new Map(portal.orderStatusChanges.map((change) => [change.orderExternalId, change]));
    for (const order of portal.orders) {
      expect(lastChange.get(order.externalId)?.status ?? "placed").toBe(order.status);
      expect(lastChange.get(order.externalId)?.occurredAt ?? null).toEqual(order.statusChangedAt);
    }
    expect(portal.refunds.every((refund) => refund.requestedAt < refund.refundedAt)).toBe(true);
  });
});
