#!/usr/bin/env bash
# Runs a benchmark script against a fresh, migrated database:
#
#   bash scripts/bench/with-postgres.sh [--build] [--bulk-load] <script.ts> [script options…]
#
# The server is BENCH_DATABASE_URL's if set (a fresh database is created in it), else a throw-away
# PostgreSQL 15 (scripts/lib/temp-postgres.sh) started with the settings in BENCH_PG_SETTINGS
# (default: a 2-core / 24 GiB machine's, below). The database is dropped and the throw-away server
# stopped on exit — unless the script's options include --keep, in which case both are left for
# inspection (EXPLAIN ANALYZE …) and the URL is printed. --build runs `next build` first when
# .next/BUILD_ID is missing (the ingest benchmark serves the production build). --bulk-load adds
# wal_level=minimal to the throw-away server, so a load that truncates its tables first writes no WAL.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib/ensure-deps.sh
source scripts/lib/temp-postgres.sh

needs_build=0
bulk_load=0
while [ $# -gt 0 ]; do
  case "$1" in
    --build) needs_build=1; shift ;;
    --bulk-load) bulk_load=1; shift ;;
    *) break ;;
  esac
done
script="${1:?usage: with-postgres.sh [--build] [--bulk-load] <script.ts> [options]}"
shift
keep=0
for arg in "$@"; do
  if [ "$arg" = "--keep" ]; then keep=1; fi
done

# Durable like production (the test server's fsync=off is overridden); sized for 2 cores / 24 GiB.
DEFAULT_SETTINGS="-c fsync=on -c synchronous_commit=on -c full_page_writes=on -c shared_buffers=4GB -c effective_cache_size=16GB \
-c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min -c max_parallel_maintenance_workers=2"
if [ "$bulk_load" = "1" ]; then DEFAULT_SETTINGS="$DEFAULT_SETTINGS -c wal_level=minimal -c max_wal_senders=0"; fi
export BENCH_PG_SETTINGS="${BENCH_PG_SETTINGS:-$DEFAULT_SETTINGS}"

ensure_node_modules
if [ "$needs_build" = "1" ] && [ ! -f .next/BUILD_ID ]; then
  echo "==> next build (no .next/BUILD_ID)" >&2
  NEXT_TELEMETRY_DISABLED=1 npx next build >&2
fi

temp_server=0
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  server_url="$BENCH_DATABASE_URL"
  BENCH_PG_SETTINGS="(the server at BENCH_DATABASE_URL, as configured)"
else
  start_temp_postgres "$BENCH_PG_SETTINGS" >&2
  server_url="$TEST_DATABASE_URL"
  temp_server=1
fi

# postgres.js (a dependency already) instead of psql, so a remote BENCH_DATABASE_URL needs no client tools.
run_sql() {
  node -e 'const sql = require("postgres")(process.argv[1], { max: 1, onnotice: () => {} });
    sql.unsafe(process.argv[2]).then(() => sql.end(), (e) => { console.error(e.message); process.exit(1); });' "$1" "$2"
}

database="catalog_guard_bench_$(date +%Y%m%d_%H%M%S)_$$"
database_url="$(node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$server_url" "$database")"

cleanup() {
  local status=$?
  if [ "$keep" = "1" ]; then
    echo "==> kept: DATABASE_URL=$database_url" >&2
    if [ "$temp_server" = "1" ]; then
      echo "==> stop the server with: runuser -u postgres -- $PG_BIN/pg_ctl -D $PG_TMP/data -m fast stop && rm -rf $PG_TMP" >&2
    fi
  else
    run_sql "$server_url" "drop database if exists $database with (force)" || true
    if [ "$temp_server" = "1" ]; then stop_temp_postgres; fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

run_sql "$server_url" "create database $database"
echo "==> database $database" >&2
DATABASE_URL="$database_url" npm run --silent db:migrate >&2
DATABASE_URL="$database_url" BENCH_PG_SETTINGS="$BENCH_PG_SETTINGS" npx tsx --conditions=react-server "$script" "$@"
