import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { db, queryRows } from "@/db";
import { users } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/auth/actor";
import { AUDIT_WALK_LIMIT, type AuditFilterInput } from "@/lib/audit/audit-filters";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { AUDIT_PAGE_SIZE, listAudit } from "@/lib/audit/list-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import { getLatestAuditVerification, verifyAndRecordAuditChain } from "@/lib/audit/verify-and-record-audit-chain";
import { createTestSeller, createTestUser } from "@/scripts/test-support/factories";

const TIME_ZONE = "Europe/Kyiv";

async function readAll(actor: Actor, filters: AuditFilterInput): Promise<number[]> {
  const seqs: number[] = [];
  let cursor = {};
  for (;;) {
    const result = await listAudit({ actor, cursor, filters, timeZone: TIME_ZONE });
    if (result.status !== "ok") throw new Error(`invalid filters: ${JSON.stringify(result.errors)}`);
    seqs.push(...result.page.rows.map((row) => row.seq));
    if (!result.page.olderCursor) return seqs;
    cursor = result.page.olderCursor;
  }
}

async function exportText(actor: Actor, filters: AuditFilterInput): Promise<string> {
  const result = await exportAuditCsv({ actor, filters, timeZone: TIME_ZONE });
  if (result.status !== "ok") throw new Error(`invalid filters: ${JSON.stringify(result.errors)}`);
  return new Response(result.stream).text();
}

type CsvRecord = Record<string, string>;
const parseCsv = (text: string): CsvRecord[] => parse(text, { columns: true, relax_column_count: false });

