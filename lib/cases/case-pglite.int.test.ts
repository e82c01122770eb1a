/**
 * `npm run demo` runs on the embedded PGlite (one connection): the whole case lifecycle, and the
 * case page's side-by-side queries, must work there too.
 */
import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { connectPglite, db, type DatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { cases, outboxEvents } from "@/db/schema";
import { getCatalogVisibility } from "@/lib/catalog/get-catalog-visibility";
import { createFlaggedSeller } from "@/scripts/test-support/cases";
import { TEST_ACTOR } from "@/scripts/test-support/events";
import { createTestUser } from "@/scripts/test-support/factories";
import { addDays } from "./case-machine";
import { CHECKLIST_ITEMS } from "./checklist";
import { getCaseForModerator } from "./get-case-for-moderator";
import { listCases } from "./list-cases";
import { openCaseFromFlag } from "./open-case";
import { reinstateCase } from "./reinstate-case";

const T0 = new Date("2026-11-02T09:30:00Z");

beforeAll(async () => {
  const pglite: DatabaseHandle = connectPglite(undefined);
  await migrateDatabase(pglite);
  (globalThis as unknown as { catalogGuardDb?: DatabaseHandle }).catalogGuardDb = pglite;
}, 120_000);

test("[PGLITE] open, read, list and reinstate a case on the embedded database", async () => {
  const { actor } = await createTestUser("moderator");
  const { flag, externalId } = await createFlaggedSeller({ now: T0 });
  const { case: opened } = await openCaseFromFlag({ actor, input: { flagId: flag.id }, now: T0 });
  expect((await getCatalogVisibility({ actor: TEST_ACTOR, query: { sellerIds: externalId } })).sellers[0]!.visible).toBe(false);

  const page = await getCaseForModerator({ actor, caseId: opened.id, now: addDays(T0, 14) });
  expect(page).toMatchObject({ status: "DUE_FOR_RECHECK", reviews: { total: 2, rows: [expect.anything(), expect.anything()] } });
  expect(page.checklist.items).toHaveLength(5);
  expect((await listCases({ actor, filters: { queue: "due" }, now: addDays(T0, 14) })).rows.map((row) => row.caseId)).toEqual([
    opened.id,
  ]);

  await reinstateCase({
    actor,
    input: {
      caseId: opened.id,
      expectedVersion: 1,
      overrides: CHECKLIST_ITEMS.map((item) => ({ item, reason: "Seen on a call with the seller" })),
    },
    now: addDays(T0, 14),
  });
  expect((await db.select().from(cases).where(eq(cases.id, opened.id)))[0]!.status).toBe("REINSTATED");
  expect(await db.select({ type: outboxEvents.type }).from(outboxEvents)).toEqual([
    { type: "seller.excluded" },
    { type: "seller.reinstated" },
  ]);
}, 120_000);
