// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package directory,
  // and argon2 is a native addon: both must stay outside the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss", "pino"],
  poweredByHeader: false,
  experimental: {
    // The admins' CSV import uploads through a server action (default limit 1 MB); its own limit
    // is 20 MiB (lib/ingest/import-events-csv-input.ts), plus room for the multipart envelope.
    serverActions: { bodySizeLimit: "21mb" },
  },
  typedRoutes: false,
  env: {
    // Build-time constant: only a build made with CATALOG_GUARD_TEST_CLOCK=1 (the end-to-end
    // tests') has the movable test clock of lib/clock.ts; a production build cannot turn it on.
    CG_TEST_CLOCK_BUILD: process.env.CATALOG_GUARD_TEST_CLOCK === "1" ? "1" : "0",
  },
};

module.exports = withNextIntl(nextConfig);
