import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createApiKey } from "./fixtures";

/**
 * The quality engine over real HTTP, against the production build: a planted portal goes in
 * through POST /api/v1/events, an evaluation runs through POST /api/v1/evaluations, and every
 * planted seller gets the verdict worked out by hand below.
 */

const DAY = 86_400_000;
const run = randomBytes(3).toString("hex");
const sellerId = (name: string) => `P-${run}-${name}`;

type Event = { id: string; type: string; occurredAt: string; data: Record<string, unknown> };

/**
 * A seller with `orders` orders and `reviews` unique reviews (one per buyer) spread evenly over
 * the year before asOf; `negative(i)` says which reviews are negative (rating 1, else 5), by their
 * position from oldest (0) to newest.
 */
function plantSeller(
  asOf: Date,
  name: string,
  shape: {
    orders: number;
    reviews: number;
    negative: (i: number) => boolean;
    complaints?: number;
    dayOf?: (i: number) => number;
  },
): Event[] {
  const id = sellerId(name);
  const events: Event[] = [
    {
      id: `${id}-s`,
      type: "seller.upserted",
      occurredAt: new Date(asOf.getTime() - 400 * DAY).toISOString(),
      data: { sellerId: id, name },
    },
  ];
  const at = (daysBefore: number) => new Date(asOf.getTime() - daysBefore * DAY).toISOString();
  for (let i = 0; i < shape.orders; i++) {
    events.push({
      id: `${id}-o${i}`,
      type: "order.placed",
      occurredAt: at(350 - (i * 340) / shape.orders),
      data: { orderId: `${id}-o${i}`, sellerId: id, buyerId: `${id}-b${i}` },
    });
  }
  for (let i = 0; i < shape.reviews; i++) {
    const daysBefore = shape.dayOf ? shape.dayOf(i) : 345 - (i * 340) / shape.reviews;
    const rating = shape.negative(i) ? 1 : 5;
    events.push({
      id: `${id}-r${i}`,
      type: "review.posted",
      occurredAt: at(daysBefore),
      data: { reviewId: `${id}-r${i}`, sellerId: id, buyerId: `${id}-rb${i}`, rating },
    });
  }
  for (let i = 0; i < (shape.complaints ?? 0); i++) {
    events.push({
      id: `${id}-c${i}`,
      type: "complaint.filed",
      occurredAt: at(300 - i * 10),
      data: { complaintId: `${id}-c${i}`, sellerId: id, buyerId: `${id}-b${i}`, reason: "not delivered" },
    });
  }
  return events;
}

