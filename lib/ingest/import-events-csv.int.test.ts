import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { isDomainError, type DomainError } from "@/lib/errors";
import { eventsToCsv, MAX_CSV_ROWS } from "@/lib/ingest/csv-events";
import { importEventsCsv } from "@/lib/ingest/import-events-csv";
import { createTestUser } from "@/scripts/test-support/factories";
import { countIngestedRows } from "@/scripts/test-support/row-counts";

const NOW = new Date("2026-06-01T00:00:00Z");
const unique = () => randomBytes(4).toString("hex");

/** A small shop's history: the seller, two orders, a review and a message, in file order. */
function shopCsv(tag = unique()) {
  const seller = `S-${tag}`;
  const csv = [
    "id,type,occurredAt,sellerId,name,orderId,buyerId,amount,currency,reviewId,rating,text,messageId,threadId,from",
    `${tag}-1,seller.upserted,2026-03-02T09:00:00+02:00,${seller},"Shop ${tag}, Ltd.",,,,,,,,,,`,
    `${tag}-2,order.placed,2026-03-02T10:00:00+02:00,${seller},,O1-${tag},B1,499.90,UAH,,,,,,`,
    `${tag}-3,order.placed,2026-03-03T10:00:00+02:00,${seller},,O2-${tag},B2,,,,,,,,`,
    `${tag}-4,review.posted,2026-03-05T10:00:00+02:00,${seller},,O1-${tag},B1,,,R1-${tag},2,"Late.\nBox damaged.",,,`,
    `${tag}-5,message.sent,2026-03-05T11:00:00+02:00,${seller},,,B1,,,,,Hello?,M1-${tag},T1-${tag},buyer`,
  ].join("\n");
  return { csv, seller, rows: 5 };
}

/** Rows added per ingestion table between two counts; tables that did not change are left out. */
function rowsAdded(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after).flatMap(([table, count]) => (count === before[table] ? [] : [[table, count - (before[table] ?? 0)]])),
  );
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDomainError(error)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

async function importEntries(fileName: string) {
  return queryRows<{ actor_user_id: string; actor_role: string; entity_type: string; after: unknown }>(
    db,
    sql`select actor_user_id, actor_role, entity_type, after from audit_log
        where action = 'events.imported' and after->>'fileName' = ${fileName} order by seq`,
  );
}

