// Lint: Next's rules (core web vitals, React, hooks, accessibility, imports) with typescript-eslint,
// and nothing that fights the formatter. `npm run lint` runs it with zero warnings allowed.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  prettier,
  {
    rules: {
      // `const { secret: _secret, ...rest } = row` drops a field on purpose.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // One clock: pages, actions and lib/ read the time from lib/clock.ts (which the end-to-end tests
    // move) or take it as `now`, so no part of a request runs on a clock the tests cannot move.
    files: ["app/**", "lib/**"],
    ignores: ["lib/clock.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Read the time with currentTime() from lib/clock.ts in pages and actions, or take `now` as a parameter.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Read the time with currentTime() from lib/clock.ts in pages and actions, or take `now` as a parameter.",
        },
      ],
    },
  },
  {
    // Node's own CommonJS config files (next.config.js) load their plugins with require().
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  globalIgnores([
    ".next/**",
    ".data/**",
    ".test-output/**",
    "db/migrations/**",
    "next-env.d.ts",
    "playwright-report/**",
    "test-results/**",
  ]),
]);
