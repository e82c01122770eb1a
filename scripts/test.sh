#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a developer's: installs what is missing, starts a
# throw-away PostgreSQL 15, runs type checks, lint and the format check, unit and integration tests (vitest), builds the app
# and runs the end-to-end tests (Playwright, Debian's Chromium) against the production build, then
# runs `npm run demo` as a newcomer would and checks what it prints and serves.
# Every stage runs even if an earlier one failed; the last line sums up, and the exit code is
# non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh
source scripts/lib/temp-postgres.sh

set -e
ensure_node_modules
ensure_chromium
start_temp_postgres
trap stop_temp_postgres EXIT
set +e

rm -rf .test-output && mkdir -p .test-output
failed_stages=()
stage() {
  local name="$1"; shift
  echo
  echo "==> $name"
  "$@" || failed_stages+=("$name")
}

stage "type check" npx tsc --noEmit
stage "lint and format" npm run --silent lint
stage "unit and integration tests" npx vitest run --config scripts/vitest.config.ts \
  --reporter=default --reporter=json --outputFile=.test-output/vitest.json

prepare_e2e() {
  local db="catalog_guard_e2e"
  as_pg_user "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$db" || return 1
  export E2E_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/$db"
  DATABASE_URL="$E2E_DATABASE_URL" npm run --silent db:migrate || return 1
  # The end-to-end build carries the movable test clock (lib/clock.ts); a production build never does.
  CATALOG_GUARD_TEST_CLOCK=1 NEXT_TELEMETRY_DISABLED=1 npx next build
}
if stage "production build for the end-to-end tests" prepare_e2e; then
  stage "end-to-end tests" env E2E_PORT="$(free_port)" npx playwright test -c e2e/playwright.config.ts
fi

# The demo builds its own (production) app into .next, so it comes after the end-to-end tests.
stage "npm run demo" npx tsx scripts/test-support/check-demo.ts

node scripts/test-support/summarize.mjs .test-output/vitest.json .test-output/playwright.json .test-output/demo.json
if [ ${#failed_stages[@]} -gt 0 ]; then
  echo "failed stages: ${failed_stages[*]}"
  exit 1
fi