test("[API] a planted portal sent over HTTP is evaluated with the verdicts worked out by hand", async ({ request }) => {
  const key = await createApiKey(`e2e ${run}`);
  const headers = { Authorization: `Bearer ${key}` };
  const asOf = new Date(Math.floor((Date.now() - 60_000) / 1000) * 1000);

  // 30 ordinary sellers: 40 orders, 20 unique reviews with 1, 2 or 3 negative (5%, 10%, 15%),
  // one complaint: the portal's year medians are a 10% negative-review rate and 2.5% complaints.
  const events: Event[] = [];
  for (let s = 0; s < 30; s++)
    events.push(
      ...plantSeller(asOf, `ordinary-${s}`, { orders: 40, reviews: 20, negative: (i) => i % 20 < 1 + (s % 3), complaints: 1 }),
    );
  // LOW_YEAR threshold for negative reviews: max(2 × 0.10, 0.10 + 0.03) = 0.20.
  // 16 of 40 negative (evenly over the year): Wilson 95% lower bound 0.263 > 0.20 → LOW_YEAR.
  events.push(...plantSeller(asOf, "low-year", { orders: 60, reviews: 40, negative: (i) => i % 5 < 2, complaints: 1 }));
  // 20 complaints on 100 orders: Wilson lower bound 0.133 > max(2 × 0.025, 0.025 + 0.03) = 0.055 → LOW_YEAR by complaints.
  events.push(...plantSeller(asOf, "complaints", { orders: 100, reviews: 20, negative: (i) => i % 10 === 0, complaints: 20 }));
  // 30 reviews 350–109 days before asOf (baseline), 10 in the last 85 days (recent).
  // Baseline 1 of 30 negative, recent 6 of 10: pooled 7/40, z = (0.6 − 0.033) / 0.139 = 4.08 ≥ 2.33,
  // and 0.6 is above the portal's recent value → WORSENED. Over the year 7/40: Wilson low 0.087 < 0.20, no LOW_YEAR.
  events.push(
    ...plantSeller(asOf, "worsened", {
      orders: 60,
      reviews: 40,
      negative: (i) => (i < 30 ? i === 0 : i >= 34),
      complaints: 1,
      dayOf: (i) => (i < 30 ? 350 - i * 8.3 : 85 - (i - 30) * 8),
    }),
  );
  // All 5 reviews negative but only 10 orders and 5 reviews: not eligible, never flagged.
  events.push(...plantSeller(asOf, "small", { orders: 10, reviews: 5, negative: () => true }));
  // 3 of 10 negative (30%) looks bad, but the Wilson lower bound 0.108 < 0.20: not statistically worse.
  events.push(...plantSeller(asOf, "unlucky", { orders: 30, reviews: 10, negative: (i) => i % 3 === 0 && i < 9 }));

  // The same rows in 5 batches; the order of event types within the portal is kept (sellers first).
  const sellersFirst = [
    ...events.filter((e) => e.type === "seller.upserted"),
    ...events.filter((e) => e.type !== "seller.upserted"),
  ];
  for (let start = 0; start < sellersFirst.length; start += 1000) {
    const response = await request.post("/api/v1/events", { headers, data: { events: sellersFirst.slice(start, start + 1000) } });
    expect(response.status(), await response.text()).toBe(200);
  }
  // Sending a batch again stores nothing twice.
  const again = await request.post("/api/v1/events", { headers, data: { events: sellersFirst.slice(0, 1000) } });
  expect(await again.json()).toEqual({ accepted: 0, duplicates: 1000 });

  const evaluation = await request.post("/api/v1/evaluations", { headers, data: { asOf: asOf.toISOString() } });
  expect(evaluation.status()).toBe(200);
  const summary = (await evaluation.json()) as {
    flagged: {
      sellerId: string;
      reasons: { code: string; metric: string; window: string; value: number; portalValue: number }[];
    }[];
  };
  const ours = Object.fromEntries(
    summary.flagged.filter((flag) => flag.sellerId.startsWith(`P-${run}-`)).map((flag) => [flag.sellerId, flag.reasons]),
  );

  expect(Object.keys(ours).sort()).toEqual([sellerId("complaints"), sellerId("low-year"), sellerId("worsened")].sort());
  expect(ours[sellerId("low-year")]).toEqual([
    { code: "LOW_YEAR", metric: "negativeReviewRate", window: "year", value: 0.4, portalValue: 0.1 },
  ]);
  expect(ours[sellerId("complaints")]).toEqual([
    { code: "LOW_YEAR", metric: "complaintRate", window: "year", value: 0.2, portalValue: 0.025 },
  ]);
  expect(ours[sellerId("worsened")]).toMatchObject([
    { code: "WORSENED", metric: "negativeReviewRate", window: "recent", value: 0.6 },
  ]);

  const quality = await request.get(`/api/v1/sellers/${sellerId("low-year")}/quality`, { headers });
  expect(quality.status()).toBe(200);
  const body = await quality.json();
  expect(body).toMatchObject({ sellerId: sellerId("low-year"), eligible: true, flagged: true });
  expect(body.metrics.year.negativeReviewRate).toEqual({ value: 0.4, portalValue: 0.1 });
  expect(body.metrics.year.uniqueReviews.value).toBe(40);

  const small = await (await request.get(`/api/v1/sellers/${sellerId("small")}/quality`, { headers })).json();
  expect(small).toMatchObject({ eligible: false, flagged: false });
  expect(small.metrics.year.negativeReviewRate.value).toBe(1);
});

test("[API] without a valid key every v1 route answers 401; the OpenAPI document is public", async ({ request }) => {
  for (const call of [
    () => request.post("/api/v1/events", { data: { events: [] } }),
    () => request.post("/api/v1/evaluations", { data: {}, headers: { Authorization: "Bearer cg_nope" } }),
    () => request.get("/api/v1/sellers/S0001/quality"),
  ]) {
    const response = await call();
    expect(response.status()).toBe(401);
    expect((await response.json()).error).toBe("unauthorized");
  }
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  expect(Object.keys((await document.json()).paths)).toContain("/api/v1/events");
});