type StoredEntry = {
  seq: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  seller_id: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

async function allEntries(): Promise<StoredEntry[]> {
  const rows = await queryRows<StoredEntry>(
    db,
    sql`select seq, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, seller_id, before, after
        from audit_log order by seq desc`,
  );
  return rows.map((row) => ({
    ...row,
    seq: Number(row.seq),
    occurred_at: new Date(row.occurred_at),
    seller_id: row.seller_id === null ? null : Number(row.seller_id),
  }));
}

/** The case an entry belongs to, said plainly: its after's caseId, else its before's, else the case itself. */
function caseOf(entry: StoredEntry): string | null {
  const fromJson = entry.after?.caseId ?? entry.before?.caseId;
  if (fromJson !== undefined && fromJson !== null) return String(fromJson);
  return entry.entity_type === "case" ? entry.entity_id : null;
}

describe("reading and exporting the audit trail", () => {
  let admin: Actor;
  let olena: { id: string; email: string; actor: Actor };
  let taras: { id: string; actor: Actor };
  let acme: { id: number; externalId: string; name: string };
  let boryviter: { id: number; externalId: string };
  let caseOne: number;
  let caseTwo: number;

  beforeAll(async () => {
    admin = (await createTestUser("admin")).actor;
    const first = await createTestUser("moderator");
    const second = await createTestUser("moderator");
    await db
      .update(users)
      .set({ name: "Olena Bondar" })
      .where(sql`${users.id} = ${first.user.id}`);
    olena = { id: first.user.id, email: first.user.email, actor: { ...first.actor, label: first.user.email } };
    taras = { id: second.user.id, actor: second.actor };
    acme = await createTestSeller(`Acme ${Date.now()}`);
    boryviter = await createTestSeller("Boryviter");
    const [one, two] = await queryRows<{ id: string }>(
      db,
      sql`insert into cases (seller_id, opened_by, excluded_at, recheck_at, evidence)
          values (${acme.id}, ${first.user.id}, now(), now(), '{}'), (${boryviter.id}, ${first.user.id}, now(), now(), '{}')
          returning id`,
    );
    caseOne = Number(one!.id);
    caseTwo = Number(two!.id);

    // A varied trail: five actors, six actions, two sellers and none, the case as entity, in after and in
    // before, over days either side of midnight in Kyiv (UTC+2 in November).
    const actors: Actor[] = [olena.actor, taras.actor, SYSTEM_ACTOR, { kind: "api-key", apiKeyId: 1, label: "erp" }, admin];
    const actions = ["case.opened", "case.note_added", "case.extended", "flag.raised", "letter.submitted", "user.role_changed"];
    const start = Date.parse("2026-11-01T20:00:00Z");
    for (let i = 0; i < 90; i++) {
      const action = actions[i % actions.length]!;
      const theCase = i % 4 === 0 ? caseOne : i % 4 === 1 ? caseTwo : null;
      const placement = i % 3;
      await recordAudit(db, {
        actor: actors[i % actors.length]!,
        action,
        entityType: theCase !== null && placement === 0 ? "case" : action.split(".")[0]!,
        entityId: theCase !== null && placement === 0 ? theCase : i,
        sellerId: i % 5 === 0 ? null : i % 2 ? acme.id : boryviter.id,
        before: theCase !== null && placement === 1 ? { caseId: theCase, status: "OPEN" } : i % 7 === 0 ? null : { n: i },
        after: theCase !== null && placement === 2 ? { caseId: theCase, status: "EXTENDED" } : { n: i + 1 },
        reason: `entry ${i}`,
        at: new Date(start + i * 3 * 3_600_000),
      });
    }
  });

  test("[ADMIN] every filter and combination gives exactly the entries a plain reading of the trail picks, on the page and in the export", async () => {
    const entries = await allEntries();
    const kyivDay = (day: string) => new Date(`${day}T00:00:00+02:00`);
    const cases: { filters: AuditFilterInput; keep: (entry: StoredEntry) => boolean }[] = [
      { filters: {}, keep: () => true },
      { filters: { actor: olena.email.toUpperCase() }, keep: (e) => e.actor_user_id === olena.id },
      { filters: { actor: "olena bondar" }, keep: (e) => e.actor_user_id === olena.id },
      { filters: { role: "system" }, keep: (e) => e.actor_role === "system" },
      { filters: { role: "api-key" }, keep: (e) => e.actor_role === "api-key" },
      { filters: { action: "case.extended" }, keep: (e) => e.action === "case.extended" },
      // A whole family: every case action, and none of the others.
      { filters: { action: "case.*" }, keep: (e) => e.action.startsWith("case.") },
      {
        filters: { action: "case.*", seller: acme.externalId },
        keep: (e) => e.action.startsWith("case.") && e.seller_id === acme.id,
      },
      { filters: { seller: acme.externalId }, keep: (e) => e.seller_id === acme.id },
      { filters: { seller: "boryviter" }, keep: (e) => e.seller_id === boryviter.id },
      { filters: { caseId: String(caseOne) }, keep: (e) => caseOf(e) === String(caseOne) },
      { filters: { caseId: `#${caseTwo}` }, keep: (e) => caseOf(e) === String(caseTwo) },
      {
        filters: { from: "2026-11-03", to: "2026-11-05" },
        keep: (e) => e.occurred_at >= kyivDay("2026-11-03") && e.occurred_at < kyivDay("2026-11-06"),
      },
      { filters: { from: "2026-11-06" }, keep: (e) => e.occurred_at >= kyivDay("2026-11-06") },
      { filters: { to: "2026-11-02" }, keep: (e) => e.occurred_at < kyivDay("2026-11-03") },
      {
        filters: { role: "moderator", seller: acme.externalId, to: "2026-11-10" },
        keep: (e) => e.actor_role === "moderator" && e.seller_id === acme.id && e.occurred_at < kyivDay("2026-11-11"),
      },
      {
        filters: { action: "case.opened", caseId: String(caseOne), from: "2026-11-02" },
        keep: (e) => e.action === "case.opened" && caseOf(e) === String(caseOne) && e.occurred_at >= kyivDay("2026-11-02"),
      },
    ];
    for (const { filters, keep } of cases) {
      // Under a time range alone newest first by time (then seq), otherwise by seq.
      const byTime = Object.keys(filters).every((field) => field === "from" || field === "to") && Object.keys(filters).length > 0;
      const expected = entries
        .filter(keep)
        .sort((a, b) => (byTime ? b.occurred_at.getTime() - a.occurred_at.getTime() : 0) || b.seq - a.seq)
        .map((entry) => entry.seq);
      expect(expected.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await readAll(admin, filters), JSON.stringify(filters)).toEqual(expected);
      const exported = parseCsv(await exportText(admin, filters));
      expect(
        exported.map((row) => Number(row.seq)),
        JSON.stringify(filters),
      ).toEqual(expected);
    }
  });

  test("[ADMIN] the page's entry carries who, the entity's case and seller, and before/after for the diff", async () => {
    const result = await listAudit({
      actor: admin,
      cursor: {},
      filters: { caseId: String(caseTwo), action: "case.note_added" },
      timeZone: TIME_ZONE,
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    const [entry] = result.page.rows;
    expect(entry).toMatchObject({ caseId: caseTwo, action: "case.note_added" });
    const byOlena = await listAudit({ actor: admin, cursor: {}, filters: { actor: olena.email }, timeZone: TIME_ZONE });
    if (byOlena.status !== "ok") throw new Error("invalid");
    expect(byOlena.page.rows[0]).toMatchObject({ actorName: "Olena Bondar", actorEmail: olena.email, actorRole: "moderator" });
    const bySeller = await listAudit({ actor: admin, cursor: {}, filters: { seller: acme.externalId }, timeZone: TIME_ZONE });
    if (bySeller.status !== "ok") throw new Error("invalid");
    expect(bySeller.page.rows[0]).toMatchObject({ sellerId: acme.id, sellerName: acme.name });
    expect(bySeller.page.rows[0]!.after).toEqual(expect.objectContaining({}));
  });

  test("[ADMIN] pages through a filtered trail by seq, older and back newer, without gaps or repeats", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE * 2 + 7; i++) {
      await recordAudit(db, {
        actor: SYSTEM_ACTOR,
        action: "review-signal.cleared",
        entityType: "test",
        entityId: i,
        at: new Date(),
      });
    }
    const filters = { action: "review-signal.cleared" };
    const pages = [];
    let result = await listAudit({ actor: admin, cursor: {}, filters, timeZone: TIME_ZONE });
    for (;;) {
      if (result.status !== "ok") throw new Error("invalid");
      pages.push(result.page);
      if (!result.page.olderCursor) break;
      result = await listAudit({ actor: admin, cursor: result.page.olderCursor, filters, timeZone: TIME_ZONE });
    }
    expect(pages[0]!.newerCursor).toBeUndefined();
    const seen = pages.flatMap((page) => page.rows.map((row) => row.seq));
    expect(pages.map((page) => page.rows.length)).toEqual([AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE, 7]);
    expect(seen).toEqual([...new Set(seen)].sort((a, b) => b - a));
    const back = await listAudit({ actor: admin, cursor: pages[2]!.newerCursor!, filters, timeZone: TIME_ZONE });
    if (back.status !== "ok") throw new Error("invalid");
    expect(back.page.rows.map((row) => row.seq)).toEqual(pages[1]!.rows.map((row) => row.seq));
  });

  test("[ADMIN] bad filters are named, each with its reason, and nothing is listed or exported", async () => {
    const twin = await createTestUser("moderator");
    await db
      .update(users)
      .set({ name: "Olena Bondar" })
      .where(sql`${users.id} = ${twin.user.id}`);
    const refused = await listAudit({
      actor: admin,
      cursor: {},
      filters: {
        actor: "olena bondar",
        role: "superuser",
        action: "case.",
        seller: "no such shop",
        caseId: "12abc",
        from: "2026-11-09",
        to: "2026-11-08",
      },
      timeZone: TIME_ZONE,
    });
    expect(refused).toEqual({
      status: "invalid",
      errors: {
        actor: "actorAmbiguous",
        role: "roleUnknown",
        action: "actionUnknown",
        seller: "sellerUnknown",
        caseId: "caseInvalid",
        to: "fromAfterTo",
      },
    });
    const more = await exportAuditCsv({
      actor: admin,
      filters: { actor: "nobody@example.test", caseId: "999999999", from: "2026-02-30" },
      timeZone: TIME_ZONE,
    });
    expect(more).toEqual({ status: "invalid", errors: { actor: "actorUnknown", caseId: "caseUnknown", from: "dateInvalid" } });
  });

  test("[ADMIN] an exported cell a spreadsheet would run as a formula starts with an apostrophe; the header names the columns", async () => {
    const dangerous = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tindented", "\rreturn"];
    for (const reason of dangerous) {
      await recordAudit(db, {
        actor: SYSTEM_ACTOR,
        action: "outbox.retry_requested",
        entityType: "outbox-event",
        reason,
        at: new Date(),
      });
    }
    const text = await exportText(admin, { action: "outbox.retry_requested" });
    expect(text.split("\r\n")[0]).toBe(
      "seq,occurred_at,actor_role,actor_label,actor_email,action,entity_type,entity_id,seller_id,seller_marketplace_id,case_id,reason,before,after",
    );
    const reasons = parseCsv(text).map((row) => row.reason);
    expect(reasons).toEqual([...dangerous].reverse().map((reason) => `'${reason}`));
  });

  test("[ADMIN] verifying the chain now records the result, and the page reads it back", async () => {
    const result = await verifyAndRecordAuditChain({ actor: admin, now: new Date("2026-11-20T10:00:00Z") });
    const [last] = await queryRows<{ seq: string }>(
      db,
      sql`select max(seq) as seq from audit_log where action <> 'audit.verified'`,
    );
    expect(result).toEqual({ ok: true, entries: Number(last!.seq), lastSeq: Number(last!.seq) });
    expect(await getLatestAuditVerification({ actor: admin })).toMatchObject({
      ok: true,
      entries: Number(last!.seq),
      at: new Date("2026-11-20T10:00:00Z"),
      actorRole: "admin",
    });
  });

  test("[ADMIN] filters that together match little, behind more entries of one filter than a page reads first, still list every match in order", async () => {
    const walker = await createTestUser("moderator");
    // 40 extensions by this moderator, more notes than the first try reads (AUDIT_WALK_LIMIT), then
    // 20 more extensions: the first try finds only the newest 20 — less than a page, after reading
    // its whole window — so "actor and case.extended" needs the second way, and its first page
    // holds matches from both sides of the notes.
    const write = (action: string, count: number) =>
      db.execute(sql`
        insert into audit_log (occurred_at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id)
        select now() - make_interval(secs => ${count} - i), ${walker.user.id}, 'moderator', ${walker.user.email}, ${action}, 'case', i::text
        from generate_series(1, ${count}::int) i`);
    await write("case.extended", 40);
    await write("case.note_added", AUDIT_WALK_LIMIT + 100);
    await write("case.extended", 20);
    const mine = (await allEntries()).filter((entry) => entry.actor_user_id === walker.user.id);
    const extended = mine.filter((entry) => entry.action === "case.extended").map((entry) => entry.seq);
    expect(extended).toHaveLength(60);
    const firstPage = await listAudit({
      actor: admin,
      cursor: {},
      filters: { actor: walker.user.email, action: "case.extended" },
      timeZone: TIME_ZONE,
    });
    if (firstPage.status !== "ok") throw new Error("invalid");
    expect(firstPage.page.rows.map((row) => row.seq)).toEqual(extended.slice(0, AUDIT_PAGE_SIZE));

    const filters = { actor: walker.user.email, action: "case.extended" };
    expect(await readAll(admin, filters)).toEqual(extended);
    // Back newer from the last page, through the same second way.
    const first = await listAudit({ actor: admin, cursor: {}, filters, timeZone: TIME_ZONE });
    if (first.status !== "ok") throw new Error("invalid");
    const second = await listAudit({ actor: admin, cursor: first.page.olderCursor!, filters, timeZone: TIME_ZONE });
    if (second.status !== "ok") throw new Error("invalid");
    expect(second.page.rows.map((row) => row.seq)).toEqual(extended.slice(AUDIT_PAGE_SIZE));
    const back = await listAudit({ actor: admin, cursor: second.page.newerCursor!, filters, timeZone: TIME_ZONE });
    if (back.status !== "ok") throw new Error("invalid");
    expect(back.page.rows.map((row) => row.seq)).toEqual(extended.slice(0, AUDIT_PAGE_SIZE));
    // A combination the first try fills: the newest notes, a full page.
    const notes = await listAudit({
      actor: admin,
      cursor: {},
      filters: { ...filters, action: "case.note_added" },
      timeZone: TIME_ZONE,
    });
    if (notes.status !== "ok") throw new Error("invalid");
    expect(notes.page.rows.map((row) => row.seq)).toEqual(
      mine
        .filter((entry) => entry.action === "case.note_added")
        .slice(0, AUDIT_PAGE_SIZE)
        .map((entry) => entry.seq),
    );
    // And a combination that matches nothing at all says so.
    expect(await readAll(admin, { ...filters, action: "flag.raised" })).toEqual([]);
  });

  test.each(["seller", "moderator"] as const)("[%s] cannot read, export or verify the audit trail", async (role) => {
    const { actor } = await createTestUser(role);
    await expect(listAudit({ actor, cursor: {}, filters: {}, timeZone: TIME_ZONE })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditCsv({ actor, filters: {}, timeZone: TIME_ZONE })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(verifyAndRecordAuditChain({ actor, now: new Date() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getLatestAuditVerification({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
