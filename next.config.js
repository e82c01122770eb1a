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
  // Headers that never change, on every answer (pages, API, errors, the build's files). The pages'
  // Content-Security-Policy (a nonce a request) and HSTS (when NEXTAUTH_URL is https) are set per
  // request by proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          {
            key: "Permissions-Policy",
            value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
          },
        ],
      },
      // The API answers JSON: nothing in it may load or run, or be framed.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
  env: {
    // Build-time constant: only a build made with CATALOG_GUARD_TEST_CLOCK=1 (the end-to-end
    // tests') has the movable test clock of lib/clock.ts; a production build cannot turn it on.
    CG_TEST_CLOCK_BUILD: process.env.CATALOG_GUARD_TEST_CLOCK === "1" ? "1" : "0",
  },
};

module.exports = withNextIntl(nextConfig);
