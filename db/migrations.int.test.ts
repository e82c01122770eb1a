import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { connectPglite, db, queryRows, type Executor } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

/** Everything the migrations create, in a form that can be compared between two servers. */
async function describeSchema(executor: Executor) {
  const columns = await queryRows(
    executor,
    sql`select table_name, column_name, data_type, udt_name, is_nullable, column_default, is_identity
        from information_schema.columns where table_schema = 'public' order by table_name, column_name`,
  );
  const indexes = await queryRows(
    executor,
    sql`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`,
  );
  const constraints = await queryRows(
    executor,
    sql`select conrelid::regclass::text as table_name, conname, pg_get_constraintdef(oid) as definition
        from pg_constraint
        -- PGlite (PostgreSQL 17) also lists NOT NULL as constraints; the columns already compare those.
        where connamespace = 'public'::regnamespace and contype <> 'n' order by conname`,
  );
  const triggers = await queryRows(
    executor,
    sql`select tgrelid::regclass::text as table_name, tgname, pg_get_triggerdef(oid) as definition
        from pg_trigger where not tgisinternal order by tgname`,
  );
  const enums = await queryRows(
    executor,
    sql`select t.typname, string_agg(e.enumlabel, ',' order by e.enumsortorder) as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname order by t.typname`,
  );
  return { columns, indexes, constraints, triggers, enums };
}

test("the same migrations build the same schema on embedded PGlite and on PostgreSQL", async () => {
  const pglite = connectPglite(undefined);
  try {
    await migrateDatabase(pglite);
    const [onPglite, onPostgres] = await Promise.all([describeSchema(pglite.db), describeSchema(db)]);
    expect(onPostgres.columns.length).toBeGreaterThan(100);
    expect(onPostgres.triggers.map((t) => t.tgname)).toEqual(
      expect.arrayContaining(["audit_log_chain", "audit_log_no_update_delete", "audit_log_no_truncate"]),
    );
    expect(onPglite).toEqual(onPostgres);
  } finally {
    await pglite.close();
  }
}, 120_000);

test("the audit trail chains, verifies and refuses updates on PGlite too", async () => {
  const pglite = connectPglite(undefined);
  try {
    await migrateDatabase(pglite);
    await pglite.db.execute(
      sql`insert into audit_log (occurred_at, actor_user_id, actor_role, actor_label, action, entity_type, entity_id, seller_id, before, after, reason, ip)
          values (now(), gen_random_uuid(), 'admin', 'a@b.c', 'x', 'user', 'u1', 7, '{"a":1}', '{"a":2}', 'why', '203.0.113.1'),
                 (now(), null, 'system', 'system', 'y', 'test', null, null, null, null, null, null)`,
    );
    expect(await verifyAuditChain(pglite.db)).toEqual({ ok: true, checked: 2 });
    const error = await pglite.db.execute(sql`update audit_log set action = 'z'`).then(
      () => null,
      (e: Error) => e,
    );
    expect((error?.cause as Error | undefined)?.message ?? error?.message).toContain("append-only");
  } finally {
    await pglite.close();
  }
}, 120_000);
