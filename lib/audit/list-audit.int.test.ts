import { describe, expect, test } from "vitest";
import { db } from "@/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/list-audit";
import { createTestUser } from "@/scripts/test-support/factories";

describe("reading the audit trail", () => {
  test("[ADMIN] pages through a filtered trail by seq, older and back newer, without gaps or repeats", async () => {
    const { actor } = await createTestUser("admin");
    const total = AUDIT_PAGE_SIZE * 2 + 7;
    for (let i = 0; i < total; i++) {
      await recordAudit(db, {
        actor: SYSTEM_ACTOR,
        action: i % 2 ? "paging.odd" : "paging.even_50%_off",
        entityType: "test",
        entityId: i,
        at: new Date(),
      });
    }
    const filters = { action: "paging." };

    const seen: number[] = [];
    let page = await listAudit({ actor, cursor: {}, filters });
    expect(page.newerCursor).toBeUndefined();
    const pages = [page];
    while (page.olderCursor) {
      page = await listAudit({ actor, cursor: page.olderCursor, filters });
      pages.push(page);
    }
    for (const p of pages) seen.push(...p.rows.map((row) => row.seq));
    expect(seen).toHaveLength(total);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    expect(pages.map((p) => p.rows.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);

    // Back from the last page to the middle one: the same rows as on the way down.
    const back = await listAudit({ actor, cursor: pages[2]!.newerCursor!, filters });
    expect(back.rows.map((row) => row.seq)).toEqual(pages[1]!.rows.map((row) => row.seq));

    // % and _ in the filter are literal text, not wildcards.
    const literal = await listAudit({ actor, cursor: {}, filters: { action: "paging.even_50%" } });
    expect(literal.rows.every((row) => row.action === "paging.even_50%_off")).toBe(true);
    expect((await listAudit({ actor, cursor: {}, filters: { action: "paging.even_5%" } })).rows).toHaveLength(0);
  });

  test.each(["seller", "moderator"] as const)("[%s] cannot read the audit trail", async (role) => {
    const { actor } = await createTestUser(role);
    await expect(listAudit({ actor, cursor: {}, filters: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
