import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are SQL files committed under db/migrations and applied by
// db/migrate.ts to PostgreSQL and to the embedded PGlite alike. Never `push`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
