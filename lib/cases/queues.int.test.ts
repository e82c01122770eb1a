/** The moderators' queues: what each filter keeps, the order, the count and the pages. */
import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { db } from "@/db";
import { flagReasons } from "@/db/schema";
import { createFlaggedSeller, submitTestLetter } from "@/scripts/test-support/cases";
import { createTestUser } from "@/scripts/test-support/factories";
import { addDays } from "./case-machine";
import { listCases } from "./list-cases";
import { listLettersAwaitingAnswer } from "./list-letters-awaiting";
import { listOpenFlags } from "./list-open-flags";
import { QUEUE_PAGE_SIZE } from "./list-queue-page";
import { assignCase } from "./assign-case";
import { openCaseFromFlag } from "./open-case";

const T0 = new Date("2026-10-01T08:00:00Z");

test("[MODERATOR] the flag queue: open flags only, filtered by rule and seller, sorted by how far past the threshold, paged", async () => {
  const { actor } = await createTestUser("moderator");
  const flagged = [];
  for (let i = 0; i < QUEUE_PAGE_SIZE + 2; i++)
    flagged.push(await createFlaggedSeller({ now: new Date(T0.getTime() + i * 60_000) }));
  // One flag far past its threshold, one WORSENED, one already triaged.
  await db.update(flagReasons).set({ intervalLow: 0.6 }).where(eq(flagReasons.flagId, flagged[5]!.flag.id));
  await db.update(flagReasons).set({ code: "WORSENED", intervalLow: null }).where(eq(flagReasons.flagId, flagged[7]!.flag.id));
  await openCaseFromFlag({ actor, input: { flagId: flagged[0]!.flag.id }, now: T0 });

  const first = await listOpenFlags({ actor, filters: {}, sort: "oldest" });
  expect(first.total).toBe(QUEUE_PAGE_SIZE + 1);
  expect(first.pageCount).toBe(2);
  expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
  expect(first.rows[0]!.flagId).toBe(flagged[1]!.flag.id);
  expect((await listOpenFlags({ actor, filters: {}, sort: "oldest", page: 2 })).rows.map((row) => row.flagId)).toEqual([
    flagged[QUEUE_PAGE_SIZE + 1]!.flag.id,
  ]);

  expect((await listOpenFlags({ actor, filters: {}, sort: "severity" })).rows[0]).toMatchObject({
    flagId: flagged[5]!.flag.id,
    severity: 0.5,
  });
  expect((await listOpenFlags({ actor, filters: { code: "WORSENED" } })).rows.map((row) => row.flagId)).toEqual([
    flagged[7]!.flag.id,
  ]);
  const bySeller = await listOpenFlags({ actor, filters: { q: flagged[3]!.externalId } });
  expect(bySeller).toMatchObject({
    total: 1,
    rows: [{ flagId: flagged[3]!.flag.id, reasons: [expect.objectContaining({ code: "LOW_YEAR", value: 0.3 })] }],
  });
});

test("[MODERATOR] the case list: due, inside the exclusion, held by me, by seller", async () => {
  const { actor } = await createTestUser("moderator");
  const { actor: other } = await createTestUser("moderator");
  const early = await createFlaggedSeller({ now: T0 });
  const late = await createFlaggedSeller({ now: T0 });
  const { case: dueCase } = await openCaseFromFlag({ actor, input: { flagId: early.flag.id }, now: T0 });
  const { case: freshCase } = await openCaseFromFlag({ actor: other, input: { flagId: late.flag.id }, now: addDays(T0, 10) });
  const now = addDays(T0, 15);
  const ids = async (filters: Parameters<typeof listCases>[0]["filters"]) =>
    (await listCases({ actor, filters, now })).rows
      .map((row) => row.caseId)
      .filter((id) => [dueCase.id, freshCase.id].includes(id));

  expect(await ids({ queue: "due" })).toEqual([dueCase.id]);
  expect(await ids({ queue: "excluded" })).toEqual([freshCase.id]);
  expect(await ids({ queue: "active" })).toEqual([dueCase.id, freshCase.id]);
  expect(await ids({ holder: "me" })).toEqual([dueCase.id]);
  await assignCase({ actor, input: { caseId: freshCase.id, assigneeId: null }, now });
  expect(await ids({ holder: "unassigned" })).toEqual([freshCase.id]);
  const [row] = (await listCases({ actor, filters: { q: early.externalId }, now })).rows;
  expect(row).toMatchObject({
    caseId: dueCase.id,
    status: "DUE_FOR_RECHECK",
    day: 15,
    holder: actor.label,
    isHeldByMe: true,
    reviewsInScope: 2,
  });
});

test("[MODERATOR] letters awaiting an answer: the overdue first, with the policy's deadline; the overdue filter", async () => {
  const { actor } = await createTestUser("moderator");
  const first = await createFlaggedSeller({ now: T0 });
  const second = await createFlaggedSeller({ now: T0 });
  const { case: a } = await openCaseFromFlag({ actor, input: { flagId: first.flag.id }, now: T0 });
  const { case: b } = await openCaseFromFlag({ actor, input: { flagId: second.flag.id }, now: T0 });
  const old = await submitTestLetter({ caseId: a.id, sellerId: first.seller.id, at: addDays(T0, 1) });
  const recent = await submitTestLetter({ caseId: b.id, sellerId: second.seller.id, at: addDays(T0, 10) });
  const now = addDays(T0, 16);

  const all = await listLettersAwaitingAnswer({ actor, now });
  expect(all.rows.map((row) => [row.letterId, row.isOverdue])).toEqual([
    [old.id, true],
    [recent.id, false],
  ]);
  expect(all.rows[0]!.answerDueAt).toEqual(addDays(T0, 15));
  expect(
    (await listLettersAwaitingAnswer({ actor, filters: { isOverdueOnly: true }, now })).rows.map((row) => row.letterId),
  ).toEqual([old.id]);
  expect((await listLettersAwaitingAnswer({ actor, sort: "newest", now })).rows.map((row) => row.letterId)).toEqual([
    recent.id,
    old.id,
  ]);
});

test("[SELLER] a seller gets none of the queues", async () => {
  const { actor } = await createTestUser("seller");
  await expect(listOpenFlags({ actor, filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(listCases({ actor, filters: {}, now: T0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(listLettersAwaitingAnswer({ actor, now: T0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
});