describe("importEventsCsv", () => {
  test("[ADMIN] imports a file: every row is written, marked as the admin's import, with one audit entry", async () => {
    const { actor } = await createTestUser("admin");
    const { csv, seller, rows } = shopCsv();
    const fileName = `shop-${unique()}.csv`;
    const before = await countIngestedRows();

    expect(await importEventsCsv({ actor, csv, fileName, now: NOW })).toEqual({ accepted: rows, duplicates: 0, rows });

    expect(rowsAdded(before, await countIngestedRows())).toEqual({
      sellers: 1,
      orders: 2,
      reviews: 1,
      review_rating_changes: 1,
      message_threads: 1,
      messages: 1,
      ingested_events: rows,
    });
    const [shop] = await queryRows<{ name: string }>(db, sql`select name from sellers where external_id = ${seller}`);
    expect(shop?.name).toMatch(/, Ltd\.$/);
    const [review] = await queryRows<{ text: string }>(
      db,
      sql`select r.text from reviews r join sellers s on s.id = r.seller_id where s.external_id = ${seller}`,
    );
    expect(review?.text).toBe("Late.\nBox damaged.");
    const marked = await queryRows<{ imported_by: string | null; api_key_id: string | null }>(
      db,
      sql`select imported_by, api_key_id from ingested_events where event_id like ${`${seller.slice(2)}-%`}`,
    );
    expect(marked).toHaveLength(rows);
    expect(marked.every((row) => row.imported_by === actor.userId && row.api_key_id === null)).toBe(true);

    expect(await importEntries(fileName)).toEqual([
      {
        actor_user_id: actor.userId,
        actor_role: "admin",
        entity_type: "import",
        after: { fileName, rows, accepted: rows, duplicates: 0 },
      },
    ]);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  test("[ADMIN] a file with one bad row writes nothing at all, and the error names the row and column", async () => {
    const { actor } = await createTestUser("admin");
    const { csv } = shopCsv();
    const bad = csv.replace(',2,"Late.', ',9,"Late.');
    const fileName = `bad-${unique()}.csv`;
    const before = await countIngestedRows();

    const error = await rejection(importEventsCsv({ actor, csv: bad, fileName, now: NOW }));
    expect(error.code).toBe("INVALID");
    expect(error.issues).toEqual([
      { index: 3, row: 5, column: "rating", path: "rating", message: "rating must be a whole number from 1 to 5" },
    ]);
    expect(await countIngestedRows()).toEqual(before);
    expect(await importEntries(fileName)).toEqual([]);
  });

  test("[ADMIN] a row that refers to an unknown seller rejects the file at that row and column; earlier rows are not kept", async () => {
    const { actor } = await createTestUser("admin");
    const { csv } = shopCsv();
    const orphan = `${csv}\n${unique()}-6,order.placed,2026-03-06T10:00:00+02:00,S-nobody-${unique()},,O9-${unique()},B9,,,,,,,,`;
    const fileName = `orphan-${unique()}.csv`;
    const before = await countIngestedRows();

    const error = await rejection(importEventsCsv({ actor, csv: orphan, fileName, now: NOW }));
    expect(error.code).toBe("INVALID");
    // Row 8: the review's text spans lines 5 and 6, the message is on line 7.
    expect(error.issues).toEqual([
      {
        index: 5,
        row: 8,
        column: "sellerId",
        path: "sellerId",
        message: expect.stringMatching(/^seller S-nobody-\w+ does not exist; send seller\.upserted first$/),
      },
    ]);
    expect(await countIngestedRows()).toEqual(before);
    expect(await importEntries(fileName)).toEqual([]);
  });

  test("[ADMIN] importing the same file again counts every row as a duplicate and changes no data", async () => {
    const { actor } = await createTestUser("admin");
    const { csv, rows } = shopCsv();
    const fileName = `again-${unique()}.csv`;
    await importEventsCsv({ actor, csv, fileName, now: NOW });
    const before = await countIngestedRows();

    expect(await importEventsCsv({ actor, csv, fileName, now: NOW })).toEqual({ accepted: 0, duplicates: rows, rows });
    expect(await countIngestedRows()).toEqual(before);
    expect((await importEntries(fileName)).map((entry) => entry.after)).toEqual([
      { fileName, rows, accepted: rows, duplicates: 0 },
      { fileName, rows, accepted: 0, duplicates: rows },
    ]);
  });

  test.each(["moderator", "seller"] as const)("[%s] may not import: FORBIDDEN, and nothing is written", async (role) => {
    const { actor } = await createTestUser(role);
    const { csv } = shopCsv();
    const fileName = `${role}-${unique()}.csv`;
    const before = await countIngestedRows();
    const error = await rejection(importEventsCsv({ actor, csv, fileName, now: NOW }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await countIngestedRows()).toEqual(before);
    expect(await importEntries(fileName)).toEqual([]);
  });

  test(`[ADMIN] a file of ${MAX_CSV_ROWS.toLocaleString("en")} rows goes in whole, in one transaction`, async () => {
    const { actor } = await createTestUser("admin");
    const tag = unique();
    const events = Array.from({ length: MAX_CSV_ROWS }, (_, i) =>
      i % 10 === 0
        ? {
            id: `${tag}-${i}`,
            type: "seller.upserted",
            occurredAt: "2026-03-02T09:00:00+02:00",
            data: { sellerId: `S-${tag}-${i}`, name: `Shop ${i}` },
          }
        : {
            id: `${tag}-${i}`,
            type: "order.placed",
            occurredAt: "2026-03-03T09:00:00+02:00",
            data: {
              orderId: `O-${tag}-${i}`,
              sellerId: `S-${tag}-${i - (i % 10)}`,
              buyerId: `B-${i}`,
              amount: i,
              currency: "UAH",
            },
          },
    );
    const before = await countIngestedRows();
    const fileName = `big-${tag}.csv`;
    const result = await importEventsCsv({ actor, csv: eventsToCsv(events), fileName, now: NOW });
    expect(result).toEqual({ accepted: MAX_CSV_ROWS, duplicates: 0, rows: MAX_CSV_ROWS });
    expect(rowsAdded(before, await countIngestedRows())).toEqual({
      sellers: MAX_CSV_ROWS / 10,
      orders: (MAX_CSV_ROWS / 10) * 9,
      ingested_events: MAX_CSV_ROWS,
    });
    expect(await importEntries(fileName)).toHaveLength(1);
  });
});
