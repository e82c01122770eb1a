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
    // Next reads a server action's whole body before the action can authorize anyone, so this is
    // what anyone can make the server parse. Sized for the forms: the longest, a seller's letter
    // (Problem → Solution pairs of a few thousand characters each), is a few hundred kB even in
    // Cyrillic (2 bytes a character). The CSV import has its own route, which authorizes first.
    serverActions: { bodySizeLimit: "1mb" },
  },
  typedRoutes: false,
  env: {
    // Build-time constant: only a build made with CATALOG_GUARD_TEST_CLOCK=1 (the end-to-end
    // tests') has the movable test clock of lib/clock.ts; a production build cannot turn it on.
    CG_TEST_CLOCK_BUILD: process.env.CATALOG_GUARD_TEST_CLOCK === "1" ? "1" : "0",
  },
};

module.exports = withNextIntl(nextConfig);
