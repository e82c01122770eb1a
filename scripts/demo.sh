#!/usr/bin/env bash
# Installs and runs Catalog Guard with demo data on the embedded database (PGlite in .data/),
# nothing else needed: http://localhost:3000. Safe to run again: data is seeded once.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/ensure-deps.sh

# The demo always uses the embedded database; see the README for a real PostgreSQL.
unset DATABASE_URL
ensure_node_modules
if [ ! -f .env.local ]; then
  secret="$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')"
  printf 'NEXTAUTH_SECRET=%s\nNEXTAUTH_URL=http://localhost:%s\n' "$secret" "${PORT:-3000}" > .env.local
  echo "==> wrote .env.local with a new session secret"
fi
echo "==> database"
npm run --silent db:migrate
npm run --silent db:seed
echo "==> the past weeks' evaluations and the demo seller's exclusion (once)"
LOG_LEVEL=warn npm run --silent db:seed -- --history
echo "==> evaluating every seller (the weekly run; the same week again reuses it)"
LOG_LEVEL=warn npm run --silent evaluate
echo "==> demo exclusion cases (once)"
LOG_LEVEL=warn npm run --silent db:seed -- --cases
echo "==> building the app"
NEXT_TELEMETRY_DISABLED=1 npx next build
npm run --silent db:seed -- --accounts-only
echo "==> serving on http://localhost:${PORT:-3000} (Ctrl+C stops)"
# The address follows PORT even when .env.local was written for another one.
NEXTAUTH_URL="http://localhost:${PORT:-3000}" exec node scripts/serve.mjs -p "${PORT:-3000}"
