/**
 * Buyer–seller conversations. Buyers mostly ask; sellers answer within hours of working time
 * (Mon–Fri, Kyiv), some outside it, some days later, some never; buyers nudge or say thanks.
 */
import { formatExternalId, sortByTime } from "./numbering";
import { drawBuyerId, drawBuyerMoment, getSpanYears, type OrderFact, type SeedWindow } from "./orders";
import { chance, pickOne, pickWeighted, randomBetween, randomLogNormal, type Rng } from "./random";
import { getQualityAt, type SellerPlan, type ServiceQuality } from "./sellers";
import {
  BUYER_ANSWER_TEXTS,
  BUYER_QUESTION_TEXTS,
  BUYER_REMINDER_TEXTS,
  BUYER_THANKS_TEXTS,
  SELLER_OPENING_TEXTS,
  SELLER_REPLY_TEXTS,
  drawWriterLanguage,
  pickText,
  type Texts,
} from "./texts";
import { DAY_MS, HOUR_MS, MINUTE_MS, addWorkingHours } from "./time";
import type { Language, SeedMessage, SeedMessageThread, Sender } from "./types";

type MessageFact = { sender: Sender; text: string; at: number };
type ThreadFact = { plan: SellerPlan; buyerId: string; startedBy: Sender; messages: MessageFact[] };
type Conversation = { rng: Rng; quality: ServiceQuality; language: Language; messages: MessageFact[] };

const SELLER_STARTED_SHARE = 0.15;
const ABOUT_AN_ORDER_SHARE = 0.6;
const THANKS_CHANCE = 0.35;
const REMINDER_CHANCE = 0.4;

function say(conversation: Conversation, sender: Sender, texts: Texts, at: number): void {
  conversation.messages.push({ sender, text: pickText(conversation.rng, texts, conversation.language), at });
}

/** When the seller first answers a message sent at `at`, or null if they never do. */
function drawSellerReplyTime(rng: Rng, quality: ServiceQuality, at: number): number | null {
  switch (pickWeighted(rng, quality.replyHabits)) {
    case "prompt":
      return addWorkingHours(at, Math.min(8, randomLogNormal(rng, 1.2, 0.9)));
    case "offHours":
      return at + randomBetween(rng, 0.3, 5) * HOUR_MS;
    case "late":
      return addWorkingHours(at, randomBetween(rng, 26, 120));
    case "never":
      return null;
  }
}

/** The buyer asks; the seller answers (or not); the buyer may nudge first and thank afterwards. */
function talkBuyerFirst(conversation: Conversation, startedAt: number): void {
  const { rng, quality } = conversation;
  say(conversation, "buyer", BUYER_QUESTION_TEXTS, startedAt);
  const replyAt = drawSellerReplyTime(rng, quality, startedAt);
  const reminderAt = startedAt + randomBetween(rng, 20, 60) * HOUR_MS;
  if (chance(rng, REMINDER_CHANCE) && (replyAt === null || reminderAt < replyAt)) {
    say(conversation, "buyer", BUYER_REMINDER_TEXTS, reminderAt);
  }
  if (replyAt === null) return;
  say(conversation, "seller", SELLER_REPLY_TEXTS, replyAt);
  if (chance(rng, THANKS_CHANCE))
    say(conversation, "buyer", BUYER_THANKS_TEXTS, replyAt + randomBetween(rng, 10 * MINUTE_MS, DAY_MS));
}

/** The seller writes first (shipped, out of stock); the buyer may answer and get a reply. */
function talkSellerFirst(conversation: Conversation, startedAt: number): void {
  const { rng, quality } = conversation;
  const openedAt = addWorkingHours(startedAt, randomBetween(rng, 0, 4));
  say(conversation, "seller", SELLER_OPENING_TEXTS, openedAt);
  if (!chance(rng, 0.65)) return;
  const answeredAt = openedAt + randomLogNormal(rng, 4 * HOUR_MS, 0.8);
  say(conversation, "buyer", BUYER_ANSWER_TEXTS, answeredAt);
  const replyAt = chance(rng, 0.5) ? drawSellerReplyTime(rng, quality, answeredAt) : null;
  if (replyAt !== null) say(conversation, "seller", SELLER_REPLY_TEXTS, replyAt);
}

