import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(__dirname, "..");
const shared = {
  root,
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React's server bundle; tests are server code.
      "server-only": path.join(root, "scripts/test-support/empty-module.ts"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["{lib,db,app,scripts}/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          env: { NODE_ENV: "test" },
          // A few tests read 50,000 CSV rows or generate a portal: seconds on 2 busy cores.
          testTimeout: 20_000,
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["{lib,db,app,scripts}/**/*.int.test.ts"],
          env: { NODE_ENV: "test" },
          globalSetup: ["scripts/test-support/integration-global-setup.ts"],
          setupFiles: ["scripts/test-support/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each file gets its own database cloned from a migrated template; files run in parallel.
          pool: "forks",
        },
      },
    ],
  },
});
