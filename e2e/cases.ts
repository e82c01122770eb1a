/** Case data for the end-to-end specs, arranged in SQL the way an evaluation would leave it. */
import { randomBytes } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { DEFAULT_POLICY } from "../lib/quality/policy";
import { createSeller, createUser, postServerAction, serverActionId, signIn, sql } from "./fixtures";

const DAY = 86_400_000;

/**
 * A seller with `negativeReviews` (two by default) 1-star reviews from buyers who ordered, a day
 * apart, flagged LOW_YEAR by a completed evaluation. Its asOf is a random minute of 2019, so it is
 * never the latest evaluation (or one of the recent ones) that other specs read.
 */
export async function createFlaggedSeller(name = "E2E flagged shop", negativeReviews = 2) {
  const seller = await createSeller(name);
  const now = Date.now();
  const tag = randomBytes(4).toString("hex");
  for (let i = 0; i < negativeReviews; i++) {
    const [order] = await sql<{ id: string }[]>`
      insert into orders (seller_id, external_id, buyer_id, status, placed_at)
      values (${seller.id}, ${`O-${tag}-${i}`}, ${`B-${tag}-${i}`}, 'delivered', ${new Date(now - (40 + i) * DAY)}) returning id`;
    await sql`insert into reviews (seller_id, external_id, buyer_id, order_id, rating, text, posted_at)
      values (${seller.id}, ${`R-${tag}-${i}`}, ${`B-${tag}-${i}`}, ${order!.id}, 1, ${`Never arrived (${i})`}, ${new Date(now - (30 + i) * DAY)})`;
  }
  await sql`insert into scoring_policies (version, params, note, activated_at) values (1, ${sql.json(DEFAULT_POLICY)}, 'The default policy of the specification', now()) on conflict do nothing`;
  const [evaluation] = await sql<{ id: string }[]>`
    insert into evaluations (as_of, policy_version, status, started_at, completed_at, sellers_evaluated, flagged_count, time_zone, requested_by)
    values (${new Date(Date.UTC(2019, 0, 7) + seller.id * 60_000)}, 1, 'completed', now(), now(), 1, 1, 'Europe/Kyiv', 'e2e') returning id`;
  const [flag] = await sql<
    { id: string }[]
  >`insert into flags (evaluation_id, seller_id) values (${evaluation!.id}, ${seller.id}) returning id`;
  await sql`insert into flag_reasons (flag_id, seller_id, code, metric, "window", value, interval_low, interval_high, portal_value, rule, threshold)
    values (${flag!.id}, ${seller.id}, 'LOW_YEAR', 'negativeReviewRate', 'year', 0.3, 0.18, 0.45, 0.05, 'wilson_lower_above_threshold', 0.1)`;
  return { ...seller, flagId: Number(flag!.id) };
}

/**
 * Opens the flag's case as a moderator would, by the triage action on `request` (a context of its
 * own, so the page can stay the seller's); the seller gets the real case_opened notification.
 */
export async function openCaseAsModerator(request: APIRequestContext, flagId: number, note?: string): Promise<number> {
  await signIn(request, (await createUser("moderator")).email);
  await postServerAction(request, "/moderator", serverActionId("openCaseFromFlagAction", "moderator/flags"), [{ flagId, note }]);
  const [opened] = await sql<
    { id: string }[]
  >`select c.id from cases c join flags f on f.seller_id = c.seller_id where f.id = ${flagId}`;
  if (!opened) throw new Error(`no case was opened from flag ${flagId}`);
  return Number(opened.id);
}