function draftThread(
  rng: Rng,
  plan: SellerPlan,
  sellerOrders: readonly OrderFact[],
  window: SeedWindow,
  buyerPoolSize: number,
): ThreadFact | null {
  const order = sellerOrders.length > 0 && chance(rng, ABOUT_AN_ORDER_SHARE) ? pickOne(rng, sellerOrders) : null;
  const startedAt = order ? order.placedAt + randomBetween(rng, 1 * HOUR_MS, 5 * DAY_MS) : drawBuyerMoment(rng, window);
  const startedBy: Sender = order && chance(rng, SELLER_STARTED_SHARE / ABOUT_AN_ORDER_SHARE) ? "seller" : "buyer";
  const language = drawWriterLanguage(rng, plan.language);
  const conversation: Conversation = { rng, quality: getQualityAt(plan, startedAt), language, messages: [] };
  if (startedBy === "seller") talkSellerFirst(conversation, startedAt);
  else talkBuyerFirst(conversation, startedAt);
  const messages = conversation.messages.filter((message) => message.at < window.end);
  if (messages.length === 0) return null;
  return { plan, buyerId: order?.buyerId ?? drawBuyerId(rng, buyerPoolSize), startedBy, messages };
}

function draftSellerThreads(
  rng: Rng,
  plan: SellerPlan,
  sellerOrders: readonly OrderFact[],
  window: SeedWindow,
  buyerPoolSize: number,
): ThreadFact[] {
  const count = Math.round(plan.ordersPerYear * getSpanYears(window) * plan.threadRate * randomBetween(rng, 0.9, 1.1));
  const threads: ThreadFact[] = [];
  for (let i = 0; i < count; i++) {
    const thread = draftThread(rng, plan, sellerOrders, window, buyerPoolSize);
    if (thread) threads.push(thread);
  }
  return threads;
}

function groupOrdersBySeller(orders: readonly OrderFact[]): Map<SellerPlan, OrderFact[]> {
  const bySeller = new Map<SellerPlan, OrderFact[]>();
  for (const order of orders) {
    const sellerOrders = bySeller.get(order.plan);
    if (sellerOrders) sellerOrders.push(order);
    else bySeller.set(order.plan, [order]);
  }
  return bySeller;
}

function toThreadRow(thread: ThreadFact, externalId: string): SeedMessageThread {
  const firstBuyer = thread.messages.find((message) => message.sender === "buyer");
  const firstReply = firstBuyer && thread.messages.find((message) => message.sender === "seller" && message.at > firstBuyer.at);
  return {
    externalId,
    sellerExternalId: thread.plan.seller.externalId,
    buyerId: thread.buyerId,
    startedBy: thread.startedBy,
    startedAt: new Date((thread.messages[0] as MessageFact).at),
    firstBuyerMessageAt: firstBuyer ? new Date(firstBuyer.at) : null,
    firstSellerReplyAt: firstReply ? new Date(firstReply.at) : null,
  };
}

export function planConversations(
  rng: Rng,
  plans: readonly SellerPlan[],
  orders: readonly OrderFact[],
  window: SeedWindow,
  buyerPoolSize: number,
): { messageThreads: SeedMessageThread[]; messages: SeedMessage[] } {
  const ordersBySeller = groupOrdersBySeller(orders);
  const drafts = plans.flatMap((plan) => draftSellerThreads(rng, plan, ordersBySeller.get(plan) ?? [], window, buyerPoolSize));
  const threads = sortByTime(drafts, (thread) => (thread.messages[0] as MessageFact).at).map((thread, index) => ({
    thread,
    row: toThreadRow(thread, formatExternalId("T", index, 6)),
  }));
  const messages = threads.flatMap(({ thread, row }) => thread.messages.map((message) => ({ message, row })));
  return {
    messageThreads: threads.map(({ row }) => row),
    messages: sortByTime(messages, ({ message }) => message.at).map(({ message, row }, index) => ({
      externalId: formatExternalId("M", index, 7),
      threadExternalId: row.externalId,
      sellerExternalId: row.sellerExternalId,
      sender: message.sender,
      text: message.text,
      sentAt: new Date(message.at),
    })),
  };
}
