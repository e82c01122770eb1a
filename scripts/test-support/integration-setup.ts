/**
 * Runs before each integration test file: gives it its own freshly migrated database and points
 * the app's one client (db/index.ts, via DATABASE_URL) at it.
 */
import { randomBytes } from "node:crypto";
import { afterAll } from "vitest";
import { createDatabaseFromTemplate, requireTestServerUrl } from "./test-databases";

const name = `cg_test_${process.pid}_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_URL = await createDatabaseFromTemplate(requireTestServerUrl(), name);

afterAll(async () => {
  const { closeDatabase } = await import("@/db");
  await closeDatabase();
});
