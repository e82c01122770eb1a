import { sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createTestUser } from "@/scripts/test-support/factories";

async function writeEntries(count: number, action = "test.entry") {
  for (let i = 0; i < count; i++) {
    await recordAudit(db, {
      actor: SYSTEM_ACTOR,
      action,
      entityType: "test",
      entityId: i,
      after: { i, note: "ü ✓" },
      at: new Date(),
    });
  }
}

describe("audit trail", () => {
  test("a fully filled entry written by a user verifies, text with separators and all", async () => {
    const { actor } = await createTestUser("admin");
    await recordAudit(db, {
      actor,
      action: "test.full",
      entityType: "user",
      entityId: actor.userId,
      sellerId: 42,
      before: { role: "moderator", note: 'quote " and \u001f separator' },
      after: { role: "admin", list: [1, 2, 3] },
      reason: "promoted | \u001f ; after review",
      ip: "203.0.113.9",
      at: new Date("2026-06-01T12:34:56.789Z"),
    });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  test("entries are chained in order and the chain verifies", async () => {
    await writeEntries(5);
    const rows = await queryRows<{ seq: string; prev_hash: string; hash: string }>(
      db,
      sql`select seq, prev_hash, hash from audit_log order by seq`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: rows.length });
  });

  test.each([
    ["UPDATE", sql`update audit_log set action = 'changed'`],
    ["DELETE", sql`delete from audit_log`],
    ["TRUNCATE", sql`truncate audit_log`],
  ])("the database refuses %s", async (operation, statement) => {
    await writeEntries(1);
    const countRows = async () => Number((await queryRows<{ n: string }>(db, sql`select count(*) as n from audit_log`))[0]!.n);
    const rowsBefore = await countRows();
    const error = await db.execute(statement).then(
      () => null,
      (e: Error) => e,
    );
    // drizzle wraps the driver's error; the database's own message is its cause.
    expect((error?.cause as Error | undefined)?.message).toBe(`audit_log is append-only: ${operation} is not allowed`);
    expect(await countRows()).toBe(rowsBefore);
    expect(await queryRows(db, sql`select 1 from audit_log where action = 'changed'`)).toHaveLength(0);
  });

  test("concurrent writers still produce one unbroken chain", async () => {
    const before = await verifyAuditChain(db);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await recordAudit(tx, {
            actor: SYSTEM_ACTOR,
            action: "test.concurrent",
            entityType: "test",
            entityId: i,
            at: new Date(),
          });
          // Commit late and in a shuffled order: the chain must follow commit order anyway.
          await tx.execute(sql`select pg_sleep(${((i * 7) % 5) / 50})`);
        }),
      ),
    );
    const after = await verifyAuditChain(db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked + 20);
  });
});
