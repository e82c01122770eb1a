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
};

module.exports = withNextIntl(nextConfig);
